import { Injectable } from '@nestjs/common';
import type { Change } from '../../../platform/change';
import { formatIstDate, istMidnight } from '../../../platform/time';
import type { Unit } from '../../../platform/units';
import type { VerificationApplication } from '../entities/verification-application.entity';
import { VERIFICATION_SOURCE } from '../verification-terms';

/** The stages the applicant hears of, each from templates/messages/verification-<stage>.<lang>.txt. */
export const VERIFICATION_NOTICE_STAGES = ['received', 'rerouted', 'visited', 'clear', 'adverse', 'incomplete', 'appeal-received', 'appeal-upheld', 'appeal-overturned', 'certificate-withdrawn'] as const;
export type VerificationNoticeStage = (typeof VERIFICATION_NOTICE_STAGES)[number];

/**
 * The applicant hears of every stage by SMS, queued in the change's transaction: received (with
 * the thana and the day it is due), sent to another thana, the visit done, and the DSP's word.
 * No outcome's grounds, no records: only that it is decided and where to ask.
 */
@Injectable()
export class VerificationNotices {
  /** `dueOn`: the day the stage is due by, when not the application's (an appeal's). */
  async stage(change: Change, app: VerificationApplication, thana: Unit, stage: VerificationNoticeStage, dueOn = app.dueOn): Promise<void> {
    const thanaName = { hi: thana.nameHi, en: thana.nameEn, bi: `${thana.nameHi} (${thana.nameEn})` }[app.smsLanguage];
    await change.notify({
      channel: 'SMS',
      to: app.mobile,
      template: `verification-${stage}`,
      language: app.smsLanguage,
      vars: { reference: app.ref, thana: thanaName, dueOn: formatIstDate(istMidnight(dueOn)) },
      sourceType: VERIFICATION_SOURCE,
      sourceId: app.id,
    });
  }
}
