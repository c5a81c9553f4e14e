import { FieldProblem } from '@onestop/contracts';
import type { z } from 'zod';

/**
 * A zod issue as a field problem under `root`, with the code of the class-validator constraint a
 * client already knows for the same fault; a custom check names its own code in `params.code`.
 */
export function zodFieldProblem(issue: z.core.$ZodIssue, root: string): FieldProblem {
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.');
  const problem = (code: string, params?: Record<string, unknown>): FieldProblem => ({
    field,
    code,
    message: issue.message,
    ...(params ? { params } : {}),
  });
  switch (issue.code) {
    case 'invalid_type':
      return problem('invalidType', { expected: issue.expected });
    case 'too_big':
      return problem(issue.origin === 'array' ? 'arrayMaxSize' : issue.origin === 'string' ? 'maxLength' : 'max', {
        max: Number(issue.maximum),
      });
    case 'too_small':
      return problem(issue.origin === 'array' ? 'arrayMinSize' : issue.origin === 'string' ? 'minLength' : 'min', {
        min: Number(issue.minimum),
      });
    case 'invalid_value':
      return problem('isIn', { allowed: issue.values });
    case 'invalid_format':
      return problem(issue.format === 'date' ? 'isDateString' : 'matches', { format: issue.format });
    case 'unrecognized_keys':
      return problem('whitelistValidation', { keys: issue.keys });
    case 'custom':
      return problem(typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'invalid');
    default:
      return problem('invalid');
  }
}
