import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './support/databases';
import { createApplication, protestActors, seedVenues } from './support/protests';
import { bootTestApp, TestApp } from './support/test-app';

interface Listed {
  template: string;
  recipient: string;
  status: string;
  statusText: string;
  provider: string | null;
  sentAt: string | null;
}

/** Files a protest application (which texts the applicant) and waits until its SMS is handled. */
async function firstSmsOfAnApplication(t: TestApp): Promise<Listed> {
  const a = await protestActors(t);
  await seedVenues(t, a.admin);
  const app = await createApplication(t, a);
  return waitFor(
    async () => {
      const res = await t.http
        .get(`/api/v1/notifications?sourceType=protest_application&sourceId=${app.id}`)
        .auth(a.admin, { type: 'bearer' })
        .expect(200);
      const received = (res.body as Listed[]).find((n) => n.template === 'protest-received');
      return received && received.status !== 'PENDING' ? received : undefined;
    },
    { what: 'the protest-received SMS to be handled' },
  );
}

describe('notifications list (e2e)', () => {
  describe('with the development SMS sink (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await bootTestApp();
    });
    afterAll(() => t.close());

    it('shows admins the SMS template check: parts per template and language, links at this app’s address', async () => {
      const admin = await t.tokenFor(['ADMIN']);
      const rows = (await t.http.get('/api/v1/notifications/sms-templates').auth(admin, { type: 'bearer' }).expect(200)).body as Array<{
        template: string;
        language: string;
        encoding: string;
        parts: number;
        maxParts: number | null;
        text: string;
        problem: string | null;
      }>;
      const hindiSlip = rows.find((r) => r.template === 'duty-slip' && r.language === 'hi')!;
      expect(hindiSlip).toMatchObject({ encoding: 'UCS-2', parts: 2, maxParts: 2, problem: null });
      expect(hindiSlip.text).toMatch(/^ड्यूटी .* http:\/\/localhost:\d+\/s\/x{40}$/);
      expect(rows.find((r) => r.template === 'vip-revision-issued' && r.language === 'bi')).toMatchObject({ maxParts: null });
      const control = await t.tokenFor(['CONTROL_ROOM']);
      await t.http.get('/api/v1/notifications/sms-templates').auth(control, { type: 'bearer' }).expect(403);
    });

    it('says a message the sink kept was kept, not sent', async () => {
      const sms = await firstSmsOfAnApplication(t);
      expect(sms).toMatchObject({ status: 'KEPT_IN_SINK', statusText: 'kept in development sink; not sent', provider: 'sink', sentAt: null });
      expect(sms.recipient).toBe('XXXXXX3210');
    });
  });

  describe('with an HTTP SMS gateway', () => {
    let t: TestApp;
    let gateway: Server;
    const received: Array<{ to: string; text: string }> = [];
    beforeAll(async () => {
      gateway = createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${received.length}` }));
        });
      });
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      const { port } = gateway.address() as AddressInfo;
      t = await bootTestApp({ NOTIFY_SMS_ADAPTER: 'http', NOTIFY_SMS_URL: `http://127.0.0.1:${port}/send` });
    });
    afterAll(async () => {
      await t.close();
      await new Promise((resolve) => gateway.close(resolve));
    });

    it('marks a message SENT only when the gateway took it', async () => {
      const sms = await firstSmsOfAnApplication(t);
      expect(sms).toMatchObject({ status: 'SENT', statusText: 'sent', provider: 'http' });
      expect(sms.sentAt).not.toBeNull();
      expect(received.map((m) => m.to)).toContain('9876543210');
    });
  });
});
