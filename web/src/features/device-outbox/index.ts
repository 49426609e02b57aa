export { DeviceOutboxPage } from './DeviceOutboxPage';
export { OutboxBanner } from './OutboxBanner';
export { QueuedItems } from './QueuedItems';
