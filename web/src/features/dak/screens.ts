// The dak register's screens, one chunk fetched when one of them is opened (app/router.tsx).
export { DakEmailQueuePage } from './DakEmailQueuePage';
export { DakFilePage, DakFilesPage } from './DakFilesPage';
export { DakInboxPage } from './DakInboxPage';
export { DakIntakePage } from './DakIntakePage';
export { DakItemPage } from './DakItemPage';
export { DakRegisterPage } from './DakRegisterPage';
export { DakOutageReportPage } from './DakOutageReportPage';
