// Dak's public face: what other parts of the app may import from this module.
export { DakModule } from './dak.module';
export { DakService } from './dak.service';
export { DAK_SOURCE, languageOf } from './dak-terms';
export type { MailDiarisation } from './dak-terms';
export { DakReceipt } from './entities/dak-receipt.entity';
export { DAK_LANGUAGES, DAK_PRIORITIES } from './dak-settings';
export type { DakLanguage, DakPriority } from './dak-settings';
export { DAK_STATUSES } from './dak-workflow';
export type { DakStatus } from './dak-workflow';
export { DAK_RETENTION } from './dak-retention';
