import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import type { Change } from '../../../platform/change';
import { formatIstDateTime } from '../../../platform/time';
import type { SlipContent } from '../publish/slip-content';
import { DutyChartSettings, InjectSettings } from '../settings';
import { DutySlip } from './duty-slip.entity';
import { SlipLinks } from './slip-links';

const HOUR = 3600_000;

/** SMS to officers about their own slip, queued in the publishing transaction. */
@Injectable()
export class SlipNotices {
  constructor(
    private readonly links: SlipLinks,
    @InjectSettings() private readonly settings: DutyChartSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The officer's page; valid until a grace period after their last duty ends. */
  linkFor(slip: Pick<DutySlip, 'id' | 'lastDutyEnd'>): string {
    const base = slip.lastDutyEnd ?? new Date();
    const token = this.links.token(
      slip.id,
      new Date(base.getTime() + this.settings.slipLinkGraceHours * HOUR),
    );
    return `${this.config.BASE_URL.replace(/\/$/, '')}/s/${token}`;
  }

  /** False when there is no mobile number to send to (the slip is still on the officer's login). */
  async dutyNotice(
    change: Change,
    template: 'duty-slip' | 'duty-slip-changed',
    slip: Pick<DutySlip, 'id' | 'lastDutyEnd'>,
    content: SlipContent,
    mobile: string | null,
  ): Promise<boolean> {
    if (!mobile) return false;
    const first = content.duties[0]!;
    const report = new Date(first.reportAt);
    const more = content.duties.length > 1 ? ` (+${content.duties.length - 1})` : '';
    await change.notify({
      channel: 'SMS',
      to: mobile,
      template,
      language: this.settings.smsLanguage,
      vars: {
        ...this.names(content),
        reportAt: formatIstDateTime(report),
        post: `${first.postName} (${first.postCode})${more}`,
        link: this.linkFor(slip),
      },
      sourceType: 'duty_slip',
      sourceId: slip.id,
    });
    return true;
  }

  async cancelNotice(
    change: Change,
    slip: Pick<DutySlip, 'id' | 'lastDutyEnd'>,
    content: SlipContent,
    mobile: string | null,
  ): Promise<boolean> {
    if (!mobile) return false;
    await change.notify({
      channel: 'SMS',
      to: mobile,
      template: 'duty-cancelled',
      language: this.settings.smsLanguage,
      vars: this.names(content),
      sourceType: 'duty_slip',
      sourceId: slip.id,
    });
    return true;
  }

  /** One set of values serves both languages of a bilingual SMS, so names are given once each. */
  private names(content: SlipContent): { name: string; event: string } {
    const lang = this.settings.smsLanguage;
    const o = content.officer;
    const b = content.bandobast;
    if (lang === 'en') return { name: o.nameEn, event: b.nameEn };
    if (lang === 'hi') return { name: o.nameHi, event: b.nameHi };
    return { name: `${o.nameHi} / ${o.nameEn}`, event: `${b.nameHi} / ${b.nameEn}` };
  }
}
