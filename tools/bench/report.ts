import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../stack/run';

const FILE = join(ROOT, 'docs', 'benchmarks.md');

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Replaces (or appends) the section `## <title>` of docs/benchmarks.md with the new figures. */
export function writeSection(title: string, body: string): void {
  const heading = `## ${title}`;
  const current = existsSync(FILE)
    ? readFileSync(FILE, 'utf8')
    : "# Benchmarks\n\nEvery figure here was measured on this project's machine by the command shown; rerun it to check.\n";
  const start = current.indexOf(heading);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) return writeFileSync(FILE, `${current.trimEnd()}\n\n${section}`);
  const next = current.indexOf('\n## ', start + heading.length);
  writeFileSync(FILE, `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next)}`);
}
