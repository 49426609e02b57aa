import { Injectable } from '@nestjs/common';
import type { Change } from '../../../platform/change';
import { Unit } from '../../../platform/units';
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
  

  async stageReached(change: Change, app: ProtestApplication): Promise<void> {
    const thana = await change.em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
    const thanaName = { hi: thana.nameHi, en: thana.nameEn, bi: `${thana.nameHi} (${thana.nameEn})` }[app.smsLanguage];
    await change.notify({
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
