// Character verification's screens, one chunk fetched when one of them is opened (app/router.tsx).
export { FieldVisitPage } from './FieldVisitPage';
export { VerificationIntakePage } from './VerificationIntakePage';
export { VerificationQueuePage } from './VerificationQueuePage';
export { VerificationRecordPage } from './VerificationRecordPage';
