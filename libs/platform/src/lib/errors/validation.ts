import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from '@onestop/contracts';
import { getMetadataStorage } from 'class-validator';
import { invalidRequest } from './problem.exception';

type Params = Record<string, unknown>;

/**
 * The values of a failed constraint a client needs to say what is wrong in its own words, by
 * the constraint's name; constraints that need none (isNotEmpty, isDateString...) are absent.
 */
const PARAMS_OF: Record<string, (constraints: unknown[]) => Params> = {
  maxLength: ([max]) => ({ max }),
  minLength: ([min]) => ({ min }),
  isLength: ([min, max]) => (max === undefined ? { min } : { min, max }),
  min: ([min]) => ({ min }),
  max: ([max]) => ({ max }),
  arrayMinSize: ([min]) => ({ min }),
  arrayMaxSize: ([max]) => ({ max }),
  isIn: ([allowed]) => ({ allowed }),
  isEnum: ([entity, values]) => ({ allowed: Array.isArray(values) ? values : Object.values(entity as object) }),
  matches: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : String(pattern) }),
};

/** The constraint values of each decorator on the property, under the name its failure is reported by. */
function constraintsOf(target: object | undefined, property: string): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  if (!target) return found;
  const storage = getMetadataStorage();
  for (const metadata of storage.getTargetValidationMetadatas(target.constructor, '', true, false)) {
    if (metadata.propertyName !== property) continue;
    const name =
      (metadata.constraintCls && storage.getTargetValidatorConstraints(metadata.constraintCls)[0]?.name) ||
      metadata.type;
    found.set(name, metadata.constraints ?? []);
  }
  return found;
}

/** Flattens class-validator's tree into field problems: the path, the failed constraint as `code`, its values as `params`. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const failed = Object.entries(error.constraints ?? {});
    const constraints = failed.some(([code]) => code in PARAMS_OF)
      ? constraintsOf(error.target, error.property)
      : new Map<string, unknown[]>();
    const own = failed.map(([code, message]): FieldProblem => {
      const values = constraints.get(code);
      const params = values && PARAMS_OF[code]?.(values);
      return { field, code, message: stripProperty(message, error.property), ...(params ? { params } : {}) };
    });
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
    // The target lets a field problem carry its constraint's values; neither it nor the value is ever answered.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => invalidRequest(fieldProblems(errors)),
  });
}

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(field: string, what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => invalidRequest([{ field, code: 'isUuid', message: `must be ${what} (a UUID)` }]),
  });
}
