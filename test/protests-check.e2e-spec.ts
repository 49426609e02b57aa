import { DataSource } from 'typeorm';
import { applicationBody, createApplication, istAt, protestActors, ProtestActors, seedVenues, view } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface Rule {
  rule: string;
  ok: boolean;
  detail: string;
}
interface Clash {
  ref: string | null;
  kind: string;
  detailsWithheld: boolean;
}
interface Check {
  thana: { code: string };
  venue: { code: string } | null;
  late: boolean;
  leadTimeHours: number;
  rules: Rule[];
  clashes: Clash[];
}

/**
 * POST /protests/check: the control room sees an application's rule results and clashes while
 * entering it, before anything is saved, exactly as the record will show them once entered.
 */
describe('protest application checked before it is entered (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  const check = (body: object) => t.http.post('/api/v1/protests/check').auth(a.control, { type: 'bearer' }).send(body);
  /** Rows that any write would leave behind. */
  const written = async () => {
    const db = t.app.get(DataSource);
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM protest_application)::int AS apps, (SELECT count(*) FROM audit_log)::int AS audit,
              (SELECT count(*) FROM notification)::int AS sms, (SELECT count(*) FROM eoffice_outbox)::int AS outbox`,
    );
    return row as Record<string, number>;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    a = await protestActors(t);
    await seedVenues(t, a.admin);
  });
  afterAll(() => t.close());

  it('answers the rules and the clash with a live application at the same venue, writing and numbering nothing', async () => {
    const existing = await createApplication(t, a, applicationBody({ event: { startsAt: istAt(5, '10:00'), endsAt: istAt(5, '13:00') } }));
    const body = applicationBody({ applicant: { nameHi: 'सुरेश यादव' }, event: { startsAt: istAt(5, '12:00'), endsAt: istAt(5, '15:00'), expectedParticipants: 1500 } });
    const before = await written();
    const res = await check(body).expect(200);
    expect(await written()).toEqual(before);

    const checked = res.body as Check;
    expect(checked.thana.code).toBe('TT_NAGAR');
    expect(checked.venue?.code).toBe('AMBEDKAR_PARK');
    expect(checked.late).toBe(false);
    expect(checked.rules.filter((r) => !r.ok).map((r) => r.rule)).toEqual(['VENUE_CAPACITY']);
    expect(checked.clashes).toEqual([expect.objectContaining({ ref: existing.ref, kind: 'SAME_VENUE', detailsWithheld: false })]);

    // Entered, the record shows the same.
    const entered = await view(t, a.control, (await createApplication(t, a, body)).id);
    expect(entered.rules).toEqual(checked.rules);
    expect((entered.clashes as Clash[]).map((c) => c.ref)).toEqual([existing.ref]);
    // The next number was not used up by the check.
    expect(Number(entered.ref.slice(-6))).toBe(Number(existing.ref.slice(-6)) + 1);
  });

  it('says an application received less than 48 hours before the start is late, counting from its back-entered receipt', async () => {
    const late = (await check(applicationBody({ event: { venueCode: 'NEELAM_PARK', startsAt: istAt(1, '11:00'), endsAt: istAt(1, '13:00') } })).expect(200)).body as Check;
    expect(late.late).toBe(true);
    expect(late.rules.find((r) => r.rule === 'LEAD_TIME')?.ok).toBe(false);
    const backEntered = applicationBody({
      event: { venueCode: 'NEELAM_PARK', startsAt: istAt(1, '11:00'), endsAt: istAt(1, '13:00') },
      intake: { channel: 'WHATSAPP', receivedAt: new Date(Date.now() - 4 * 86_400_000).toISOString() },
    });
    expect(((await check(backEntered).expect(200)).body as Check).late).toBe(false);
  });

  it('takes a procession route: its thana reports, and it clashes with what it passes', async () => {
    const route = {
      thanaCode: 'KAMLA_NAGAR',
      points: [
        { name: 'रोशनपुरा चौराहा', lat: 23.2339, lng: 77.4002 },
        { name: 'अंबेडकर पार्क', lat: 23.2335, lng: 77.407 },
      ],
    };
    const res = await check(applicationBody({ event: { type: 'JULOOS', venueCode: undefined, route, startsAt: istAt(5, '11:00'), endsAt: istAt(5, '12:00') } })).expect(200);
    const checked = res.body as Check;
    expect(checked.thana.code).toBe('KAMLA_NAGAR');
    expect(checked.venue).toBeNull();
    expect(checked.clashes.map((c) => c.kind)).toContain('NEARBY');
  });

  it('refuses what intake would refuse, naming each field, without writing anything', async () => {
    const before = await written();
    const res = await check(applicationBody({ applicant: { nameHi: undefined, nameEn: undefined }, event: { startsAt: istAt(-1, '11:00'), endsAt: istAt(-1, '12:00') }, intake: { receivedAt: istAt(2, '10:00') } })).expect(400);
    expect((res.body.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['applicant.nameEn', 'event.startsAt', 'intake.receivedAt']);
    const unknownVenue = await check(applicationBody({ event: { venueCode: 'NO_SUCH_PLACE' } }));
    expect(unknownVenue.status).toBeGreaterThanOrEqual(400);
    expect(unknownVenue.status).toBeLessThan(500);
    expect((unknownVenue.body.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['event.venueCode']);
    expect(await written()).toEqual(before);
  });

  it('is for the control room that enters applications only', async () => {
    await t.http.post('/api/v1/protests/check').auth(a.approver, { type: 'bearer' }).send(applicationBody()).expect(403);
    await t.http.post('/api/v1/protests/check').auth(a.officer.TT_NAGAR!, { type: 'bearer' }).send(applicationBody()).expect(403);
  });
});
