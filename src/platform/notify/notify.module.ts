import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { NotifyController } from './notify.controller';
import { NotifyService } from './notify.service';
import { NotifyWorker } from './notify.worker';
import { HttpSmsGateway, SinkSmsGateway, SMS_GATEWAY } from './sms-gateway';

@Global()
@Module({
  controllers: [NotifyController],
  providers: [
    {
      provide: SMS_GATEWAY,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => (c.NOTIFY_SMS_ADAPTER === 'http' ? new HttpSmsGateway(c.NOTIFY_SMS_URL!, c.NOTIFY_SMS_TOKEN) : new SinkSmsGateway()),
    },
    NotifyService,
    NotifyWorker,
  ],
  exports: [NotifyService],
})
export class NotifyModule {}
