import { DataSource } from 'typeorm';
import {
  chartOf,
  dutySms,
  fetchBinary,
  linkIn,
  newChart,
  publishChart,
  publishedBandobast,
  solveChart,
} from './support/duty-charts';
import { waitFor } from './support/databases';
import { bootTestApp, TestApp } from './support/test-app';

const auth = { type: 'bearer' as const };

describe('publishing duty-chart versions (e2e)', () => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof publishedBandobast>>;

  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
    fixture = await publishedBandobast(t);
  });
  afterAll(() => t.close());

  it('publishes in a background job whose progress reaches every paper', async () => {
    // 1 master chart + 1 thana chart + 7 slips.
    expect(fixture.published.publish).toMatchObject({
      done: 9,
      total: 9,
      progress: { phase: 'done', done: 9, total: 9 },
    });
    const papers = (
      await t.http
        .get(`/api/v1/duty-charts/${fixture.chartId}/papers`)
        .auth(fixture.duty, auth)
        .expect(200)
    ).body;
    expect(papers.map((p: { variant: string }) => p.variant)).toEqual([
      'master',
      'thana-KAMLA_NAGAR',
    ]);
    for (const query of ['', '?thana=KAMLA_NAGAR']) {
      const pdf = await fetchBinary(
        t.http.get(`/api/v1/duty-charts/${fixture.chartId}/pdf${query}`).auth(fixture.duty, auth),
      ).expect(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('sends each officer on the chart one SMS with a link to their own slip', async () => {
    const messages = await dutySms(t);
    expect(messages).toHaveLength(7);
    expect(new Set(messages.map((m) => m.template))).toEqual(new Set(['duty-slip']));
    expect(new Set(messages.map((m) => m.source_id)).size).toBe(7);
    // The short link: outside /api/v1, a 40-character token, so a Hindi SMS keeps to two parts.
    for (const m of messages) {
      expect(m.body).toMatch(/https:\/\/police-ops\.bhopal\.test\/s\/[A-Za-z0-9_-]{40}$/);
      expect(m.body).not.toContain('/api/');
      expect(m.parts).toBeLessThanOrEqual(2);
    }
  });

  it('says in the publish result and the chart view that every officer was told', async () => {
    const { duty, chartId } = fixture;
    // Wait for the notify worker to have handled every SMS.
    const progress = await waitFor(
      async () => {
        const p = (await t.http.get(`/api/v1/duty-charts/${chartId}/progress`).auth(duty, auth).expect(200)).body;
        return p.notices?.pending === 0 ? p : undefined;
      },
      { what: 'the duty SMS to be handled' },
    );
    const chart = await chartOf(t, duty, chartId);
    for (const notices of [progress.notices, (chart as unknown as { notices: unknown }).notices])
      expect(notices).toMatchObject({
        officers: 7,
        notNotified: 0,
        byReason: { NO_MOBILE: 0, INVALID_NUMBER: 0, SMS_FAILED: 0 },
        notNotifiedOfficers: [],
      });
    // The test app keeps SMS in the development sink, and the result says so rather than "sent".
    expect(progress.notices).toMatchObject({ sent: 0, keptInSink: 7 });
    expect(progress.notices.message).toEqual({
      hi: '7 में से 0 अधिकारियों को एसएमएस भेजा गया; 7 डेवलपमेंट सिंक में रखे गए, भेजे नहीं गए',
      en: '0 of 7 officers notified by SMS; 7 kept in the development sink, not sent',
    });
  });

  it('refuses to edit a published version, and names what is allowed', async () => {
    const res = await t.http
      .post(`/api/v1/duty-charts/${fixture.chartId}/solve`)
      .auth(fixture.duty, auth)
      .send({})
      .expect(409);
    // Nothing on this version: only publishing the next one supersedes it, and the message says how.
    expect(res.body).toMatchObject({ state: 'PUBLISHED', action: 'solve', allowed: [] });
    expect(res.body.message).toContain('create a new version (POST /bandobasts/:id/charts)');
  });

  it('publishes a revision that notifies only the officers whose duty changed', async () => {
    const { duty, chartId: v1, bandobastId, at } = fixture;
    const before = (await dutySms(t)).length;
    const night = (
      await t.http
        .get(`/api/v1/duty-charts/${v1}/assignments?shiftCode=P2-C`)
        .auth(duty, auth)
        .expect(200)
    ).body.items;
    const goingToCourt = night.find((a: { rank: string }) => a.rank === 'CONSTABLE');
    await t.http
      .post(`/api/v1/officers/${goingToCourt.officerId}/availability`)
      .auth(duty, auth)
      .send({ kind: 'COURT', from: at('20:00'), to: at('23:00') })
      .expect(201);
    const v2 = await newChart(t, duty, bandobastId);
    const solved = await solveChart(t, duty, v2);
    expect(solved.releasedPins).toEqual([
      { beltNo: goingToCourt.beltNo, shiftCode: 'P2-C', reason: 'now attending court' },
    ]);
    // Every officer opens their slip's PDF first, so each is in the documents' cache.
    for (const m of (await dutySms(t)).filter((x) => x.template === 'duty-slip'))
      await t.http.get(`${linkIn(m.body)}/pdf`).expect(200);
    await publishChart(t, duty, v2);

    const fresh = (await dutySms(t)).slice(before);
    expect(fresh.map((m) => m.template).sort()).toEqual(['duty-cancelled', 'duty-slip']);
    const cancelledSlip = fresh.find((m) => m.template === 'duty-cancelled')!.source_id;
    const [{ officer_id }] = await t.app
      .get(DataSource)
      .query(`SELECT officer_id FROM duty_slip WHERE id = $1`, [cancelledSlip]);
    expect(officer_id).toBe(goingToCourt.officerId);
    const replacement = fresh.find((m) => m.template === 'duty-slip')!;
    const onNightNow = (
      await t.http
        .get(`/api/v1/duty-charts/${v2}/assignments?shiftCode=P2-C`)
        .auth(duty, auth)
        .expect(200)
    ).body.items;
    expect(onNightNow.map((a: { beltNo: string }) => a.beltNo)).not.toContain(goingToCourt.beltNo);
    expect(replacement.source_id).not.toBe(cancelledSlip);

    expect((await chartOf(t, duty, v1)).status).toBe('SUPERSEDED');
    const oldPapers = (
      await t.http.get(`/api/v1/duty-charts/${v1}/papers`).auth(duty, auth).expect(200)
    ).body;
    expect(oldPapers.map((p: { status: string }) => p.status)).toEqual([
      'SUPERSEDED',
      'SUPERSEDED',
    ]);
    // The court-bound officer's first link now says the duty is cancelled.
    const firstLink = (await dutySms(t)).find(
      (m) => m.template === 'duty-slip' && m.source_id === cancelledSlip,
    )!;
    const gone = await t.http.get(linkIn(firstLink.body)).expect(410);
    expect(gone.text).toContain('This duty has been cancelled');
    expect(gone.text).toContain('यह ड्यूटी निरस्त कर दी गई है');
    // Which bandobast, so the officer knows which duty not to go to.
    expect(gone.text).toContain('Durga visarjan bandobast');
    expect(gone.text).toContain('Durga visarjan बंदोबस्त');
    expect(gone.text).toMatch(/निरस्त: \d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
    // Its PDF too, though the paper's bytes were cached while it was in force.
    await t.http.get(`${linkIn(firstLink.body)}/pdf`).expect(410);
  });

  it('keeps an unchanged officer’s slip, paper and link across versions', async () => {
    const all = await dutySms(t);
    const count = (id: string) => all.filter((m) => m.source_id === id).length;
    const steady = all.slice(0, 7).find((m) => count(m.source_id) === 1)!;
    const page = await t.http.get(linkIn(steady.body)).expect(200);
    expect(page.text).toContain('Report at');
    const [slip] = await t.app
      .get(DataSource)
      .query(
        `SELECT d.status, s.chart_id FROM duty_slip s JOIN issued_document d ON d.id = s.document_id WHERE s.id = $1`,
        [steady.source_id],
      );
    expect(slip.status).toBe('VALID');
    expect(slip.chart_id).not.toBe(fixture.chartId);
  });
});
