import { ValidateBy, ValidationOptions } from 'class-validator';

/** The years the platform's records can fall in; anything outside is a typing error, not a date to look up. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/;

function dateExists(year: number, month: number, day: number): boolean {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` naming a day that exists, from FIRST_YEAR to LAST_YEAR. */
export function isLocalDate(value: unknown): value is string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  return match !== null && dateExists(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * A date, or a date and time with its offset (`2026-12-01T08:00:00+07:00`), that exists: real
 * day, hours to 23, minutes and seconds to 59, an offset within ±14:00.
 */
export function isDateOrInstant(value: unknown): value is string {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match || !dateExists(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = [match[4], match[5], match[6], match[8], match[9]].map(
    (part) => Number(part ?? 0),
  );
  return (
    hours! <= 23 &&
    minutes! <= 59 &&
    seconds! <= 59 &&
    offsetHours! * 60 + offsetMinutes! <= 14 * 60 &&
    offsetMinutes! <= 59
  );
}

/** A field holding a real local date (see isLocalDate). */
export function IsLocalDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: isLocalDate,
        defaultMessage: () => `must be a date YYYY-MM-DD that exists, from ${FIRST_YEAR} to ${LAST_YEAR}`,
      },
    },
    options,
  );
}

/** A field holding a real date or instant (see isDateOrInstant). */
export function IsDateOrInstant(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOrInstant',
      validator: {
        validate: isDateOrInstant,
        defaultMessage: () =>
          `must be a date or an ISO 8601 date-time with its offset that exists, from ${FIRST_YEAR} to ${LAST_YEAR}`,
      },
    },
    options,
  );
}
