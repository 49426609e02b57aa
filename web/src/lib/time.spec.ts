import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The browser's own zone must not matter. Each check runs time.ts in a fresh Node process
 * whose zone is TZ (jest's own process keeps the machine's), and returns what it printed.
 */
function inZone<T>(tz: string, body: string): T {
  const module = join(__dirname, 'time.ts');
  const script = `const time = require(${JSON.stringify(module)}); const result = (() => { ${body} })(); process.stdout.write(JSON.stringify(result));`;
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    env: { ...process.env, TZ: tz, TS_NODE_TRANSPILE_ONLY: 'true' },
    encoding: 'utf8',
    cwd: join(__dirname, '..', '..', '..'),
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as T;
}

describe('IST formatting (web), in New York', () => {
  const NY = 'America/New_York';

  it('runs in a zone other than India, so the checks below mean something', () => {
    // 15 January: New York is UTC-5.
    expect(inZone<number>(NY, `return new Date('2026-01-15T12:00:00Z').getTimezoneOffset();`)).toBe(300);
  });

  it('shows an instant just after IST midnight on its IST date, where New York is still on the day before', () => {
    // 00:01 IST on 5 March is 13:31 on 4 March in New York.
    const shown = inZone<string[]>(NY, `const d = new Date('2026-03-04T18:31:00Z'); return [time.formatDate(d), time.formatTime(d), time.istDateKey(d), String(d.getDate())];`);
    expect(shown).toEqual(['05-03-2026', '00:01', '2026-03-05', '4']);
  });

  it('shows the last minute before IST midnight on the earlier date, in 24 hours', () => {
    const shown = inZone<string[]>(
      NY,
      `return [time.formatDateTime('2026-03-04T18:29:00Z'), time.formatTime('2026-07-01T13:05:00+05:30'), time.formatTime('2026-07-01T00:00:00+05:30'), time.formatTime('2026-07-01T09:07:00+05:30')];`,
    );
    expect(shown).toEqual(['04-03-2026 23:59', '13:05', '00:00', '09:07']);
  });

  it('is unmoved by New York changing its clocks (IST has no daylight saving)', () => {
    // 8 March 2026, 02:00 in New York: it moves from UTC-5 to UTC-4.
    const shown = inZone<string[]>(NY, `return [time.formatDateTime('2026-03-08T06:30:00Z'), time.formatDateTime('2026-03-08T07:30:00Z')];`);
    expect(shown).toEqual(['08-03-2026 12:00', '08-03-2026 13:00']);
  });

  it('turns API date keys into dd-mm-yyyy and steps them across month and year ends, in any zone', () => {
    for (const tz of [NY, 'Pacific/Kiritimati', 'Asia/Kolkata']) {
      const shown = inZone<string[]>(tz, `return [time.formatDateKey('2026-12-31'), time.addDaysToKey('2026-12-31', 1), time.addDaysToKey('2028-02-28', 1), time.addDaysToKey('2026-03-08', 1)];`);
      expect(shown).toEqual(['31-12-2026', '2027-01-01', '2028-02-29', '2026-03-09']);
    }
  });

  it('refuses what is not a date instead of printing Invalid Date', () => {
    expect(inZone<string[]>(NY, `return ['yesterday', '31-12-2026'].map((v, i) => { try { i === 0 ? time.formatDate(v) : time.formatDateKey(v); return 'printed'; } catch (e) { return e.name; } });`)).toEqual([
      'RangeError',
      'RangeError',
    ]);
  });

  it('splits a waiting time into hours and minutes', () => {
    expect(inZone<unknown>(NY, `return [time.splitDuration(2 * 3600 + 5 * 60 + 59), time.splitDuration(-5)];`)).toEqual([
      { hours: 2, minutes: 5 },
      { hours: 0, minutes: 0 },
    ]);
  });

  it('reads a typed dd-mm-yyyy date as its IST day, in any zone, and refuses days the calendar does not have', () => {
    for (const tz of [NY, 'Pacific/Kiritimati', 'Asia/Kolkata']) {
      const read = inZone<unknown[]>(
        tz,
        `return ['05-03-2026', '5/3/2026', ' 29.02.2028 ', '29-02-2026', '31-04-2026', '2026-03-05', '05-13-2026', ''].map((v) => time.parseDateInput(v) ?? null);`,
      );
      expect(read).toEqual(['2026-03-05', '2026-03-05', '2028-02-29', null, null, null, null, null]);
    }
  });

  it('starts an IST day at 00:00 IST, which is 18:30 UTC the evening before', () => {
    const start = inZone<string[]>(NY, `const s = time.istDayStart('2026-12-01'); return [s, new Date(s).toISOString(), time.formatDateTime(s), time.istDayStart(time.addDaysToKey('2026-12-31', 1))];`);
    expect(start).toEqual(['2026-12-01T00:00:00+05:30', '2026-11-30T18:30:00.000Z', '01-12-2026 00:00', '2027-01-01T00:00:00+05:30']);
  });

  it('reads a date and time typed in the form as IST wall-clock, across IST midnight, whatever the zone', () => {
    const read = inZone<Array<string | null>>(
      NY,
      `return [time.parseIstEntry('05-03-2026', '00:30'), time.parseIstEntry('5/3/2026', '9:05'), time.parseIstEntry('31-02-2026', '10:00'), time.parseIstEntry('05-03-2026', '24:00'), time.parseIstEntry('2026-03-05', '10:00')];`,
    );
    expect(read).toEqual(['2026-03-05T00:30:00+05:30', '2026-03-05T09:05:00+05:30', null, null, null]);
    // 00:30 IST on 5 March is still 4 March in New York and in UTC: the boxes show the IST date back.
    expect(inZone<{ date: string; time: string }>(NY, `return time.istEntry(new Date('2026-03-04T19:00:00Z'));`)).toEqual({ date: '05-03-2026', time: '00:30' });
  });
});
