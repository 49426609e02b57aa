import type { AppConfig } from '../../../config/config';
import type { Change } from '../../../platform/change';
import type { MessageRequest } from '../../../platform/notify';
import type { SlipContent } from '../publish/slip-content';
import { DutyChartSettings } from '../settings';
import { SlipLinks } from './slip-links';
import { SlipNotices, smsMoment } from './slip-notices';

const settings = (smsLanguage: DutyChartSettings['smsLanguage']): DutyChartSettings => ({
  slipLinkSecret: 'a-secret-that-is-long-enough-for-hmac-keys',
  slipLinkGraceHours: 48,
  solveInThread: false,
  solveTimeLimitSeconds: 60,
  shortfallShape: 'concentrated',
  smsLanguage,
});

const duty = (postNameHi?: string): SlipContent['duties'][number] => ({
  shiftCode: 'P1-C',
  postCode: 'P1',
  postName: 'New Market square',
  ...(postNameHi ? { postNameHi } : {}),
  postKind: 'FIXED_POINT',
  location: 'New Market',
  lat: null,
  lng: null,
  sector: 'Sector 1 (D1-S1)',
  division: 'Division 1 (D1)',
  start: '2026-11-28T16:30:00.000Z',
  end: '2026-11-29T00:30:00.000Z',
  reportAt: '2026-11-28T16:00:00.000Z',
  slotRank: 'CONSTABLE',
  inCharge: null,
  equipment: '—',
  briefing: null,
});

const content = (duties: SlipContent['duties']): SlipContent => ({
  bandobast: { ref: 'BDB/2026/000001', nameEn: 'Diwali', nameHi: 'दीपावली' },
  officer: { id: 'o1', beltNo: 'KN-0001', nameEn: 'Ram', nameHi: 'राम', rank: 'CONSTABLE', unitNameEn: 'Kamla Nagar', unitNameHi: 'कमला नगर' },
  duties,
});

/** A change that only records what would be queued; the notify platform is tested on its own. */
function recordingChange(): { change: Change; sent: MessageRequest[] } {
  const sent: MessageRequest[] = [];
  const change = { notify: async (m: MessageRequest) => (sent.push(m), { id: `n${sent.length}` }) } as unknown as Change;
  return { change, sent };
}

describe('duty SMS to officers', () => {
  const notices = (lang: DutyChartSettings['smsLanguage']) =>
    new SlipNotices(new SlipLinks(settings(lang)), settings(lang), { BASE_URL: 'https://police-ops.bhopal.test/' } as AppConfig);
  const slip = { id: '5d0c8f0e-2b1a-4c3d-9e8f-0a1b2c3d4e5f', lastDutyEnd: new Date('2026-11-29T00:30:00Z') };

  it('prints the reporting time in IST without the year, across midnight too', () => {
    expect(smsMoment(new Date('2026-11-28T16:00:00Z'))).toBe('28-11 21:30');
    expect(smsMoment(new Date('2026-11-28T18:45:00Z'))).toBe('29-11 00:15');
  });

  it('names the post in Hindi in the Hindi SMS, with the short slip link and the count of further duties', async () => {
    const { change, sent } = recordingChange();
    const outcome = await notices('hi').dutyNotice(change, 'duty-slip', slip, content([duty('न्यू मार्केट चौराहा'), duty()]), '9827012345');
    expect(outcome).toEqual({ notificationIds: ['n1'] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'SMS', to: '9827012345', template: 'duty-slip', language: 'hi', sourceType: 'duty_slip', sourceId: slip.id });
    expect(sent[0]!.vars).toMatchObject({ post: 'न्यू मार्केट चौराहा', more: ' (+1)', reportAt: '28-11 21:30', name: 'राम', event: 'दीपावली' });
    expect(sent[0]!.vars.link).toMatch(/^https:\/\/police-ops\.bhopal\.test\/s\/[A-Za-z0-9_-]{40}$/);
  });

  it('falls back to the English post name while the post has no Hindi one', async () => {
    const { change, sent } = recordingChange();
    await notices('hi').dutyNotice(change, 'duty-slip', slip, content([duty()]), '9827012345');
    expect(sent[0]!.vars).toMatchObject({ post: 'New Market square', more: '' });
  });

  it('sends a Hindi and an English SMS for DUTY_SMS_LANGUAGE=bi, each in its own language', async () => {
    const { change, sent } = recordingChange();
    const outcome = await notices('bi').dutyNotice(change, 'duty-slip-changed', slip, content([duty('न्यू मार्केट चौराहा')]), '9827012345');
    expect(outcome).toEqual({ notificationIds: ['n1', 'n2'] });
    expect(sent.map((m) => [m.language, m.vars.post, m.vars.name])).toEqual([
      ['hi', 'न्यू मार्केट चौराहा', 'राम'],
      ['en', 'New Market square', 'Ram'],
    ]);
  });

  it('queues nothing and says so for an officer without a mobile number', async () => {
    const { change, sent } = recordingChange();
    expect(await notices('hi').cancelNotice(change, slip, content([duty()]), null)).toEqual({ notificationIds: [], unsent: 'NO_MOBILE' });
    expect(sent).toEqual([]);
  });
});
