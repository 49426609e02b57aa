import { loadConfig } from '../../../config/config';
import { parseIstDateTime } from '../../../platform/time';
import { evaluateRules, RuleInput } from './protest-rules';

const ist = parseIstDateTime;
const limits = loadConfig({}).protests;
const park = { nameEn: 'Ambedkar Park', capacity: 1000, opensAt: '10:00', closesAt: '17:00' };
const base: RuleInput = {
  receivedAt: ist('2026-11-24T10:00'),
  startsAt: ist('2026-11-27T11:00'),
  endsAt: ist('2026-11-27T14:00'),
  expectedParticipants: 300,
  loudspeaker: { from: ist('2026-11-27T11:00'), to: ist('2026-11-27T13:00') },
  venue: park,
  restrictions: [],
};
const failing = (input: RuleInput) => evaluateRules(input, limits).filter((r) => !r.ok).map((r) => r.rule);

describe('protest rules', () => {
  it('passes an ordinary dharna at Ambedkar Park on every rule, and says what it compared', () => {
    const rules = evaluateRules(base, limits);
    expect(rules.map((r) => r.rule)).toEqual(['LEAD_TIME', 'LOUDSPEAKER_QUIET_HOURS', 'VENUE_CAPACITY', 'VENUE_HOURS', 'MAX_DURATION', 'RESTRICTION_ORDER']);
    expect(rules.every((r) => r.ok)).toBe(true);
    expect(rules.find((r) => r.rule === 'VENUE_CAPACITY')!.detail).toBe('300 expected; Ambedkar Park takes at most 1000');
  });

  it('flags each broken rule on its own', () => {
    expect(failing({ ...base, receivedAt: ist('2026-11-26T10:00') })).toEqual(['LEAD_TIME']);
    expect(failing({ ...base, loudspeaker: { from: ist('2026-11-27T12:00'), to: ist('2026-11-27T22:30') } })).toEqual(['LOUDSPEAKER_QUIET_HOURS']);
    expect(failing({ ...base, expectedParticipants: 1001 })).toEqual(['VENUE_CAPACITY']);
    expect(failing({ ...base, endsAt: ist('2026-11-27T18:00') })).toEqual(['VENUE_HOURS']);
    expect(failing({ ...base, venue: null, endsAt: ist('2026-11-28T12:00') })).toEqual(['MAX_DURATION']);
    expect(failing({ ...base, restrictions: [{ id: 'x', orderRef: '163/2026/1', reason: 'Assembly session', startsAt: '', endsAt: '' }] })).toEqual(['RESTRICTION_ORDER']);
  });

  it('does not apply venue rules to a route', () => {
    const rules = evaluateRules({ ...base, venue: null, expectedParticipants: 50_000 }, limits);
    expect(rules.filter((r) => r.rule.startsWith('VENUE_')).every((r) => r.ok && r.detail.startsWith('a route'))).toBe(true);
  });
});
