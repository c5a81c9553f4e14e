import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Debian packages the tests run as independent checkers: poppler's pdfsig and pdftotext, NSS's
 * certutil, and kubectl, whose `kubectl kustomize` renders k8s/ as the cluster would.
 */
const PACKAGES: Record<string, string> = { pdfsig: 'poppler-utils', pdftotext: 'poppler-utils', certutil: 'libnss3-tools', openssl: 'openssl', kubectl: 'kubectl' };

const missing = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0;

/**
 * Installs with apt-get whatever of those commands is missing (the machines run as root), one
 * package at a time, so that a package the machine's sources lack is named rather than failing
 * the others. kubectl comes with this kind of machine; Debian's own `kubernetes-client` is too old
 * for `kubectl kustomize` of these overlays, so where the machine lacks it the error says so.
 */
export function ensureSystemTools(): void {
  const packages = [...new Set(Object.entries(PACKAGES).filter(([command]) => missing(command)).map(([, name]) => name))];
  if (!packages.length) return;
  console.log(`test: installing ${packages.join(', ')} (apt-get)`);
  const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], apt);
  const failed = packages.filter((name) => spawnSync('apt-get', ['install', '-y', '-qq', name], apt).status !== 0);
  if (failed.length) {
    throw new Error(`apt-get could not install ${failed.join(', ')}; the tests need ${failed.includes('kubectl') ? 'kubectl 1.27 or later (with kustomize 5) on the PATH, and ' : ''}every command of tools/stack/system-tools.ts`);
  }
}
