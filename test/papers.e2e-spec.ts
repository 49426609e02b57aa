import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { glyphProblems } from '../src/platform/documents/pdf/testing/pdf-glyphs';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { formatIstWindow } from '../src/platform/time';
import { withClient } from './support/databases';
import { dutySms, fetchBinary, istDay, linkIn, publishedBandobast } from './support/duty-charts';
import { applicationBody, createApplication, driveTo, protestActors, ProtestActors, ProtestView, seedVenues } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

const bearer = { type: 'bearer' as const };

interface Fact {
  key: string;
  label: { en: string; hi: string };
  value: { en: string; hi: string };
}
interface Outcome {
  status: string;
  kind: string;
  reference: string;
  confidential: boolean;
  facts: Fact[];
  statusChangedAt?: string | null;
  revokedReason?: string | null;
  supersededBy?: { label: string | null; issuedAt: string };
  [key: string]: unknown;
}

const factValues = (o: Outcome) => Object.fromEntries(o.facts.map((f) => [f.key, f.value.en]));

/**
 * Every paper the app issues, fetched through the API as users get them: a general letter,
 * protest permission, refusal and revocation letters, a VIP programme and a movement sheet
 * (whose legs print "→"), a master and a thana duty chart and a duty slip. Each is checked for
 * glyphs the fonts lack (issue 12, item 5) and its QR is followed to the public verify page,
 * which must tie it to the paper in hand (item 6).
 */
describe('every paper the app issues: glyphs and the verify page (e2e)', () => {
  let t: TestApp;
  let a: ProtestActors;
  let poppler: Poppler;
  const papers = new Map<string, Buffer>();

  const pdfOf = async (path: string, token?: string): Promise<Buffer> => {
    const req = t.http.get(path);
    const res = await fetchBinary(token ? req.auth(token, bearer) : req);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body as Buffer;
  };
  const scanned = new Map<Buffer, string>();
  /** The verify path in the paper's QR code, as a checker's phone reads it. */
  const qrPath = async (pdf: Buffer): Promise<string> => {
    const known = scanned.get(pdf);
    if (known) return known;
    const png = PNG.sync.read(await poppler.readPng(await poppler.pagePng(pdf, 1, 150)));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (!qr) throw new Error('no QR code on page 1');
    const path = new URL(qr.data).pathname;
    scanned.set(pdf, path);
    return path;
  };
  const verify = async (pdf: Buffer): Promise<{ json: Outcome; html: string }> => {
    const path = await qrPath(pdf);
    const json = (await t.http.get(path).set('Accept', 'application/json').expect(200)).body as Outcome;
    const html = await t.http.get(path).expect(200);
    expect(html.type).toBe('text/html');
    return { json, html: html.text };
  };

  let permission: ProtestView;
  let procession: ProtestView;
  let refused: ProtestView;
  let revoked: ProtestView;
  let programmeId: string;
  let desk: string;
  let mpOfficer: string;
  let slipPdf: Buffer;

  beforeAll(async () => {
    t = await bootTestApp({ BASE_URL: 'https://police-ops.bhopal.test' });
    a = await protestActors(t);
    poppler = await Poppler.create();
    await seedVenues(t, a.admin);

    const letter = await t.http
      .post('/api/v1/documents/general-letter')
      .auth(a.admin, bearer)
      .send({
        language: 'bi',
        recipient: 'थाना प्रभारी, टीटी नगर / SHO, TT Nagar',
        subject: 'मार्ग परिवर्तन: न्यू मार्केट → रोशनपुरा / Diversion: New Market → Roshanpura',
        body: 'ज़िला भोपाल में बल उपलब्ध कराएँगे। शुल्क ₹100 — “तत्काल” – क्षत्रिय द्वितीय, José… 06:00–14:00 • PRT/2026/000123',
      })
      .expect(201);
    papers.set('general letter', await pdfOf(`/api/v1/documents/${letter.body.id}/pdf`, a.admin));

    permission = await driveTo(t, a, 'APPROVED');
    procession = await driveTo(
      t,
      a,
      'APPROVED',
      await createApplication(
        t,
        a,
        applicationBody({
          event: {
            type: 'JULOOS',
            venueCode: undefined,
            route: {
              thanaCode: 'TT_NAGAR',
              points: [
                { name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 },
                { name: 'Polytechnic Square', lat: 23.251, lng: 77.393 },
              ],
            },
          },
        }),
      ),
    );
    refused = await driveTo(t, a, 'REJECTED');
    revoked = await driveTo(t, a, 'REVOKED');
    const letterPdf = (app: ProtestView, kind: string) => pdfOf(`/api/v1/protests/${app.id}/letters/${kind}`, a.control);
    papers.set('protest permission', await letterPdf(permission, 'permission'));
    papers.set('procession permission', await letterPdf(procession, 'permission'));
    papers.set('protest refusal', await letterPdf(refused, 'refusal'));
    papers.set('revoked permission', await letterPdf(revoked, 'permission'));
    papers.set('protest revocation', await letterPdf(revoked, 'revocation'));

    desk = await t.tokenFor(['CONTROL_ROOM']);
    mpOfficer = await t.tokenFor(['OFFICER'], 'MP_NAGAR');
    const day = istDay(20);
    const protectee = await t.http
      .post('/api/v1/protectees')
      .auth(desk, bearer)
      .send({ nameEn: 'Chief Minister', nameHi: 'मुख्यमंत्री', designationEn: 'Chief Minister, Madhya Pradesh', designationHi: 'मुख्यमंत्री, मध्यप्रदेश', category: 'Z+', callSign: 'SHAKTI-1', listRank: 1 })
      .expect(201);
    const legs = [
      {
        start: `${day}T10:00:00+05:30`,
        end: `${day}T10:40:00+05:30`,
        from: { name: 'New Market', lat: 23.2335, lng: 77.4005 },
        to: { name: 'TT Nagar Stadium', lat: 23.236, lng: 77.401 },
        mode: 'ROAD_CONVOY',
        route: [{ name: 'Roshanpura Square', lat: 23.2392, lng: 77.3985 }],
        venue: 'TT Nagar Stadium',
        activity: 'PUBLIC_MEETING',
      },
      {
        start: `${day}T11:00:00+05:30`,
        end: `${day}T12:00:00+05:30`,
        from: { name: 'Board Office Square', lat: 23.2333, lng: 77.433 },
        to: { name: 'MP Nagar Zone-1', lat: 23.2325, lng: 77.4285 },
        mode: 'ROAD_CONVOY',
        route: [],
        venue: 'MP Nagar',
        activity: 'INAUGURATION',
      },
    ];
    const created = await t.http
      .post('/api/v1/vip-programmes')
      .auth(desk, bearer)
      .send({ protecteeId: protectee.body.id, title: 'मुख्यमंत्री का भोपाल भ्रमण / CM visit to Bhopal', legs })
      .expect(201);
    programmeId = created.body.id;
    papers.set('VIP programme', await pdfOf(`/api/v1/vip-programmes/${programmeId}/revisions/1/pdf`, desk));
    papers.set('movement sheet', await pdfOf(`/api/v1/vip-programmes/${programmeId}/revisions/1/pdf`, mpOfficer));

    const fixture = await publishedBandobast(t);
    papers.set('master duty chart', await pdfOf(`/api/v1/duty-charts/${fixture.chartId}/pdf`, fixture.duty));
    papers.set('thana duty chart', await pdfOf(`/api/v1/duty-charts/${fixture.chartId}/pdf?thana=KAMLA_NAGAR`, fixture.duty));
    const [sms] = await dutySms(t);
    slipPdf = await pdfOf(`${linkIn(sms!.body)}/pdf`);
    papers.set('duty slip', slipPdf);
  });
  afterAll(async () => {
    await poppler.dispose();
    await t.close();
  });

  describe('glyphs', () => {
    it('issues every kind of paper', () => {
      expect([...papers.keys()]).toHaveLength(11);
    });

    it('draws no .notdef glyph and no "?" for a character the fonts lack, on any paper', () => {
      for (const [name, pdf] of papers) {
        expect({ name, ...glyphProblems(pdf) }).toEqual({ name, notdef: [], questionMarks: [] });
      }
    });

    it('still gives the arrows back to copy and search', async () => {
      const programme = (await poppler.pagesText(papers.get('VIP programme')!)).join('\n');
      expect(programme).toContain('New Market → TT Nagar Stadium');
      expect(programme).toContain('से → तक / From → To');
      const letter = (await poppler.pagesText(papers.get('general letter')!)).join('\n');
      expect(letter).toContain('न्यू मार्केट → रोशनपुरा');
      expect(letter).toContain('कराएँगे');
      const route = (await poppler.pagesText(papers.get('procession permission')!)).join('\n');
      expect(route).toContain('Roshanpura Square → Polytechnic Square');
    });
  });

  describe('the verify page', () => {
    it('shows a protest permission’s reference, event date and venue, and nothing of the applicant', async () => {
      const { json, html } = await verify(papers.get('protest permission')!);
      const app = (await t.http.get(`/api/v1/protests/${permission.id}`).auth(a.control, bearer).expect(200)).body;
      const when = formatIstWindow(new Date(app.event?.startsAt ?? app.startsAt), new Date(app.event?.endsAt ?? app.endsAt));
      expect(json).toMatchObject({ status: 'valid', kind: 'PROTEST_PERMISSION', reference: permission.ref, confidential: false });
      expect(factValues(json)).toEqual({ eventType: 'Dharna (sit-in)', eventDate: when, venue: 'Ambedkar Park (TT Nagar / Tulsi Nagar)', thana: 'TT Nagar' });
      expect(json.facts.find((f) => f.key === 'venue')!.value.hi).toContain('अंबेडकर पार्क');
      for (const s of [permission.ref, when, 'अंबेडकर पार्क', 'Ambedkar Park', 'धरना', 'क्रमांक / Reference', 'Compare these details with the paper in hand']) {
        expect(html).toContain(s);
      }
      for (const personal of ['क्षत्रिय', 'Kshatriya', '9876543210', '12, Tulsi Nagar', 'Traders', 'व्यापारी']) {
        expect(html).not.toContain(personal);
        expect(JSON.stringify(json)).not.toContain(personal);
      }
    });

    it('tells two permissions apart: each QR names its own reference and place', async () => {
      const one = (await verify(papers.get('protest permission')!)).json;
      const other = (await verify(papers.get('procession permission')!)).json;
      expect(other.reference).toBe(procession.ref);
      expect(other.reference).not.toBe(one.reference);
      expect(factValues(other)).toMatchObject({ eventType: 'Juloos (procession)', venue: 'Roshanpura Square → Polytechnic Square' });
    });

    it('says when and why a permission was revoked, in both languages', async () => {
      const { json, html } = await verify(papers.get('revoked permission')!);
      expect(json).toMatchObject({ status: 'revoked', reference: revoked.ref });
      expect(json.revokedReason).toContain('VIP movement on the route during the event.');
      expect(Date.parse(json.statusChangedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(factValues(json).venue).toContain('Ambedkar Park');
      for (const s of ['निरस्त', 'Revoked on', 'निरस्त करने का कारण / Reason', 'VIP movement on the route during the event.']) expect(html).toContain(s);
      // The refusal and the revocation letter are papers in their own right, still valid.
      expect((await verify(papers.get('protest refusal')!)).json).toMatchObject({ status: 'valid', kind: 'PROTEST_REFUSAL', reference: refused.ref });
      expect((await verify(papers.get('protest revocation')!)).json).toMatchObject({ status: 'valid', kind: 'PROTEST_REVOCATION', reference: revoked.ref });
    });

    it('shows a duty slip’s date and post, never the officer', async () => {
      const { json, html } = await verify(slipPdf);
      expect(json).toMatchObject({ status: 'valid', kind: 'DUTY_SLIP', confidential: false });
      expect(json.reference).toMatch(/^[A-Z]+\/\d{4}\/\d{6}$/);
      const facts = factValues(json);
      expect(facts.event).toBe('Durga visarjan bandobast');
      expect(facts.post).toMatch(/^Point P[12] \(P[12]\)$/);
      expect(facts.dutyDate).toContain(istDay(10).split('-').reverse().join('-'));
      for (const s of [json.reference, facts.post!, facts.dutyDate!, 'Durga visarjan बंदोबस्त']) expect(html).toContain(s);
      const [{ belt_no, name_en, name_hi }] = await t.app
        .get(DataSource)
        .query(`SELECT o.belt_no, o.name_en, o.name_hi FROM duty_slip s JOIN officer o ON o.id = s.officer_id JOIN issued_document d ON d.id = s.document_id WHERE d.id = $1`, [json.documentId]);
      for (const personal of [belt_no, name_en, name_hi, 'KN-']) {
        expect(html).not.toContain(personal);
        expect(JSON.stringify(json)).not.toContain(personal);
      }
    });

    it('shows a duty chart’s bandobast and version', async () => {
      const master = (await verify(papers.get('master duty chart')!)).json;
      expect(master).toMatchObject({ status: 'valid', kind: 'DUTY_CHART' });
      expect(factValues(master)).toEqual({ event: 'Durga visarjan bandobast', version: '1', scope: 'Master chart' });
      expect(factValues((await verify(papers.get('thana duty chart')!)).json).scope).toBe('Kamla Nagar');
    });

    it('says of a VIP paper only that it is a valid confidential paper of its unit', async () => {
      for (const name of ['VIP programme', 'movement sheet']) {
        const { json, html } = await verify(papers.get(name)!);
        expect({ name, status: json.status, confidential: json.confidential, facts: json.facts }).toEqual({ name, status: 'valid', confidential: true, facts: [] });
        expect(json.reference).toMatch(/^VIP\/\d{4}\/\d{6} \(R1\)$/);
        expect(html).toContain('Confidential paper: its contents are not shown here.');
        for (const secret of ['Stadium', 'New Market', 'Roshanpura', 'Chief Minister', 'मुख्यमंत्री', 'SHAKTI', 'CM visit', istDay(20).split('-').reverse().join('-')]) {
          expect({ name, secret, inHtml: html.includes(secret), inJson: JSON.stringify(json).includes(secret) }).toEqual({ name, secret, inHtml: false, inJson: false });
        }
      }
      const sheet = (await verify(papers.get('movement sheet')!)).json as Outcome & { issuingUnit: { en: string } };
      expect(sheet.issuingUnit.en).toBe('MP Nagar');
    });

    it('says when and by what a VIP programme was superseded, and withholds why it was cancelled', async () => {
      const current = (await t.http.get(`/api/v1/vip-programmes/${programmeId}`).auth(desk, bearer).expect(200)).body;
      const legs = current.revision.legs.map((l: Record<string, unknown>) => ({ start: l.start, end: l.end, from: l.from, to: l.to, mode: l.mode, route: l.route, venue: l.venue, activity: l.activity }));
      legs[1].end = legs[1].end.replace('12:00', '12:30');
      await t.http.post(`/api/v1/vip-programmes/${programmeId}/revisions`).auth(desk, bearer).send({ revision: 1, legs, reason: 'Inauguration at Roshanpura runs longer' }).expect(201);
      const { json, html } = await verify(papers.get('VIP programme')!);
      expect(json).toMatchObject({ status: 'superseded', confidential: true, supersededBy: { label: 'Revision 2' } });
      expect(Date.parse(json.statusChangedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
      for (const s of ['Superseded on', 'Replaced by Revision 2']) expect(html).toContain(s);
      expect(html).not.toContain('Roshanpura');

      await t.http.post(`/api/v1/vip-programmes/${programmeId}/cancel`).auth(desk, bearer).send({ reason: 'Visit to Roshanpura called off' }).expect(200);
      const rev2 = await pdfOf(`/api/v1/vip-programmes/${programmeId}/revisions/2/pdf`, desk);
      const cancelled = await verify(rev2);
      expect(cancelled.json).toMatchObject({ status: 'revoked', confidential: true, revokedReason: null });
      expect(cancelled.html).toContain('Revoked on');
      expect(cancelled.html).not.toContain('Roshanpura');
      expect(JSON.stringify(cancelled.json)).not.toContain('Roshanpura');
    });

    it('answers the same through an uploaded copy', async () => {
      const res = await t.http.post('/verify/upload').attach('file', papers.get('protest permission')!, 'permission.pdf').expect(200);
      expect(res.body).toMatchObject({ match: true, status: 'valid', reference: permission.ref, confidential: false });
      expect(factValues(res.body as Outcome).venue).toContain('Ambedkar Park');
    });

    it('keeps the stored facts as immutable as the bytes', async () => {
      const { json } = await verify(papers.get('protest permission')!);
      await withClient(t.databaseUrl, async (c) => {
        await expect(c.query(`UPDATE issued_document SET public_facts = '[]' WHERE id = $1`, [json.documentId])).rejects.toThrow(/immutable/);
        await expect(c.query(`UPDATE issued_document SET reference = 'PRT/2026/999999' WHERE id = $1`, [json.documentId])).rejects.toThrow(/immutable/);
      });
    });
  });
});
