import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ROOT, run } from './run';

export const WEB_SOURCES = join(ROOT, 'apps', 'web');
/** What `vite build` writes: index.html and assets/ with hashed names. */
export const WEB_BUILD = join(ROOT, 'dist', 'apps', 'web');
export const VITE_CONFIG = join(WEB_SOURCES, 'vite.config.mts');

/** The built application to serve, or why there is none. */
export type WebBuild = { root: string; note?: string } | { root: null; reason: string };

/**
 * Builds the web application when dist/apps/web is missing or older than a file of apps/web, then
 * says what to serve. A build that cannot run or fails leaves the previous build served, if any.
 */
export async function ensureWebBuild(): Promise<WebBuild> {
  const built = existsSync(join(WEB_BUILD, 'index.html'));
  if (built && newestChange(WEB_SOURCES) <= statSync(join(WEB_BUILD, 'index.html')).mtimeMs) return { root: WEB_BUILD };
  const cannot = [VITE_CONFIG, bin('vite')].find((file) => !existsSync(file));
  const failure = cannot
    ? `it cannot be built: ${cannot.slice(ROOT.length + 1)} does not exist yet`
    : (await viteBuild()) !== 0 && 'vite build failed (its output is above)';
  if (!failure) return { root: WEB_BUILD };
  return built
    ? { root: WEB_BUILD, note: `the web application is older than its sources: ${failure}` }
    : { root: null, reason: failure };
}

/** Builds the web application into dist/apps/web; resolves with vite's exit code. */
export function viteBuild(): Promise<number> {
  return run(bin('vite'), ['build', '--config', VITE_CONFIG, '--logLevel', 'warn']);
}

/** The latest modification time of any file under `folder`, node_modules aside. */
function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}
