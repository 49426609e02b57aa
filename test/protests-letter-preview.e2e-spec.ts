import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { applicationBody, createApplication, driveTo, istAt, protestActors, ProtestActors, ProtestView, seedVenues, step, STEP_BODIES, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

const MARK = 'DRAFT — not valid / प्रारूप — मान्य नहीं';
const NAME_HI = 'श्रीमती क्षत्रिय द्वितीय';
const APPROVE = { decision: 'approve', ...STEP_BODIES.approve };
const REJECT = { decision: 'reject', ...STEP_BODIES.reject };

/**
 * POST /protests/:id/letter-preview: the DCP sees the letter a decision would issue before
 * taking it, drawn by the decision's own code as a draft that nothing can mistake for a paper.
 */
describe('protest letter preview before deciding (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let poppler: Poppler;
  let reported: ProtestView;
  const preview = (id: string, body: object, token = a.approver) =>
    t.http
      .post(`/api/v1/protests/${id}/letter-preview`)
      .auth(token, { type: 'bearer' })
      .send(body)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => {
          const bytes = Buffer.concat(chunks);
          cb(null, r.headers['content-type']?.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : bytes);
        });
      });
  /** The QR at the top right of the first page, where a paper carries its verify link. */
  const qrOf = async (pdf: Buffer) => {
    const png = PNG.sync.read(await poppler.readPng(await poppler.pagePng(pdf, 1, 150, { x: 620, y: 0, width: 620, height: 440 })));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
  };
  /** Rows that any write would leave behind. */
  const written = async () => {
    const [row] = await t.app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM issued_document)::int AS documents, (SELECT count(*) FROM eoffice_outbox)::int AS outbox,
              (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM notification)::int AS sms,
              (SELECT count(*) FROM protest_letter)::int AS letters`,
    );
    return row as Record<string, number>;
  };

  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
    a = await protestActors(t);
    poppler = await Poppler.create();
    await seedVenues(t, a.admin);
    reported = await driveTo(t, a, 'THANA_REPORTED');
  });
  afterAll(async () => {
    await poppler.dispose();
    await t.close();
  });

  it('answers the permission the approval would issue, with its conditions and the applicant’s Hindi name, marked a draft on every page', async () => {
    const res = await preview(reported.id, { version: reported.version, ...APPROVE }).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${reported.ref.replace(/\//g, '-')}-permission-draft.pdf"`);
    const pages = await poppler.pagesText(res.body as Buffer);
    const text = pages.join('\n');
    for (const s of [NAME_HI, 'Smt. Kshatriya II', reported.ref, 'अंबेडकर पार्क', 'Ambedkar Park', 'at least 10 volunteers', 'कम से कम 10 स्वयंसेवक', 'No procession beyond the park gate.']) {
      expect(text).toContain(s);
    }
    for (const page of pages) expect(page).toContain(MARK);
    // No document id in the footer: the registry has no such paper.
    expect(text).not.toMatch(/Doc \/ दस्तावेज़/);
  });

  it('carries no QR, so nothing on it can verify', async () => {
    const res = await preview(reported.id, { version: reported.version, ...APPROVE }).expect(200);
    expect(await qrOf(res.body as Buffer)).toBeNull();
  });

  it('answers the refusal the rejection would issue, with its grounds', async () => {
    const res = await preview(reported.id, { version: reported.version, ...REJECT }).expect(200);
    expect(res.headers['content-disposition']).toContain('-refusal-draft.pdf');
    const text = (await poppler.pagesText(res.body as Buffer)).join('\n');
    expect(text).toContain('A prohibitory order is in force around the venue.');
    expect(text).toContain(NAME_HI);
    expect(text).toContain(MARK);
  });

  it('stores, sends, audits and changes nothing', async () => {
    const before = await written();
    await preview(reported.id, { version: reported.version, ...APPROVE }).expect(200);
    await preview(reported.id, { version: reported.version, ...REJECT }).expect(200);
    expect(await written()).toEqual(before);
    const after = await view(t, a.control, reported.id);
    expect({ status: after.status, version: after.version, letters: after.letters, decision: after.decision }).toEqual({ status: 'THANA_REPORTED', version: reported.version, letters: [], decision: null });
  });

  it('leaves the real decision to issue its own valid paper, with a QR that verifies', async () => {
    const other = await driveTo(t, a, 'THANA_REPORTED');
    await preview(other.id, { version: other.version, ...APPROVE }).expect(200);
    const approved = await step(t, a, other, 'approve');
    const [letter] = approved.letters as Array<{ verifyUrl: string }>;
    const paper = await t.http.get(`/api/v1/protests/${other.id}/letters/permission`).auth(a.control, { type: 'bearer' }).buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    // Where the preview has none, the paper has its QR.
    expect(await qrOf(paper.body as Buffer)).toBe(letter!.verifyUrl);
    await t.http.get(new URL(letter!.verifyUrl).pathname).set('Accept', 'application/json').expect(200).expect((r) => expect(r.body.status).toBe('valid'));
  });

  it('refuses bad input as the decision does, naming the field', async () => {
    const fieldsOf = async (body: object, id = reported.id) => {
      const res = await preview(id, body).expect(400);
      return [...new Set((res.body as { fields: Array<{ field: string }> }).fields.map((f) => f.field))];
    };
    const v = { version: reported.version };
    expect(await fieldsOf({ ...v, ...STEP_BODIES.approve })).toEqual(['decision']);
    expect(await fieldsOf({ ...v, ...APPROVE, decision: 'revoke' })).toEqual(['decision']);
    expect(await fieldsOf({ ...v, decision: 'approve' })).toContain('conditionKeys');
    expect(await fieldsOf({ ...v, ...APPROVE, conditionKeys: ['no-such-condition'] })).toEqual(['conditionKeys[0]']);
    expect(await fieldsOf({ ...v, ...APPROVE, extraConditions: ['ok'] })).toEqual(['extraConditions']);
    expect(await fieldsOf({ ...v, decision: 'reject' })).toEqual(['grounds']);
    expect(await fieldsOf({ ...v, ...REJECT, grounds: 'short' })).toEqual(['grounds']);
    // The other decision's fields are no part of this one.
    expect(await fieldsOf({ ...v, ...APPROVE, grounds: STEP_BODIES.reject!.grounds })).toEqual(['grounds']);
    expect(await fieldsOf({ ...v, ...REJECT, conditionKeys: ['carry-permit'] })).toEqual(['conditionKeys']);
    expect(await fieldsOf({ ...APPROVE })).toEqual(['version']);

    const late = await createApplication(t, a, applicationBody({ event: { startsAt: istAt(1, '12:00'), endsAt: istAt(1, '13:00') } }));
    const lateReady = await driveTo(t, a, 'THANA_REPORTED', late);
    expect(await fieldsOf({ version: lateReady.version, ...APPROVE }, late.id)).toEqual(['lateOverrideReason']);
    const overridden = await preview(late.id, { version: lateReady.version, ...APPROVE, lateOverrideReason: 'Memorandum to the Collector only; 20 people.' }).expect(200);
    expect((await poppler.pagesText(overridden.body as Buffer)).join('\n')).toContain(MARK);
  });

  it('answers 409 when the record is not where the decision can be taken, or the screen is stale', async () => {
    const received = await createApplication(t, a);
    const early = await preview(received.id, { version: received.version, ...APPROVE }).expect(409);
    expect(early.body).toMatchObject({ state: 'RECEIVED', action: 'approve' });
    const rejected = await driveTo(t, a, 'REJECTED');
    expect((await preview(rejected.id, { version: rejected.version, ...APPROVE }).expect(409)).body).toMatchObject({ state: 'REJECTED', action: 'approve' });
    expect((await preview(rejected.id, { version: rejected.version, ...REJECT }).expect(409)).body).toMatchObject({ state: 'REJECTED', action: 'reject' });
    await preview(reported.id, { version: reported.version - 1, ...APPROVE }).expect(409);
  });

  it('answers 404 for a record that does not exist and 403 to a role that cannot decide', async () => {
    await preview('6f1c2b9e-0000-4000-8000-000000000000', { version: 1, ...APPROVE }).expect(404);
    await preview(reported.id, { version: reported.version, ...APPROVE }, a.control).expect(403);
    await preview(reported.id, { version: reported.version, ...APPROVE }, a.officer.TT_NAGAR).expect(403);
  });
});
