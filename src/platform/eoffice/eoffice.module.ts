import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { EofficeChannel } from './eoffice-channel.service';
import { EofficeController } from './eoffice.controller';
import { createEofficeGateway, EOFFICE_GATEWAY, EofficeGatewayConfig } from './gateway';
import { OutboxDeliveryWorker } from './outbox/outbox-delivery.worker';
import { InstanceLiveness } from './outbox/instance-liveness';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.service';
import { OutboxService } from './outbox/outbox.service';
import { EofficeOutages } from './outages';
import { SyncStateService } from './sync-state/sync-state.service';

export function gatewayConfig(c: AppConfig): EofficeGatewayConfig {
  switch (c.EOFFICE_ADAPTER) {
    case 'email':
      return {
        adapter: 'email',
        host: c.EOFFICE_SMTP_HOST!,
        port: c.EOFFICE_SMTP_PORT,
        secure: c.EOFFICE_SMTP_SECURE,
        ...(c.EOFFICE_SMTP_USER ? { auth: { user: c.EOFFICE_SMTP_USER, pass: c.EOFFICE_SMTP_PASSWORD ?? '' } } : {}),
        from: c.EOFFICE_MAIL_FROM,
        diarisationMailbox: c.EOFFICE_MAILBOX!,
        timeoutMs: c.EOFFICE_TIMEOUT_MS,
      };
    case 'http':
      return { adapter: 'http', baseUrl: c.EOFFICE_URL, token: c.EOFFICE_TOKEN, timeoutMs: c.EOFFICE_TIMEOUT_MS };
    case 'simulator':
      return { adapter: 'simulator', url: c.EOFFICE_URL, token: c.EOFFICE_TOKEN, timeoutMs: c.EOFFICE_TIMEOUT_MS };
  }
}

/** Everything bound for e-Office: the outbox, its worker and dispatcher, sync state, and the system mode. */
@Global()
@Module({
  controllers: [EofficeController],
  providers: [
    { provide: EOFFICE_GATEWAY, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createEofficeGateway(gatewayConfig(c)) },
    EofficeChannel,
    InstanceLiveness,
    OutboxService,
    SyncStateService,
    OutboxDeliveryWorker,
    OutboxDispatcher,
    EofficeOutages,
  ],
  exports: [OutboxService, SyncStateService, EofficeChannel, EofficeOutages],
})
export class EofficeModule {}
