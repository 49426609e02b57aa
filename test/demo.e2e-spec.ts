import { DataSource } from 'typeorm';
import { seedDemo } from '../src/cli/demo/seed';
import { ROLES } from '../src/platform/auth/roles';
import { bootTestApp, TestApp } from './support/test-app';

describe('demo data (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('seeds Bhopal zones and thanas, ~300 officers of all ranks, some women, and one login per role, all marked as demo', async () => {
    const ds = t.app.get(DataSource);
    const result = await seedDemo(ds);
    expect(result.alreadySeeded).toBe(false);
    expect(result.accounts.map((a) => a.role).sort()).toEqual([...ROLES].sort());

    const [officers] = await ds.query(
      `SELECT count(*)::int AS n, count(DISTINCT rank)::int AS ranks, count(*) FILTER (WHERE gender = 'F')::int AS women,
              bool_and(is_demo) AS demo FROM officer`,
    );
    expect(officers.n).toBeGreaterThanOrEqual(250);
    expect(officers.n).toBeLessThanOrEqual(400);
    expect(officers.ranks).toBeGreaterThanOrEqual(8);
    expect(officers.women).toBeGreaterThan(0);
    expect(officers.demo).toBe(true);
    const [thanas] = await ds.query(`SELECT count(*)::int AS n FROM unit WHERE kind = 'THANA' AND is_demo`);
    expect(thanas.n).toBeGreaterThanOrEqual(35);

    // Each printed password logs in.
    const control = result.accounts.find((a) => a.role === 'CONTROL_ROOM')!;
    await t.http.post('/api/v1/auth/login').send({ username: control.username, password: control.password }).expect(200);
  });

  it('changes nothing when run again', async () => {
    const again = await seedDemo(t.app.get(DataSource));
    expect(again.alreadySeeded).toBe(true);
  });
});
