import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { buildMessage, IsOptional, ValidateBy } from 'class-validator';
import { istIso, istYear, readIstDate, readIstInstant, readIstTimeOfDay } from '../time';

/** A 10-digit Indian mobile number, optionally with +91. */
export const INDIAN_MOBILE = /^(\+91[- ]?)?[6-9]\d{9}$/;
export const INDIAN_MOBILE_MESSAGE = 'must be a 10-digit Indian mobile number starting with 6-9';

/** A mobile as the audit log and other lasting records may show it: the last 4 digits only. */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (mobile == null) return null;
  const digits = mobile.replace(/\D/g, '');
  return digits.length <= 4 ? '*'.repeat(digits.length) : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** The years a date in this app may fall in: anything else is a typing slip (or a probe). */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

/** Whether a date or date-time, read by the IST rule, falls in EARLIEST_YEAR…LATEST_YEAR of the IST calendar. */
export function isWithinYears(value: unknown, earliest = EARLIEST_YEAR): boolean {
  const at = readIstInstant(value);
  if (!at) return false;
  const year = istYear(at);
  return year >= earliest && year <= LATEST_YEAR;
}

/** What every date-time field's OpenAPI description says: the rule `readIstInstant` applies. */
export const IST_DATE_TIME_RULE =
  'ISO 8601; without an offset it means Asia/Kolkata (IST), and a date alone means 00:00 IST that day';
export const IST_DATE_RULE = 'ISO 8601 date (yyyy-mm-dd), a day of the IST (Asia/Kolkata) calendar; a date-time means the IST day it falls on';
export const IST_TIME_OF_DAY_RULE = 'HH:mm (24-hour), on the IST (Asia/Kolkata) wall clock';

export interface TimeFieldOptions {
  /** What the field means; the rule is appended. */
  description?: string;
  example?: string;
  /** Applies @IsOptional() and documents the field as optional. */
  optional?: boolean;
  /** For a date of the past (a date of birth): the first year allowed instead of EARLIEST_YEAR. */
  earliestYear?: number;
}

function documented(options: TimeFieldOptions, rule: string, format: string | undefined, example: string): PropertyDecorator[] {
  const doc = {
    type: String,
    ...(format ? { format } : {}),
    example: options.example ?? example,
    description: options.description ? `${options.description.replace(/\.?$/, '.')} ${rule}.` : `${rule}.`,
  };
  return options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)];
}

/** A check whose message names the field; the value has been through the field's transform. */
function check(name: string, validate: (value: unknown) => boolean, message: string): PropertyDecorator {
  return ValidateBy({
    name,
    validator: { validate: (value) => validate(value), defaultMessage: buildMessage((each) => `${each}$property ${message}`) },
  });
}

/**
 * A date-time field: read by the app's one rule (`readIstInstant` in platform/time: with an
 * offset as written, without one as IST wall clock, a date alone as 00:00 IST), checked to be a
 * real date-time between EARLIEST_YEAR and LATEST_YEAR, and handed to the service as ISO 8601
 * with the +05:30 offset (`2026-12-06T11:00:00+05:30`), so no later `new Date(…)`, SQL
 * parameter or audit row can read it as UTC. The OpenAPI description says so.
 *
 *   @DateTimeField({ example: '2026-11-27T10:00:00+05:30' }) start!: string;
 *   @DateTimeField({ optional: true, description: 'Events ending after this instant' }) from?: string;
 */
export function DateTimeField(options: TimeFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...documented(options, IST_DATE_TIME_RULE, 'date-time', '2026-12-06T11:00:00+05:30'),
    Transform(({ value }) => {
      const at = readIstInstant(value);
      return at ? istIso(at) : value;
    }, { toClassOnly: true }),
    check('isIstDateTime', (value) => readIstInstant(value) !== null, 'must be an ISO 8601 date-time such as 2026-12-06T11:00:00+05:30, or a date such as 2026-12-06, and a real one (without an offset it means IST)'),
    check('isWithinYears', (value) => readIstInstant(value) === null || isWithinYears(value), `must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`),
  );
}

/**
 * A calendar date field (a letter's date): `yyyy-mm-dd` of the IST calendar; a date-time is
 * taken as the IST day it falls on. Handed to the service as `yyyy-mm-dd`.
 */
export function DateField(options: TimeFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...documented(options, IST_DATE_RULE, 'date', '2026-12-06'),
    Transform(({ value }) => readIstDate(value) ?? value, { toClassOnly: true }),
    check('isIstDate', (value) => readIstDate(value) !== null, 'must be an ISO 8601 date such as 2026-12-06, and a real one'),
    check('isWithinYears', (value) => readIstDate(value) === null || isWithinYears(value, options.earliestYear), `must lie between the years ${options.earliestYear ?? EARLIEST_YEAR} and ${LATEST_YEAR}`),
  );
}

/** A time of day on the IST wall clock (a venue's opening hours): `HH:mm`, `HH:mm:00` read the same. */
export function TimeOfDayField(options: TimeFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ...documented(options, IST_TIME_OF_DAY_RULE, undefined, '10:00'),
    Transform(({ value }) => readIstTimeOfDay(value) ?? value, { toClassOnly: true }),
    check('isIstTimeOfDay', (value) => readIstTimeOfDay(value) !== null, 'must be a 24-hour time of day HH:mm such as 10:00 (IST)'),
  );
}
