import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * A field that may be left out. Unlike class-validator's IsOptional, which also waves `null`
 * through every other check, a `null` is validated like any value and refused with the field's
 * name, instead of reaching code that expects a string or nothing. Fields where null means
 * something (clear this) say so in their type and keep IsOptional.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((object: object, value: unknown) => value !== undefined, options);
}
