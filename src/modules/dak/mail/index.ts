// Inward e-mail of the dak register: what DakModule registers.
import { DakMailIntake } from './dak-mail-intake.service';
import { DakMailPoller } from './dak-mail-poller.service';

/** The mailbox poller and the exactly-once intake it hands messages to (off unless DAK_IMAP_HOST is set). */
export const DAK_MAIL_PROVIDERS = [DakMailIntake, DakMailPoller];
