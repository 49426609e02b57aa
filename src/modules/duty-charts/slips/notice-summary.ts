import type { NotificationState } from '../../../platform/notify';
import type { NoticeOfficer, NoticeTemplate } from './duty-slip-notice.entity';

/** Why an officer on a published chart was not told of their duty. */
export type NotNotifiedReason = 'NO_MOBILE' | 'INVALID_NUMBER' | 'SMS_FAILED';

export const NOT_NOTIFIED_REASONS: readonly NotNotifiedReason[] = ['NO_MOBILE', 'INVALID_NUMBER', 'SMS_FAILED'];

export const REASON_TEXT: Record<NotNotifiedReason, { hi: string; en: string }> = {
  NO_MOBILE: { hi: 'मोबाइल नंबर दर्ज नहीं', en: 'no mobile number on the roll' },
  INVALID_NUMBER: { hi: 'मोबाइल नंबर अमान्य', en: 'invalid mobile number' },
  SMS_FAILED: { hi: 'एसएमएस नहीं भेजा जा सका', en: 'SMS failed' },
};

/** One notice row as stored, before its SMS are looked up. */
export interface StoredNotice {
  template: NoticeTemplate;
  notificationIds: string[];
  unsentReason: 'NO_MOBILE' | null;
  officer: NoticeOfficer;
}

export type NoticeState = 'SENT' | 'KEPT_IN_SINK' | 'PENDING' | NotNotifiedReason;

export interface NotNotifiedOfficer extends NoticeOfficer {
  template: NoticeTemplate;
  reason: NotNotifiedReason;
  reasonText: { hi: string; en: string };
  /** The gateway's or the check's words, for an SMS that failed. */
  detail: string | null;
}

export interface NoticeSummary {
  /** Officers this version had to tell: on it, or taken off by it. */
  officers: number;
  sent: number;
  /** Development only: the sink kept the SMS; nobody received it. */
  keptInSink: number;
  /** Queued or being retried: not failed yet. */
  pending: number;
  notNotified: number;
  byReason: Record<NotNotifiedReason, number>;
  /** Each officer not told, by unit and belt number. */
  notNotifiedOfficers: NotNotifiedOfficer[];
  /** The outcome in a sentence, in both languages. */
  message: { hi: string; en: string };
}

/** Where one officer's notice stands: any SMS sent wins, then kept, then still going, then why not. */
export function noticeState(
  notice: Pick<StoredNotice, 'notificationIds' | 'unsentReason'>,
  states: ReadonlyMap<string, NotificationState>,
): { state: NoticeState; detail: string | null } {
  if (notice.unsentReason || notice.notificationIds.length === 0) return { state: 'NO_MOBILE', detail: null };
  const mine = notice.notificationIds.map((id) => states.get(id));
  for (const status of ['SENT', 'KEPT_IN_SINK', 'PENDING'] as const)
    if (mine.some((n) => n?.status === status)) return { state: status, detail: null };
  const failed = mine.filter((n): n is NotificationState => n !== undefined);
  const detail = failed.map((n) => n.lastError).find((e) => !!e) ?? null;
  return { state: failed.some((n) => n.failure === 'INVALID_NUMBER') ? 'INVALID_NUMBER' : 'SMS_FAILED', detail };
}

/** Counts and the list of officers not told, for the publish result and the chart view. */
export function summariseNotices(notices: readonly StoredNotice[], states: ReadonlyMap<string, NotificationState>): NoticeSummary {
  const byReason: Record<NotNotifiedReason, number> = { NO_MOBILE: 0, INVALID_NUMBER: 0, SMS_FAILED: 0 };
  const counts = { sent: 0, keptInSink: 0, pending: 0 };
  const notNotifiedOfficers: NotNotifiedOfficer[] = [];
  for (const notice of notices) {
    const { state, detail } = noticeState(notice, states);
    if (state === 'SENT') counts.sent++;
    else if (state === 'KEPT_IN_SINK') counts.keptInSink++;
    else if (state === 'PENDING') counts.pending++;
    else {
      byReason[state]++;
      notNotifiedOfficers.push({ ...notice.officer, template: notice.template, reason: state, reasonText: REASON_TEXT[state], detail });
    }
  }
  notNotifiedOfficers.sort(
    (a, b) => byCodePoints(a.unitNameEn, b.unitNameEn) || byCodePoints(a.beltNo, b.beltNo),
  );
  const notNotified = notNotifiedOfficers.length;
  const summary = { officers: notices.length, ...counts, notNotified, byReason, notNotifiedOfficers };
  return { ...summary, message: noticeMessage(summary) };
}

function noticeMessage(s: Omit<NoticeSummary, 'message'>): { hi: string; en: string } {
  const reasons = NOT_NOTIFIED_REASONS.filter((r) => s.byReason[r] > 0);
  const en = [`${s.sent} of ${s.officers} officers notified by SMS`];
  const hi = [`${s.officers} में से ${s.sent} अधिकारियों को एसएमएस भेजा गया`];
  if (s.notNotified > 0) {
    en.push(`${s.notNotified} not notified (${reasons.map((r) => `${s.byReason[r]} ${REASON_TEXT[r].en}`).join(', ')})`);
    hi.push(`${s.notNotified} को सूचना नहीं (${reasons.map((r) => `${s.byReason[r]} ${REASON_TEXT[r].hi}`).join(', ')})`);
  }
  if (s.pending > 0) {
    en.push(`${s.pending} still being sent`);
    hi.push(`${s.pending} भेजे जा रहे हैं`);
  }
  if (s.keptInSink > 0) {
    en.push(`${s.keptInSink} kept in the development sink, not sent`);
    hi.push(`${s.keptInSink} डेवलपमेंट सिंक में रखे गए, भेजे नहीं गए`);
  }
  return { hi: hi.join('; '), en: en.join('; ') };
}

const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
