import { Transform } from 'class-transformer';
import { Matches, ValidationOptions } from 'class-validator';

/** The code of an administrative unit: a commune (19753), a department (46.STP), a service point (19753.BD1). */
export const UNIT_CODE_PATTERN = /^[0-9A-Z.]{2,20}$/;
export const UNIT_CODE_MESSAGE = 'must be an administrative unit code such as 19753 or 46.STP';

/** A field holding a unit code (with `each: true`, a list of them). */
export function IsUnitCode(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(UNIT_CODE_PATTERN, {
    message: options.each ? `each ${UNIT_CODE_MESSAGE}` : UNIT_CODE_MESSAGE,
    ...options,
  });
}

/** A query parameter given empty (`?unit=`) counts as not given. */
export function EmptyAsAbsent(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));
}
