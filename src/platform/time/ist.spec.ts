import {
  addDays,
  formatIstDate,
  formatIstDateTime,
  formatIstTime,
  formatIstWindow,
  formatMinuteOfDay,
  istDateKey,
  istEndOfDay,
  istEndOfHour,
  istIso,
  istMidnight,
  istMinuteOfDay,
  istStartOfDay,
  istStartOfHour,
  istYear,
  parseIstDateTime,
  parseIstInstant,
  parseTimeOfDay,
  readIstDate,
  readIstInstant,
  readIstTimeOfDay,
  readTimeOfDay,
} from './ist';
import { fixedClock, systemClock } from './clock';

// IST midnight is 18:30 UTC: 18:29 UTC is the last minute of one IST day, 18:30 the first of the next.
const lastMinute = new Date('2026-11-27T18:29:00Z');
const firstMinute = new Date('2026-11-27T18:30:00Z');

describe('IST calendar day of an instant', () => {
  it('turns over at 18:30 UTC, not at UTC midnight', () => {
    expect(istDateKey(lastMinute)).toBe('2026-11-27');
    expect(istDateKey(firstMinute)).toBe('2026-11-28');
    expect(istDateKey(new Date('2026-11-27T19:00:00Z'))).toBe('2026-11-28');
    expect(istDateKey(new Date('2026-11-27T23:59:59Z'))).toBe('2026-11-28');
  });

  it('reads the IST year, which changes at 18:30 UTC on 31 December', () => {
    expect(istYear(new Date('2025-12-31T18:29:59Z'))).toBe(2025);
    expect(istYear(new Date('2025-12-31T18:30:00Z'))).toBe(2026);
  });
});

describe('IST midnight boundaries', () => {
  it('finds IST midnight of the day an instant falls on', () => {
    expect(istStartOfDay(lastMinute).toISOString()).toBe('2026-11-26T18:30:00.000Z');
    expect(istStartOfDay(firstMinute).toISOString()).toBe('2026-11-27T18:30:00.000Z');
    expect(istStartOfDay(new Date('2026-11-27T18:29:59.999Z')).toISOString()).toBe(
      '2026-11-26T18:30:00.000Z',
    );
  });

  it('ends an IST day, exclusively, at the next IST midnight', () => {
    expect(istEndOfDay(lastMinute).toISOString()).toBe('2026-11-27T18:30:00.000Z');
    expect(istEndOfDay(firstMinute).toISOString()).toBe('2026-11-28T18:30:00.000Z');
    expect(istEndOfDay(lastMinute).getTime() - istStartOfDay(lastMinute).getTime()).toBe(
      24 * 3600_000,
    );
  });

  it('gives the instant of 00:00 IST on a named date', () => {
    expect(istMidnight('2026-11-28').toISOString()).toBe('2026-11-27T18:30:00.000Z');
    expect(istMidnight('2026-11-28')).toEqual(istStartOfDay(firstMinute));
    expect(() => istMidnight('28-11-2026')).toThrow('not a yyyy-mm-dd date');
  });

  it('adds whole days', () => {
    expect(addDays(firstMinute, 1).toISOString()).toBe('2026-11-28T18:30:00.000Z');
    expect(addDays(firstMinute, -2).toISOString()).toBe('2026-11-25T18:30:00.000Z');
  });
});

describe('IST minutes of the day', () => {
  it('reads the time of day in Asia/Kolkata whatever the server zone', () => {
    expect(istMinuteOfDay(new Date('2026-11-27T16:30:00Z'))).toBe(22 * 60);
    expect(istMinuteOfDay(lastMinute)).toBe(23 * 60 + 59);
    expect(istMinuteOfDay(firstMinute)).toBe(0);
  });

  it('reads instants before 1970 too', () => {
    expect(istMinuteOfDay(new Date('1969-12-31T18:29:00Z'))).toBe(23 * 60 + 59);
    expect(istStartOfDay(new Date('1969-12-31T18:29:00Z')).toISOString()).toBe(
      '1969-12-30T18:30:00.000Z',
    );
  });

  it('writes and reads 24-hour HH:mm times of day', () => {
    expect(formatMinuteOfDay(22 * 60)).toBe('22:00');
    expect(formatMinuteOfDay(6 * 60 + 5)).toBe('06:05');
    expect(parseTimeOfDay('10:00')).toBe(600);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(() => parseTimeOfDay('24:00')).toThrow('not a 24-hour HH:mm time');
    expect(() => parseTimeOfDay('9:30')).toThrow('not a 24-hour HH:mm time');
    expect(readTimeOfDay('06:00')).toBe(360);
    expect(readTimeOfDay('6:00')).toBeNull();
    expect(readTimeOfDay('22:60')).toBeNull();
  });
});

describe('IST formatting', () => {
  it('prints dd-mm-yyyy in Asia/Kolkata whatever the server time zone', () => {
    expect(formatIstDate(new Date('2026-03-04T18:29:59Z'))).toBe('04-03-2026');
    expect(formatIstDate(new Date('2026-03-04T18:30:00Z'))).toBe('05-03-2026');
    expect(formatIstDate(new Date('2025-12-31T20:00:00Z'))).toBe('01-01-2026');
  });

  it('prints the 24-hour IST time and the two together, as Indian papers do', () => {
    expect(formatIstTime(lastMinute)).toBe('23:59');
    expect(formatIstTime(firstMinute)).toBe('00:00');
    expect(formatIstDateTime(new Date('2026-11-27T05:30:00Z'))).toBe('27-11-2026 11:00');
    expect(formatIstDateTime(new Date('2026-11-27T09:00:00Z'))).toBe('27-11-2026 14:30');
    expect(formatIstDateTime(lastMinute)).toBe('27-11-2026 23:59');
    expect(formatIstDateTime(firstMinute)).toBe('28-11-2026 00:00');
  });

  it('shows a window that crosses IST midnight with both dates', () => {
    expect(
      formatIstWindow(new Date('2026-11-27T22:00:00+05:30'), new Date('2026-11-28T06:00:00+05:30')),
    ).toBe('27-11-2026 22:00 – 28-11-2026 06:00');
    expect(
      formatIstWindow(new Date('2026-11-27T06:00:00+05:30'), new Date('2026-11-27T14:00:00+05:30')),
    ).toBe('27-11-2026 06:00–14:00');
    expect(formatIstWindow(new Date('2026-11-27T18:00:00Z'), lastMinute)).toBe(
      '27-11-2026 23:30–23:59',
    );
    expect(formatIstWindow(new Date('2026-11-27T18:00:00Z'), firstMinute)).toBe(
      '27-11-2026 23:30 – 28-11-2026 00:00',
    );
  });

  it('writes instants with the +05:30 offset the solver reads nights from', () => {
    expect(istIso(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-27T22:00:00+05:30');
    expect(istIso(lastMinute)).toBe('2026-11-27T23:59:00+05:30');
    expect(istIso(firstMinute)).toBe('2026-11-28T00:00:00+05:30');
    expect(new Date(istIso(new Date('2026-11-27T18:30:07Z'))).toISOString()).toBe(
      '2026-11-27T18:30:07.000Z',
    );
  });
});

describe('parsing a local IST date-time', () => {
  it('reads the wall clock in Asia/Kolkata, either side of IST midnight', () => {
    expect(parseIstDateTime('2026-11-27T23:59')).toEqual(lastMinute);
    expect(parseIstDateTime('2026-11-28T00:00')).toEqual(firstMinute);
    expect(parseIstDateTime('2026-11-28 00:00:30').toISOString()).toBe('2026-11-27T18:30:30.000Z');
    expect(parseIstDateTime('2026-11-28')).toEqual(firstMinute);
  });

  it('round-trips with the IST formatters', () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const at = new Date(firstMinute.getTime() + minute * 60_000);
      expect(parseIstDateTime(`${istDateKey(at)}T${formatIstTime(at)}`)).toEqual(at);
      expect(istMinuteOfDay(at)).toBe(minute);
    }
  });

  it('refuses what is not a local date-time or not a real one', () => {
    expect(() => parseIstDateTime('2026-11-27T22:00+05:30')).toThrow('not a local date-time');
    expect(() => parseIstDateTime('27-11-2026')).toThrow('not a local date-time');
    expect(() => parseIstDateTime('2026-02-30T10:00')).toThrow('not a real date and time');
    expect(() => parseIstDateTime('2026-11-27T24:00')).toThrow('not a real date and time');
  });
});

describe('reading a date-time, with or without an offset (the one rule)', () => {
  const utc = (text: string) => readIstInstant(text)?.toISOString() ?? null;

  it('reads a local time as IST wall clock, not UTC', () => {
    expect(utc('2026-12-06T11:00:00')).toBe('2026-12-06T05:30:00.000Z');
    expect(utc('2026-12-06T11:00')).toBe('2026-12-06T05:30:00.000Z');
    expect(utc('2026-12-06 11:00:00')).toBe('2026-12-06T05:30:00.000Z');
    expect(utc('2026-12-06T08:00:00')).toBe('2026-12-06T02:30:00.000Z');
  });

  it('reads a bare date as 00:00 IST that day', () => {
    expect(utc('2026-12-06')).toBe('2026-12-05T18:30:00.000Z');
    expect(readIstInstant('2026-12-06')).toEqual(parseIstDateTime('2026-12-06'));
  });

  it('puts IST midnight at 18:30 UTC of the day before, and 23:59 IST at 18:29 UTC', () => {
    expect(utc('2026-12-06T00:00:00')).toBe('2026-12-05T18:30:00.000Z');
    expect(utc('2026-12-05T23:59:00')).toBe('2026-12-05T18:29:00.000Z');
    expect(utc('2026-12-05T23:59:59.999')).toBe('2026-12-05T18:29:59.999Z');
    expect(istDateKey(readIstInstant('2026-12-06T00:00:00')!)).toBe('2026-12-06');
    expect(istDateKey(readIstInstant('2026-12-05T23:59:00')!)).toBe('2026-12-05');
    // A year turns over the same way.
    expect(utc('2027-01-01T00:00:00')).toBe('2026-12-31T18:30:00.000Z');
  });

  it('keeps the offset written, whichever way it is written', () => {
    expect(utc('2026-12-06T11:00:00+05:30')).toBe('2026-12-06T05:30:00.000Z');
    expect(utc('2026-12-06T11:00:00+0530')).toBe('2026-12-06T05:30:00.000Z');
    expect(utc('2026-12-06T11:00:00+05')).toBe('2026-12-06T06:00:00.000Z');
    expect(utc('2026-12-06T05:30:00Z')).toBe('2026-12-06T05:30:00.000Z');
    expect(utc('2026-12-06T05:30:00.123Z')).toBe('2026-12-06T05:30:00.123Z');
    expect(utc('2026-12-06T00:00:00-05:00')).toBe('2026-12-06T05:00:00.000Z');
    expect(utc('2026-12-06T11:00:00,5+05:30')).toBe('2026-12-06T05:30:00.500Z');
  });

  it('refuses what is not a real date-time in ISO 8601 extended form', () => {
    for (const text of ['2026-02-30', '2026-02-29T10:00', '2026-13-01', '2026-12-06T24:00', '2026-12-06T10:60', '2026-12-06T10:00:60', '2026-12-06T10:00+14:60', '2026-12-06T10:00+15:00', '2026-12-06Z', '06-12-2026', '20261206T110000', '2026-12-6', 'tomorrow', '', ' 2026-12-06']) {
      expect({ text, at: readIstInstant(text) }).toEqual({ text, at: null });
    }
    expect(readIstInstant(1765000000000)).toBeNull();
    expect(readIstInstant(new Date())).toBeNull();
    expect(() => parseIstInstant('2026-02-30')).toThrow('not an ISO 8601 date-time');
    // 2028 is a leap year, and the years 0–99 are not read as 1900–1999.
    expect(utc('2028-02-29T10:00')).toBe('2028-02-29T04:30:00.000Z');
    expect(utc('0050-01-01T05:30:00Z')).toBe('0050-01-01T05:30:00.000Z');
    // and written back with four digits, so what istIso writes is read again (the year check then refuses it).
    expect(istIso(readIstInstant('0001-01-01')!)).toBe('0001-01-01T00:00:00+05:30');
  });

  it('round-trips with istIso, milliseconds included', () => {
    for (const text of ['2026-12-06T00:00:00', '2026-12-05T23:59:59.999', '2026-12-06T11:00:00.250']) {
      const at = parseIstInstant(text);
      expect(parseIstInstant(istIso(at))).toEqual(at);
      expect(istIso(at)).toBe(`${text}+05:30`);
    }
  });

  it('reads the IST day a date or date-time names', () => {
    expect(readIstDate('2026-12-06')).toBe('2026-12-06');
    expect(readIstDate('2026-12-05T18:29:00Z')).toBe('2026-12-05');
    expect(readIstDate('2026-12-05T18:30:00Z')).toBe('2026-12-06');
    expect(readIstDate('2026-02-30')).toBeNull();
  });

  it('reads a time of day on the IST clock as HH:mm', () => {
    expect(readIstTimeOfDay('08:00')).toBe('08:00');
    expect(readIstTimeOfDay('08:00:00')).toBe('08:00');
    expect(readIstTimeOfDay('00:00')).toBe('00:00');
    expect(readIstTimeOfDay('23:59:00')).toBe('23:59');
    for (const text of ['24:00', '8:00', '08:00:30', '08:00Z', '08:00+05:30', 800]) expect(readIstTimeOfDay(text)).toBeNull();
  });
});

describe('clock', () => {
  it('stands still until moved, for tests', () => {
    const clock = fixedClock('2026-11-27T18:29:00Z');
    expect(clock.now()).toEqual(lastMinute);
    clock.set(firstMinute);
    expect(clock.now()).toEqual(firstMinute);
  });

  it('reads the machine clock by default', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('one technique', () => {
  // The time-zone database is the oracle: fixed-offset arithmetic must read every instant as
  // Intl's Asia/Kolkata does (the programmes, VIP days and reference years used Intl before).
  const kolkata = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Kolkata',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const viaIntl = (at: Date) => {
    const p = Object.fromEntries(kolkata.formatToParts(at).map((x) => [x.type, x.value]));
    return {
      dateTime: `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`,
      key: `${p.year}-${p.month}-${p.day}`,
      year: Number(p.year),
    };
  };

  it('agrees with the time-zone database on instants either side of IST midnight over many years', () => {
    for (let day = Date.UTC(1980, 0, 1); day < Date.UTC(2040, 0, 1); day += 37 * 24 * 3600_000) {
      for (const utc of ['18:29:00', '18:30:00', '00:00:00', '12:15:00']) {
        const at = new Date(`${new Date(day).toISOString().slice(0, 10)}T${utc}Z`);
        const intl = viaIntl(at);
        expect(formatIstDateTime(at)).toBe(intl.dateTime);
        expect(istDateKey(at)).toBe(intl.key);
        expect(istYear(at)).toBe(intl.year);
      }
    }
  });
});

describe('IST clock hours', () => {
  it('rounds to the IST hour, whose boundaries fall at :30 UTC', () => {
    expect(istStartOfHour(new Date('2026-12-06T12:10:00+05:30')).toISOString()).toBe(new Date('2026-12-06T12:00:00+05:30').toISOString());
    expect(istEndOfHour(new Date('2026-12-06T12:10:00+05:30')).toISOString()).toBe(new Date('2026-12-06T13:00:00+05:30').toISOString());
    expect(istEndOfHour(new Date('2026-12-06T13:00:00+05:30')).toISOString()).toBe(new Date('2026-12-06T13:00:00+05:30').toISOString());
    // Across IST midnight, and before 1970.
    expect(istStartOfHour(new Date('2026-12-06T00:20:00+05:30')).toISOString()).toBe('2026-12-05T18:30:00.000Z');
    expect(istEndOfHour(new Date('2026-12-05T23:59:59+05:30')).toISOString()).toBe('2026-12-05T18:30:00.000Z');
    expect(istStartOfHour(new Date('1969-12-31T23:45:00+05:30')).toISOString()).toBe(new Date('1969-12-31T23:00:00+05:30').toISOString());
  });
});
