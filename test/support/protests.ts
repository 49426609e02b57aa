import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nearestThana, parseVenueCsv } from '../../src/modules/protests/venues/venue-csv';
import type { ProtestStatus } from '../../src/modules/protests/protest-workflow';
import { addDays, istDateKey } from '../../src/platform/time';
import type { TestApp } from './test-app';

/** The thanas test-app.ts creates, with their centroids. */
const TEST_THANAS = [
  { code: 'TT_NAGAR', lat: 23.2345, lng: 77.4 },
  { code: 'KAMLA_NAGAR', lat: 23.219, lng: 77.3915 },
  { code: 'MP_NAGAR', lat: 23.2325, lng: 77.4285 },
];

/** Site rules on the Delhi model (Jantar Mantar: 1,000 people, 10:00–17:00), for the rule tests. */
const SITE_RULES: Record<string, { capacity?: number; opensAt?: string; closesAt?: string }> = {
  AMBEDKAR_PARK: { capacity: 1000, opensAt: '10:00', closesAt: '17:00' },
  BOARD_OFFICE_SQUARE: { capacity: 500 },
};

export const VIDHAN_SABHA = { lat: 23.2403, lng: 77.4135 };
export const AMBEDKAR_PARK = { lat: 23.2335, lng: 77.407 };

export interface ProtestActors {
  admin: string;
  control: string;
  approver: string;
  auditor: string;
  /** OFFICER tokens by unit code: TT_NAGAR, KAMLA_NAGAR, MP_NAGAR, ACP_TT_NAGAR. */
  officer: Record<string, string>;
}

export async function protestActors(t: TestApp): Promise<ProtestActors> {
  const officer: Record<string, string> = {};
  for (const unit of ['TT_NAGAR', 'KAMLA_NAGAR', 'MP_NAGAR', 'ACP_TT_NAGAR']) officer[unit] = await t.tokenFor(['OFFICER'], unit);
  return {
    admin: await t.tokenFor(['ADMIN']),
    control: await t.tokenFor(['CONTROL_ROOM']),
    approver: await t.tokenFor(['APPROVER']),
    auditor: await t.tokenFor(['AUDITOR']),
    officer,
  };
}

/** Registers the Bhopal venues from the demo CSV, each with its nearest test thana. */
export async function seedVenues(t: TestApp, admin: string): Promise<Record<string, { id: string; thanaCode: string }>> {
  const csv = readFileSync(join(__dirname, '../../src/cli/demo/data/bhopal-venues.csv'), 'utf8');
  const out: Record<string, { id: string; thanaCode: string }> = {};
  for (const v of parseVenueCsv(csv)) {
    const thanaCode = nearestThana(v, TEST_THANAS).code;
    const body = { code: v.code, nameEn: v.nameEn, nameHi: v.nameHi, lat: v.lat, lng: v.lng, kind: v.kind, thanaCode, ...SITE_RULES[v.code] };
    const res = await t.http.post('/api/v1/protests/venues').auth(admin, { type: 'bearer' }).send(body).expect(201);
    out[v.code] = { id: res.body.id, thanaCode };
  }
  return out;
}

/** An instant on the IST calendar `days` from today, at `hhmm` IST, as ISO-8601 with +05:30. */
export function istAt(days: number, hhmm: string): string {
  return `${istDateKey(addDays(new Date(), days))}T${hhmm}:00+05:30`;
}

type Body = Record<string, unknown>;

/** A valid application: a dharna at Ambedkar Park three days ahead, 11:00–14:00, received an hour ago. */
export function applicationBody(over: { applicant?: Body; event?: Body; intake?: Body } = {}) {
  return {
    applicant: {
      nameHi: 'श्रीमती क्षत्रिय द्वितीय',
      nameEn: 'Smt. Kshatriya II',
      organisation: 'भोपाल व्यापारी संघ / Bhopal Traders Association',
      address: '12, Tulsi Nagar, Bhopal',
      mobile: '9876543210',
      idDocumentType: 'AADHAAR',
      idLast4: '2346',
      ...over.applicant,
    },
    event: {
      type: 'DHARNA',
      purpose: 'व्यापारियों की मांगों के समर्थन में / In support of traders\' demands',
      startsAt: istAt(3, '11:00'),
      endsAt: istAt(3, '14:00'),
      expectedParticipants: 300,
      venueCode: 'AMBEDKAR_PARK',
      ...over.event,
    },
    intake: { channel: 'WALK_IN', receivedAt: new Date(Date.now() - 3_600_000).toISOString(), ...over.intake },
  };
}

export interface ProtestView {
  id: string;
  ref: string;
  status: ProtestStatus;
  version: number;
  thana: { code: string };
  flags: { late: boolean; clash: boolean; slaAtRisk: boolean };
  [key: string]: unknown;
}

export async function createApplication(t: TestApp, a: ProtestActors, body: object = applicationBody()): Promise<ProtestView> {
  return (await t.http.post('/api/v1/protests').auth(a.control, { type: 'bearer' }).send(body).expect(201)).body;
}

export async function view(t: TestApp, token: string, id: string): Promise<ProtestView> {
  return (await t.http.get(`/api/v1/protests/${id}`).auth(token, { type: 'bearer' }).expect(200)).body;
}

/** The legal path to each state, as (route, who, body) steps. */
const PATHS: Record<ProtestStatus, Array<'request-thana-report' | 'thana-report' | 'approve' | 'reject' | 'withdraw' | 'revoke'>> = {
  RECEIVED: [],
  THANA_REPORT_REQUESTED: ['request-thana-report'],
  THANA_REPORTED: ['request-thana-report', 'thana-report'],
  APPROVED: ['request-thana-report', 'thana-report', 'approve'],
  REJECTED: ['request-thana-report', 'thana-report', 'reject'],
  WITHDRAWN: ['withdraw'],
  REVOKED: ['request-thana-report', 'thana-report', 'approve', 'revoke'],
};

export const STEP_BODIES: Record<string, Body> = {
  'request-thana-report': { note: 'Please verify the organisers.' },
  'thana-report': { recommendation: 'RECOMMENDED', report: 'Organisers verified; no adverse input.' },
  approve: { conditionKeys: ['carry-permit', 'traffic-volunteers'], extraConditions: ['No procession beyond the park gate.'] },
  reject: { grounds: 'A prohibitory order is in force around the venue.' },
  withdraw: { reason: 'Programme called off by the organisers.' },
  revoke: { reason: 'VIP movement on the route during the event.', linkedRecord: { type: 'VIP_PROGRAMME', ref: 'VIP/2026/000031' } },
};

/** Who takes each step (the thana report: a user of the application's own thana). */
export function stepToken(a: ProtestActors, step: string, app: ProtestView): string {
  if (step === 'thana-report') return a.officer[app.thana.code]!;
  if (step === 'request-thana-report' || step === 'withdraw') return a.control;
  return a.approver;
}

export async function step(t: TestApp, a: ProtestActors, app: ProtestView, name: string, extra: Body = {}): Promise<ProtestView> {
  const res = await t.http
    .post(`/api/v1/protests/${app.id}/${name}`)
    .auth(stepToken(a, name, app), { type: 'bearer' })
    .send({ version: app.version, ...STEP_BODIES[name], ...extra });
  if (res.status !== 200) throw new Error(`${name} on ${app.ref} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return view(t, a.control, app.id);
}

/** Drives a new or given application along the legal path to `status`. */
export async function driveTo(t: TestApp, a: ProtestActors, status: ProtestStatus, app?: ProtestView): Promise<ProtestView> {
  let current = app ?? (await createApplication(t, a));
  for (const name of PATHS[status]) current = await step(t, a, current, name);
  return current;
}
