export { DeviceOutboxPage } from './DeviceOutboxPage';
