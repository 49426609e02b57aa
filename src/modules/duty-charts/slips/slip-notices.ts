import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import type { Change } from '../../../platform/change';
import { formatIstDate, formatIstTime } from '../../../platform/time';
import type { SlipContent } from '../publish/slip-content';
import { DutyChartSettings, InjectSettings } from '../settings';
import { DutySlip } from './duty-slip.entity';
import { SlipLinks } from './slip-links';

const HOUR = 3600_000;

type Language = 'hi' | 'en';

/**
 * The notifications queued for one officer, or why none could be: the duty module keeps these
 * ids to say later who was told and who was not.
 */
export type NoticeOutcome = { notificationIds: string[] } | { notificationIds: []; unsent: 'NO_MOBILE' };

/** "28-11 21:30": a duty SMS is about the coming days, and two parts leave no room for the year. */
export function smsMoment(at: Date): string {
  return `${formatIstDate(at).slice(0, 5)} ${formatIstTime(at)}`;
}

/**
 * SMS to officers about their own slip, queued in the publishing transaction. Each is at most
 * two parts (the notify platform shortens the post or the event to fit, templates/README.md):
 * the time to report, the post, and the signed link to the slip, which carries the detail. With
 * DUTY_SMS_LANGUAGE=bi an officer gets the Hindi and the English SMS, each within its two parts,
 * rather than one message of six.
 */
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

  async dutyNotice(
    change: Change,
    template: 'duty-slip' | 'duty-slip-changed',
    slip: Pick<DutySlip, 'id' | 'lastDutyEnd'>,
    content: SlipContent,
    mobile: string | null,
  ): Promise<NoticeOutcome> {
    const first = content.duties[0]!;
    const link = this.linkFor(slip);
    return this.send(change, template, slip, mobile, (lang) => ({
      ...this.names(content, lang),
      reportAt: smsMoment(new Date(first.reportAt)),
      // The Hindi SMS names the post in Hindi once it has a Hindi name.
      post: lang === 'hi' ? (first.postNameHi ?? first.postName) : first.postName,
      more: content.duties.length > 1 ? ` (+${content.duties.length - 1})` : '',
      link,
    }));
  }

  cancelNotice(
    change: Change,
    slip: Pick<DutySlip, 'id' | 'lastDutyEnd'>,
    content: SlipContent,
    mobile: string | null,
  ): Promise<NoticeOutcome> {
    return this.send(change, 'duty-cancelled', slip, mobile, (lang) => this.names(content, lang));
  }

  private async send(
    change: Change,
    template: string,
    slip: Pick<DutySlip, 'id'>,
    mobile: string | null,
    vars: (lang: Language) => Record<string, string>,
  ): Promise<NoticeOutcome> {
    if (!mobile) return { notificationIds: [], unsent: 'NO_MOBILE' };
    const languages: Language[] = this.settings.smsLanguage === 'bi' ? ['hi', 'en'] : [this.settings.smsLanguage];
    const notificationIds: string[] = [];
    for (const language of languages) {
      const queued = await change.notify({
        channel: 'SMS',
        to: mobile,
        template,
        language,
        vars: vars(language),
        sourceType: 'duty_slip',
        sourceId: slip.id,
      });
      notificationIds.push(queued.id);
    }
    return { notificationIds };
  }

  private names(content: SlipContent, lang: Language): { name: string; event: string } {
    const o = content.officer;
    const b = content.bandobast;
    return lang === 'en' ? { name: o.nameEn, event: b.nameEn } : { name: o.nameHi, event: b.nameHi };
  }
}
