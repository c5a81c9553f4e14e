import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_TYPES, problemType } from './problem.exception';

const OPERATIONS_GUIDE = join(__dirname, '../../../../../docs/operations.md');

/** The rows of the guide's "Problem types" table: slug and status. */
function documentedTypes(): Map<string, number> {
  const guide = readFileSync(OPERATIONS_GUIDE, 'utf8');
  const section = guide.slice(guide.indexOf('## Problem types'));
  const rows = [...section.matchAll(/^\| `([a-z/-]+)` \| (\d{3}) \|/gm)];
  return new Map(rows.map(([, slug, status]) => [slug, Number(status)]));
}

describe('problem types', () => {
  it('are documented for operators and clients exactly as the platform answers them', () => {
    const answered = new Map(Object.entries(PROBLEM_TYPES).map(([slug, { status }]) => [slug, status as number]));
    expect(documentedTypes()).toEqual(answered);
  });

  it('give every status the platform answers a slug of the table under the one base URI', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]) {
      const type = problemType(status);
      expect(type.startsWith('https://onestop.gov.vn/problems/')).toBe(true);
      expect(
        PROBLEM_TYPES[type.slice('https://onestop.gov.vn/problems/'.length) as keyof typeof PROBLEM_TYPES]?.status,
      ).toBe(status);
    }
  });
});
