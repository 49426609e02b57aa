import { applyDecorators } from '@nestjs/common';
import { buildMessage, IsISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

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

/** Whether an ISO 8601 date or date-time, as written, lies in EARLIEST_YEAR…LATEST_YEAR. */
export function isWithinYears(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const year = /^(\d{4})-/.exec(value)?.[1];
  return year !== undefined && Number(year) >= EARLIEST_YEAR && Number(year) <= LATEST_YEAR && !Number.isNaN(Date.parse(value));
}

/**
 * An ISO 8601 date-time (or date) a person could mean: strictly valid (no 2026-02-30) and
 * within 2000–2100 (no year 9999, which PostgreSQL would store and every date sum would carry).
 */
export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }, options),
    ValidateBy(
      {
        name: 'isWithinYears',
        validator: {
          validate: (value) => isWithinYears(value),
          defaultMessage: buildMessage((each) => `${each}$property must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`, options),
        },
      },
      options,
    ),
  );
}
