import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotifyService } from '../../../platform/notify/notify.service';
import { Unit } from '../../../platform/units/unit.entity';
import type { ProtestApplication } from '../entities/protest-application.entity';
import { formatIstDateTime } from '../../../platform/time';
import type { ProtestStatus } from '../protest-workflow';
import { PROTEST_SOURCE } from '../protest-source';

/** Template templates/messages/protest-<stage>.<lang>.txt for the state an application reached. */
export function noticeTemplate(status: ProtestStatus): string {
  return `protest-${status.toLowerCase().replace(/_/g, '-')}`;
}

/** The applicant hears of every stage by SMS, queued in the same transaction as the change. */
@Injectable()
export class ProtestNotices {
  constructor(private readonly notify: NotifyService) {}

  async stageReached(em: EntityManager, app: ProtestApplication): Promise<void> {
    const thana = await em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
    const thanaName = { hi: thana.nameHi, en: thana.nameEn, bi: `${thana.nameHi} (${thana.nameEn})` }[app.smsLanguage];
    await this.notify.send(em, {
      channel: 'SMS',
      to: app.mobile,
      template: noticeTemplate(app.status),
      language: app.smsLanguage,
      vars: { reference: app.ref, eventDate: formatIstDateTime(app.startsAt), thana: thanaName },
      sourceType: PROTEST_SOURCE,
      sourceId: app.id,
    });
  }
}
