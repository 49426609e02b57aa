import jsQR from 'jsqr';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  CertificateParticulars,
  certificatePublicFacts,
  composeCharacterCertificate,
} from '../src/modules/verifications/certificate/character-certificate';
import { UnitOfWork } from '../src/platform/change';
import { TemplateStore, validUntilAfterMonths } from '../src/platform/documents';
import { DocumentsService } from '../src/platform/documents/documents.service';
import { Poppler } from '../src/platform/documents/pdf/testing/poppler';
import { fixedClock } from '../src/platform/time';
import { UnitsService } from '../src/platform/units/units.service';
import { bootTestApp, TestApp } from './support/test-app';

/**
 * A character verification certificate (issue 14): rendered from its template with a
 * Devanagari name, issued valid for six months, and its QR followed to the public verify page,
 * which answers "valid" to the last millisecond of its validity and "expired" from 00:00 IST
 * after its last day, by the app's clock; revoked stays revoked; papers without a validity stay valid.
 */
describe('a character certificate valid for six months, on /verify (e2e)', () => {
  // Issued 1 December 2026, 11:00 IST.
  const issuedAt = new Date('2026-12-01T05:30:00Z');
  const validUntil = validUntilAfterMonths(issuedAt, 6); // 1 June 2027 00:00 IST
  const clock = fixedClock(issuedAt);
  let t: TestApp;
  let poppler: Poppler;
  let pdf: Buffer;
  let documentId: string;
  let verifyPath: string;

  const particulars: CertificateParticulars = {
    applicantNameHi: 'क्षितिज राजेश कुमार शर्मा',
    applicantNameEn: null,
    relative: { hi: 'पुत्र श्री रमेश चंद्र शर्मा', en: 'S/o Shri Ramesh Chandra Sharma' },
    dateOfBirth: '1994-03-12',
    address: 'मकान नं. 12, अशोका गार्डन, भोपाल',
    appliedOn: new Date('2026-11-02T06:00:00Z'),
    purpose: { hi: 'नियोजन (नौकरी)', en: 'Employment' },
    thana: { hi: 'टीटी नगर', en: 'TT Nagar' },
    requestingParty: 'Narmada Logistics Pvt. Ltd., Govindpura, Bhopal',
    validUntil,
    signer: {
      nameHi: 'सुनील कुमार तिवारी',
      nameEn: 'Sunil Kumar Tiwari',
      designation: 'सहायक पुलिस आयुक्त, टीटी नगर\nAssistant Commissioner of Police, TT Nagar',
    },
  };

  const outcome = async () =>
    (await t.http.get(verifyPath).set('Accept', 'application/json').expect(200)).body as {
      status: string;
      validUntil?: string;
      facts: Array<{ key: string; value: { en: string; hi: string } }>;
      [k: string]: unknown;
    };

  beforeAll(async () => {
    t = await bootTestApp({}, undefined, { clock });
    poppler = await Poppler.create();
    const thana = await t.app.get(UnitsService).byCode('TT_NAGAR');
    const { title, blocks } = composeCharacterCertificate(t.app.get(TemplateStore), particulars);
    const sourceId = '6f1c1f9e-3a8e-4d55-9a53-0b8f4f7c1a01';
    const doc = await t.app.get(UnitOfWork).run({
      draw: (d) =>
        d.paper({
          kind: 'CHARACTER_CERTIFICATE',
          language: 'bi',
          title,
          sourceType: 'verification_application',
          sourceId,
          sourceRef: 'CV/2026/000123',
          variant: 'certificate',
          issuingUnitId: thana.id,
          issuedAt,
          reference: 'CV/2026/000123',
          validUntil,
          publicFacts: certificatePublicFacts(particulars),
          blocks,
        }),
      write: (change, paper) => change.storePaper(paper),
    });
    documentId = doc.id;
    pdf = (await t.app.get(DocumentsService).bytes(doc.id)).bytes;
    const png = PNG.sync.read(await poppler.readPng(await poppler.pagePng(pdf, 1, 150)));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (!qr) throw new Error('no QR code on page 1');
    verifyPath = new URL(qr.data).pathname;
  });

  afterAll(async () => {
    await poppler?.dispose();
    await t?.close();
  });

  it('prints the Devanagari name, the derived Latin one and the last day of validity, as pdftotext reads them', async () => {
    const text = (await poppler.pagesText(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('चरित्र सत्यापन प्रमाण पत्र');
    expect(text).toContain('क्षितिज राजेश कुमार शर्मा');
    expect(text).toContain('Kshitij Rajesh Kumar Sharma');
    expect(text).toContain('पुत्र श्री रमेश चंद्र शर्मा');
    expect(text).toContain('यह प्रमाण पत्र 31-05-2027 तक (सहित) मान्य है');
    expect(text).toContain('This certificate is valid up to and including 31-05-2027');
    expect(text).toContain('CV/2026/000123');
    // For looking at: pdftoppm's rendering of page 1.
    const dir = join(__dirname, 'artifacts', 'screens');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'character-certificate.png'), await poppler.readPng(await poppler.pagePng(pdf, 1, 80)));
  });

  it('answers valid with its validity and initials, and no name, relative or address', async () => {
    clock.set(issuedAt);
    const json = await outcome();
    expect(json.status).toBe('valid');
    expect(json.validUntil).toBe(validUntil.toISOString());
    expect(Object.fromEntries(json.facts.map((f) => [f.key, f.value]))).toEqual({
      initials: { hi: 'क्षि. रा. कु. श.', en: 'K. R. K. S.' },
      purpose: { hi: 'नियोजन (नौकरी)', en: 'Employment' },
      appliedOn: { hi: '02-11-2026', en: '02-11-2026' },
    });
    const html = (await t.http.get(verifyPath).expect(200)).text;
    expect(html).toContain('31-05-2027 तक (सहित) / up to and including 31-05-2027');
    for (const personal of ['क्षितिज', 'Kshitij', 'रमेश', 'Ramesh', 'अशोका', '1994', '12-03-1994', 'Narmada'])
      expect({ personal, shown: html.includes(personal) || JSON.stringify(json).includes(personal) }).toEqual({ personal, shown: false });
  });

  it('is valid at 23:59:59 IST on its last day and expired from 00:00 IST after it, in the page and the JSON', async () => {
    clock.set(new Date(validUntil.getTime() - 1_000));
    expect((await outcome()).status).toBe('valid');
    clock.set(validUntil);
    expect((await outcome()).status).toBe('expired');
    const html = (await t.http.get(verifyPath).expect(200)).text;
    expect(html).toContain('class="verdict expired"');
    expect(html).toContain('अवधि समाप्त');
    expect(html).toContain('Expired: its period of validity is over');
    clock.set(new Date(validUntil.getTime() + 60_000));
    expect((await outcome()).status).toBe('expired');
  });

  it('says expired to an uploaded copy after its validity, and valid before', async () => {
    const upload = () =>
      t.http.post('/verify/upload').attach('file', pdf, { filename: 'certificate.pdf', contentType: 'application/pdf' }).expect(200);
    clock.set(new Date(validUntil.getTime() - 60_000));
    expect((await upload()).body).toMatchObject({ match: true, status: 'valid', validUntil: validUntil.toISOString() });
    clock.set(validUntil);
    expect((await upload()).body).toMatchObject({ match: true, status: 'expired', documentId });
  });

  it('keeps a revoked certificate revoked after its validity, and the validity cannot be changed', async () => {
    await t.app.get(UnitOfWork).run(async (change) => {
      await change.revokePaper(documentId, 'adverse record found after issue');
    });
    clock.set(new Date(validUntil.getTime() + 86_400_000));
    expect((await outcome()).status).toBe('revoked');
    await expect(
      t.app.get(UnitOfWork).run(async (change) => {
        await change.em.query(`UPDATE issued_document SET valid_until = valid_until + interval '1 year' WHERE id = $1`, [documentId]);
      }),
    ).rejects.toThrow(/immutable/);
  });

  it('keeps a paper issued without a validity valid years later', async () => {
    clock.set(issuedAt);
    const admin = await t.tokenFor(['ADMIN']);
    const letter = await t.http
      .post('/api/v1/documents/general-letter')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'en', recipient: 'The SP, Raisen', subject: 'Verification', body: 'Done.' });
    expect(letter.status).toBe(201);
    clock.set(new Date('2036-12-01T00:00:00Z'));
    const path = new URL(letter.body.verifyUrl as string).pathname;
    const json = (await t.http.get(path).set('Accept', 'application/json').expect(200)).body;
    expect(json.status).toBe('valid');
    expect(json.validUntil).toBeUndefined();
  });
});
