export { NOTIFICATION_RETENTION } from './notification-retention';
export { NotifyService, smsRecipientProblem } from './notify.service';
export type { MessageRequest, NotificationState } from './notify.service';
export { smsSize } from './sms-parts';
export type { SmsEncoding, SmsSize } from './sms-parts';
