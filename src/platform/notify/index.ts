export { NotifyService } from './notify.service';
export type { MessageRequest } from './notify.service';
