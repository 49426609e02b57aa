import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { TemplateError, TemplateStore } from '../documents/templates';
import { NotifyController } from './notify.controller';
import { NotifyService } from './notify.service';
import { NotifyWorker } from './notify.worker';
import { HttpSmsGateway, SinkSmsGateway, SMS_GATEWAY } from './sms-gateway';
import { checkSmsTemplates, smsTemplateProblems } from './sms-template-check';

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
export class NotifyModule implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
  ) {}

  /** The SMS template check at boot, with this app's own address in the links. */
  onModuleInit(): void {
    const problems = smsTemplateProblems(checkSmsTemplates(this.templates, this.config.BASE_URL));
    if (problems.length > 0) throw new TemplateError(problems.join('\n'));
  }
}
