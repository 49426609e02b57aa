import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from './support/test-app';

/** The small reads the control-room dashboard needs beside the module's own lists. */
describe('dashboard reads (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  async function message(status: string, createdAt: string): Promise<void> {
    // The worker leaves a message alone until its next attempt: these stay as written.
    await t.app.get(DataSource).query(
      `INSERT INTO notification (channel, recipient, template, language, body, source_type, source_id, status, failure, attempts, next_attempt_at, created_at)
       VALUES ('SMS', '9876543210', 'protest-received', 'hi', 'text', 'test', 'x', $1, $3, 1, now() + interval '1 day', $2)`,
      [status, createdAt, status === 'FAILED' ? 'GAVE_UP' : null],
    );
  }

  it('counts the messages not sent: waiting, failed, and kept by the development sink; not the sent ones', async () => {
    const control = await t.tokenFor(['CONTROL_ROOM']);
    const empty = await t.http.get('/api/v1/notifications/unsent').auth(control, { type: 'bearer' }).expect(200);
    expect(empty.body).toEqual({ pending: 0, failed: 0, keptInSink: 0, oldestPendingAt: null });
    await message('PENDING', '2026-03-04T18:31:00Z');
    await message('PENDING', '2026-03-05T10:00:00Z');
    await message('FAILED', '2026-03-01T10:00:00Z');
    await message('KEPT_IN_SINK', '2026-03-01T10:00:00Z');
    await message('SENT', '2026-02-01T10:00:00Z');
    const res = await t.http.get('/api/v1/notifications/unsent').auth(control, { type: 'bearer' }).expect(200);
    expect(res.body).toEqual({ pending: 2, failed: 1, keptInSink: 1, oldestPendingAt: '2026-03-04T18:31:00.000Z' });
  });

  it('shows the counts to the control room and admins only', async () => {
    await t.http.get('/api/v1/notifications/unsent').auth(await t.tokenFor(['ADMIN']), { type: 'bearer' }).expect(200);
    await t.http.get('/api/v1/notifications/unsent').auth(await t.tokenFor(['OFFICER'], 'TT_NAGAR'), { type: 'bearer' }).expect(403);
    // The full list stays the admins'.
    await t.http.get('/api/v1/notifications').auth(await t.tokenFor(['CONTROL_ROOM']), { type: 'bearer' }).expect(403);
  });
});
