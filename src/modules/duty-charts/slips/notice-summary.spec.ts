import type { NotificationState } from '../../../platform/notify';
import type { NoticeOfficer } from './duty-slip-notice.entity';
import { noticeState, StoredNotice, summariseNotices } from './notice-summary';

const officer = (beltNo: string, unit = 'Kamla Nagar'): NoticeOfficer => ({
  officerId: `id-${beltNo}`,
  beltNo,
  nameEn: `Officer ${beltNo}`,
  nameHi: `अधिकारी ${beltNo}`,
  rank: 'CONSTABLE',
  unitNameEn: unit,
  unitNameHi: 'कमला नगर',
  postCode: 'P1',
  postName: 'New Market square',
});
const notice = (beltNo: string, ids: string[], unit?: string): StoredNotice => ({
  template: 'duty-slip',
  notificationIds: ids,
  unsentReason: ids.length ? null : 'NO_MOBILE',
  officer: officer(beltNo, unit),
});
const state = (id: string, status: NotificationState['status'], failure: NotificationState['failure'] = null, lastError: string | null = null) =>
  [id, { id, status, failure, lastError, parts: 2 }] as const;

describe('who a publication did not notify', () => {
  const states = new Map<string, NotificationState>([
    state('n1', 'SENT'),
    state('n2', 'FAILED', 'INVALID_NUMBER', 'SMS gateway answered 422: unknown subscriber'),
    state('n3', 'FAILED', 'GAVE_UP', 'SMS gateway answered 503'),
    state('n4', 'PENDING'),
    state('n5', 'FAILED', 'REFUSED', 'SMS gateway answered 400'),
    state('n6', 'SENT'),
  ]);

  it('tells apart no mobile, an invalid number and a failed SMS, with counts and a message in both languages', () => {
    const summary = summariseNotices(
      [notice('KN-0001', ['n1']), notice('KN-0002', []), notice('KN-0003', ['n2']), notice('KN-0004', ['n3']), notice('KN-0005', ['n4'])],
      states,
    );
    expect(summary).toMatchObject({
      officers: 5,
      sent: 1,
      pending: 1,
      keptInSink: 0,
      notNotified: 3,
      byReason: { NO_MOBILE: 1, INVALID_NUMBER: 1, SMS_FAILED: 1 },
    });
    expect(summary.notNotifiedOfficers.map((o) => [o.beltNo, o.reason, o.detail])).toEqual([
      ['KN-0002', 'NO_MOBILE', null],
      ['KN-0003', 'INVALID_NUMBER', 'SMS gateway answered 422: unknown subscriber'],
      ['KN-0004', 'SMS_FAILED', 'SMS gateway answered 503'],
    ]);
    expect(summary.notNotifiedOfficers[0]).toMatchObject({
      nameEn: 'Officer KN-0002',
      rank: 'CONSTABLE',
      unitNameEn: 'Kamla Nagar',
      postName: 'New Market square',
      reasonText: { hi: 'मोबाइल नंबर दर्ज नहीं', en: 'no mobile number on the roll' },
    });
    expect(summary.message.en).toBe(
      '1 of 5 officers notified by SMS; 3 not notified (1 no mobile number on the roll, 1 invalid mobile number, 1 SMS failed); 1 still being sent',
    );
    expect(summary.message.hi).toBe(
      '5 में से 1 अधिकारियों को एसएमएस भेजा गया; 3 को सूचना नहीं (1 मोबाइल नंबर दर्ज नहीं, 1 मोबाइल नंबर अमान्य, 1 एसएमएस नहीं भेजा जा सका); 1 भेजे जा रहे हैं',
    );
  });

  it('counts an officer told in one language of two as notified', () => {
    expect(noticeState({ notificationIds: ['n5', 'n6'], unsentReason: null }, states).state).toBe('SENT');
    expect(noticeState({ notificationIds: ['n5', 'n3'], unsentReason: null }, states)).toEqual({
      state: 'SMS_FAILED',
      detail: 'SMS gateway answered 400',
    });
  });

  it('lists the officers not told by unit, then belt number', () => {
    const summary = summariseNotices(
      [notice('TT-0002', [], 'TT Nagar'), notice('KN-0009', []), notice('TT-0001', [], 'TT Nagar'), notice('KN-0001', [])],
      states,
    );
    expect(summary.notNotifiedOfficers.map((o) => o.beltNo)).toEqual(['KN-0001', 'KN-0009', 'TT-0001', 'TT-0002']);
  });

  it('says the development sink kept the messages rather than calling them sent', () => {
    const sink = new Map([state('k1', 'KEPT_IN_SINK')]);
    const summary = summariseNotices([notice('KN-0001', ['k1'])], sink);
    expect(summary).toMatchObject({ sent: 0, keptInSink: 1, notNotified: 0 });
    expect(summary.message.en).toBe('0 of 1 officers notified by SMS; 1 kept in the development sink, not sent');
  });
});
