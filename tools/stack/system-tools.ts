import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const hasCommand = (command: string) => () => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Tesseract's Vietnamese model is a data file, not a command: tesseract lists the languages it has. */
const hasTesseractLanguage = (language: string) => () => {
  const listed = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return listed.status === 0 && `${listed.stdout}`.split('\n').some((line) => line.trim() === language);
};

/**
 * Debian packages the tests run as independent checkers: poppler's pdfsig, pdftotext and pdftoppm,
 * Ghostscript and Tesseract with its Vietnamese model (a result document is rendered by two
 * renderers and read back as a person would), NSS's certutil, and kubectl, whose
 * `kubectl kustomize` renders k8s/ as the cluster would; and nginx, the local stack's web server
 * (deploy/local/web-server.ts). Each package with the check of its presence.
 */
const PACKAGES: { name: string; present: () => boolean }[] = [
  {
    name: 'poppler-utils',
    present: () => ['pdfsig', 'pdftotext', 'pdftoppm'].every((command) => hasCommand(command)()),
  },
  { name: 'ghostscript', present: hasCommand('gs') },
  { name: 'tesseract-ocr', present: hasCommand('tesseract') },
  { name: 'tesseract-ocr-vie', present: hasTesseractLanguage('vie') },
  { name: 'libnss3-tools', present: hasCommand('certutil') },
  { name: 'openssl', present: hasCommand('openssl') },
  { name: 'kubectl', present: hasCommand('kubectl') },
  // The browser tests drive Debian's Chromium with playwright-core (Playwright's own browser download is not reachable).
  { name: 'chromium', present: hasCommand('chromium') },
  // Debian puts it in /usr/sbin, which an ordinary user's PATH may lack.
  { name: 'nginx', present: () => hasCommand('nginx')() || existsSync('/usr/sbin/nginx') },
];

/** What `npm run up` needs of those packages; the tests need all of them. */
export const STACK_PACKAGES = ['nginx'];

/**
 * Installs with apt-get whatever of those packages is missing (the machines run as root), one
 * package at a time, so that a package the machine's sources lack is named rather than failing
 * the others. kubectl comes with this kind of machine; Debian's own `kubernetes-client` is too old
 * for `kubectl kustomize` of these overlays, so where the machine lacks it the error says so.
 */
export function ensureSystemTools(names: string[] = PACKAGES.map((entry) => entry.name), tool = 'test'): void {
  const packages = PACKAGES.filter((entry) => names.includes(entry.name) && !entry.present()).map(
    (entry) => entry.name,
  );
  if (!packages.length) return;
  console.log(`${tool}: installing ${packages.join(', ')} (apt-get)`);
  const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], apt);
  const failed = packages.filter((name) => spawnSync('apt-get', ['install', '-y', '-qq', name], apt).status !== 0);
  if (failed.length) {
    const needs = tool === 'test' ? 'the tests need' : `${tool} needs`;
    throw new Error(
      `apt-get could not install ${failed.join(', ')}; ${needs} ${failed.includes('kubectl') ? 'kubectl 1.27 or later (with kustomize 5) on the PATH, and ' : ''}every package of tools/stack/system-tools.ts it names`,
    );
  }
}
