import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ADR = join(__dirname, '../../docs/adr');
const records = readdirSync(ADR)
  .filter((name) => /^\d{4}-.+\.md$/.test(name))
  .sort();
const textOf = (name: string) => readFileSync(join(ADR, name), 'utf8');

/** The decision records keep one shape, so a newcomer reads each the same way. */
describe('architecture decision records', () => {
  it.each(records)(
    '%s is numbered as its file, has a status and context, decision, consequences in that order',
    (name) => {
      const text = textOf(name);
      expect(text.split('\n')[0]).toMatch(new RegExp(`^# ${Number(name.slice(0, 4))}\\. \\S`));
      expect(text).toMatch(/^Status: (proposed|accepted|superseded by \d+)$/m);
      const sections = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
      expect(sections).toEqual(['Context', 'Decision', 'Consequences']);
    },
  );

  it.each(records)('%s keeps no rate measured on a given day (those are in docs/benchmarks.md)', (name) => {
    expect(textOf(name)).not.toMatch(/\d[\d,.]* ?(events|commits|requests|dossiers)\/s\b/);
  });

  it('are all listed in the index with their titles', () => {
    const index = textOf('README.md');
    for (const name of records) expect(index).toContain(`(${name})`);
    expect([...index.matchAll(/\((\d{4}-[^)]+\.md)\)/g)].map((match) => match[1]).sort()).toEqual(records);
  });
});
