/**
 * The writes the outbox may hold (offline/kinds.ts), each declared by its feature: registered
 * here, at start, so that items saved before a reload are sent without their screens open.
 */
import '../features/protests/queued';
import '../features/dak/queued';
import '../features/verifications/queued';
import '../features/vip/queued';
