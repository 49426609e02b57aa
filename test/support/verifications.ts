import { onePagePdf as tinyPdf } from './pdfs';
import type { TestApp } from './test-app';


/** A scanned consent letter: the first bytes of a PDF are what the content check looks for. */
export const CONSENT_PDF = tinyPdf('I consent to my police verification.');
export const PHOTO_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

export interface VerificationActors {
  intake: string;
  /** Two verifiers of TT Nagar thana, one of Kamla Nagar and one of MP Nagar (another zone). */
  ttVerifierA: string;
  ttVerifierB: string;
  kamlaVerifier: string;
  mpVerifier: string;
  /** The DSP of TT Nagar's circle, an approver at the thana itself, one of the other zone. */
  circleApprover: string;
  thanaApprover: string;
  otherZoneApprover: string;
  auditor: string;
  controlRoom: string;
  officer: string;
}

export async function verificationActors(t: TestApp): Promise<VerificationActors> {
  return {
    intake: await t.tokenFor(['VERIFIER'], 'BPL'),
    ttVerifierA: await t.tokenFor(['VERIFIER'], 'TT_NAGAR', 'a'),
    ttVerifierB: await t.tokenFor(['VERIFIER'], 'TT_NAGAR', 'b'),
    kamlaVerifier: await t.tokenFor(['VERIFIER'], 'KAMLA_NAGAR'),
    mpVerifier: await t.tokenFor(['VERIFIER'], 'MP_NAGAR'),
    circleApprover: await t.tokenFor(['APPROVER'], 'ACP_TT_NAGAR'),
    thanaApprover: await t.tokenFor(['APPROVER'], 'TT_NAGAR'),
    otherZoneApprover: await t.tokenFor(['APPROVER'], 'ZONE_2'),
    auditor: await t.tokenFor(['AUDITOR']),
    controlRoom: await t.tokenFor(['CONTROL_ROOM']),
    officer: await t.tokenFor(['OFFICER'], 'TT_NAGAR'),
  };
}

/** The user id behind a token. */
export async function userId(t: TestApp, token: string): Promise<string> {
  const res = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
  return res.body.id as string;
}

/** An employment verification of a man living in a locality of TT Nagar thana; override any part. */
export function verificationBody(over: Record<string, unknown> = {}, receivedAt = '2026-11-24T10:30:00+05:30') {
  return {
    purpose: 'EMPLOYMENT',
    applicant: {
      nameHi: 'राजेश कुमार शर्मा',
      nameEn: 'Rajesh Kumar Sharma',
      relativeName: 'रमेश चंद्र शर्मा',
      relation: 'FATHER',
      dob: '1984-03-10',
      gender: 'MALE',
      mobile: '9876543210',
      smsLanguage: 'hi',
      idDocumentType: 'VOTER_ID',
      idLast4: '4821',
    },
    presentAddress: { address: 'मकान नं. 12, गली 3', locality: 'Shivaji Nagar', years: 6 },
    permanentAddress: { address: 'Ward 4, Vidisha', locality: 'Vidisha', years: 30 },
    requestingParty: { name: 'Sharma Traders', address: 'Plot 4, MP Nagar Zone-I, Bhopal' },
    intake: { channel: 'EOFFICE', receivedAt },
    fee: { status: 'PAID', challanNo: 'MPTC/2026/448812' },
    ...over,
  };
}

export async function seedLocalities(t: TestApp, adminToken: string): Promise<void> {
  for (const [name, thanaCode] of [
    ['शिवाजी नगर', 'TT_NAGAR'],
    ['Shahpura', 'KAMLA_NAGAR'],
    ['Zone-I Market', 'MP_NAGAR'],
  ]) {
    await t.http.post('/api/v1/verifications/localities').set('Authorization', `Bearer ${adminToken}`).send({ name, thanaCode }).expect(201);
  }
}

/**
 * A new application (of `body`) taken by TT Nagar's verifier A to the DSP: consent letter, a
 * field visit, the records check with each hit ruled (another man for CLEAR, the applicant for
 * ADVERSE, which then cites the first), and the report. Returns the application as then read.
 */
export async function reportedVerification(
  t: TestApp,
  a: VerificationActors,
  outcome: 'CLEAR' | 'ADVERSE',
  body: object = verificationBody(),
): Promise<{ id: string; ref: string; version: number; status: string }> {
  const v = { Authorization: `Bearer ${a.ttVerifierA}` };
  const path = (id: string, action: string) => `/api/v1/verifications/${id}/${action}`;
  let r = (await t.http.post('/api/v1/verifications').set({ Authorization: `Bearer ${a.intake}` }).send(body).expect(201)).body;
  await t.http.post(path(r.id, 'attachments')).set(v).field('kind', 'CONSENT_LETTER').attach('file', CONSENT_PDF, 'consent.pdf').expect(201);
  r = (await t.http.get(`/api/v1/verifications/${r.id}`).set(v)).body;
  const visit = { visitedOn: '2026-11-30', officerName: 'Ramesh Yadav', lat: 23.2345, lng: 77.401, accuracyM: 18, neighbours: [], outcome: 'RESIDES_AT_ADDRESS' };
  r = (await t.http.post(path(r.id, 'visits')).set(v).send({ version: r.version, ...visit }).expect(200)).body;
  r = (await t.http.post(path(r.id, 'records-check')).set(v).send({ version: r.version }).expect(200)).body;
  const hits = (r.recordsCheck.hits as Array<{ id: string }>) ?? [];
  const decision = outcome === 'CLEAR' ? 'DIFFERENT' : 'SAME';
  for (const hit of hits)
    r = (await t.http.post(path(r.id, `hits/${hit.id}/adjudicate`)).set(v).send({ version: r.version, decision, reason: 'Checked the father’s name and the birth date.' }).expect(200)).body;
  const report = outcome === 'CLEAR' ? { outcome } : { outcome, grounds: 'Convicted of theft in 2019; the record is his.', citedHitIds: [hits[0]!.id] };
  return (await t.http.post(path(r.id, 'report')).set(v).send({ version: r.version, ...report }).expect(200)).body;
}
