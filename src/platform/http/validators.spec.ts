import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DateField, DateTimeField, isWithinYears, maskMobile, TimeOfDayField } from './validators';

describe('isWithinYears', () => {
  it.each(['2000-01-01', '2026-11-27T10:00:00+05:30', '2100-12-31T18:29:59Z', '1999-12-31T18:30:00Z', '2026-12-06T11:00:00'])('accepts %s', (value) => {
    expect(isWithinYears(value)).toBe(true);
  });

  // 2100-12-31T23:59:59Z is 05:29 on 1 January 2101 in IST: the IST calendar decides.
  it.each(['9999-12-31T10:00:00+05:30', '1999-12-31', '2101-01-01', '2100-12-31T23:59:59Z', '1999-12-31T18:29:59Z', '+002026-01-01', 'tomorrow', 20260101])('refuses %s', (value) => {
    expect(isWithinYears(value)).toBe(false);
  });
});

class Times {
  @DateTimeField() at!: string;
  @DateTimeField({ optional: true }) from?: string;
  @DateField({ optional: true }) day?: string;
  @TimeOfDayField({ optional: true }) opens?: string;
}

async function read(body: Record<string, unknown>) {
  const dto = plainToInstance(Times, body);
  const errors = await validate(dto);
  return { dto, fields: errors.map((e) => e.property), messages: errors.flatMap((e) => Object.values(e.constraints ?? {})) };
}

describe('the date and time fields of a DTO', () => {
  it('hand the service an instant with its offset, a local time read as IST', async () => {
    const cases: Array<[string, string]> = [
      ['2026-12-06T11:00:00', '2026-12-06T11:00:00+05:30'],
      ['2026-12-06T11:00', '2026-12-06T11:00:00+05:30'],
      ['2026-12-06', '2026-12-06T00:00:00+05:30'],
      ['2026-12-06T00:00:00', '2026-12-06T00:00:00+05:30'],
      ['2026-12-06T23:59:00', '2026-12-06T23:59:00+05:30'],
      ['2026-12-06T05:30:00Z', '2026-12-06T11:00:00+05:30'],
      ['2026-12-05T18:30:00.000Z', '2026-12-06T00:00:00+05:30'],
      ['2026-12-06T11:00:00+05:30', '2026-12-06T11:00:00+05:30'],
      ['2026-12-06T01:30:00+01:00', '2026-12-06T06:00:00+05:30'],
      ['2026-12-06T11:00:00.250', '2026-12-06T11:00:00.250+05:30'],
    ];
    for (const [sent, kept] of cases) {
      const { dto, fields } = await read({ at: sent });
      expect({ sent, kept: dto.at, fields }).toEqual({ sent, kept, fields: [] });
      expect(new Date(dto.at).toISOString()).toBe(new Date(kept).toISOString());
    }
  });

  it('refuse what is no real date-time, or outside 2000–2100, naming the field', async () => {
    for (const at of ['2026-02-30', '2026-12-06T24:00:00', '2026-12-06T11:60', '06-12-2026', '20261206', '2026-12-06T11:00:00+15:00', 'tomorrow', 1765000000000, '']) {
      const { fields, messages } = await read({ at });
      expect({ at, fields }).toEqual({ at, fields: ['at'] });
      expect(messages.every((m) => m.startsWith('at '))).toBe(true);
    }
    expect((await read({ at: '2101-01-01T10:00:00' })).messages).toEqual(['at must lie between the years 2000 and 2100']);
    expect((await read({ at: '0001-01-01' })).messages).toEqual(['at must lie between the years 2000 and 2100']);
    expect((await read({})).fields).toEqual(['at']);
    expect((await read({ at: '2026-12-06', from: undefined })).fields).toEqual([]);
  });

  it('read a calendar date as the IST day, and a time of day on the IST clock', async () => {
    expect((await read({ at: '2026-12-06', day: '2026-12-06' })).dto.day).toBe('2026-12-06');
    // 20:00 UTC on the 5th is 01:30 on the 6th in IST.
    expect((await read({ at: '2026-12-06', day: '2026-12-05T20:00:00Z' })).dto.day).toBe('2026-12-06');
    expect((await read({ at: '2026-12-06', day: '2026-02-30' })).fields).toEqual(['day']);
    expect((await read({ at: '2026-12-06', opens: '10:00:00' })).dto.opens).toBe('10:00');
    expect((await read({ at: '2026-12-06', opens: '23:59' })).dto.opens).toBe('23:59');
    for (const opens of ['24:00', '9:30', '10:00:30', '10:00+05:30']) expect((await read({ at: '2026-12-06', opens })).fields).toEqual(['opens']);
  });
});

describe('maskMobile', () => {
  it('keeps the last 4 digits only', () => {
    expect(maskMobile('9876543210')).toBe('******3210');
    expect(maskMobile('+91 9876543210')).toBe('********3210');
    expect(maskMobile(null)).toBeNull();
  });
});
