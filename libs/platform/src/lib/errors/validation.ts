import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from '@onestop/contracts';
import { invalidRequest } from './problem.exception';

/** Flattens class-validator's tree into `field.path: message` pairs. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: stripProperty(message, error.property) }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** The one pipe every service uses: unknown fields are refused, types converted, errors named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidRequest(fieldProblems(errors)),
  });
}

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(field: string, what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => invalidRequest([{ field, message: `must be ${what} (a UUID)` }]) });
}
