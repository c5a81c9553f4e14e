import { FieldProblem } from '@onestop/contracts';

/**
 * How deep a request's JSON or query may nest. No operation takes more than a few levels; the
 * validation pipe walks a body recursively, so thousands of levels overflowed its stack.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * What is wrong with the shape of a parsed input, before any handler sees it: nesting beyond
 * MAX_INPUT_DEPTH, or a NUL character in a key or string (PostgreSQL refuses NUL in text, and no
 * field of the platform has a use for it). Walks without recursion, so depth cannot hurt the walk.
 */
export function inputShapeProblem(input: unknown, root: string): FieldProblem | null {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: input, field: root, depth: 0 }];
  while (pending.length > 0) {
    const { value, field, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field, code: 'containsNul', message: 'must not contain a NUL character' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return {
        field,
        code: 'maxDepth',
        message: `nests deeper than ${MAX_INPUT_DEPTH} levels`,
        params: { max: MAX_INPUT_DEPTH },
      };
    for (const [key, child] of Object.entries(value)) {
      const childField = field ? `${field}.${key}` : key;
      if (key.includes('\u0000'))
        return { field: childField, code: 'containsNul', message: 'must not contain a NUL character' };
      pending.push({ value: child, field: childField, depth: depth + 1 });
    }
  }
  return null;
}
