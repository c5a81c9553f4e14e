import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, ValidationOptions } from 'class-validator';

/**
 * A field that may be left out, where `null` means left out too. class-validator's IsOptional
 * alone lets a `null` skip every check and reach code that expects a value or nothing (a
 * template's null subject, a null day in a calendar, answered 500): here it becomes `undefined`
 * before validation, so the code meets only what the field's type says. Fields where null means
 * something of its own (clear this) say so in their type and keep IsOptional.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === null ? undefined : value)),
    IsOptional(options),
  );
}
