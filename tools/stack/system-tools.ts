import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Debian packages the tests run as independent checkers: poppler's pdfsig and pdftotext, NSS's
 * certutil, and kubectl, whose `kubectl kustomize` renders k8s/ as the cluster would.
 */
const PACKAGES: Record<string, string> = { pdfsig: 'poppler-utils', pdftotext: 'poppler-utils', certutil: 'libnss3-tools', openssl: 'openssl', kubectl: 'kubectl' };

const missing = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0;

/** Installs with apt-get whatever of those commands is missing (the machines run as root). */
export function ensureSystemTools(): void {
  const packages = [...new Set(Object.entries(PACKAGES).filter(([command]) => missing(command)).map(([, name]) => name))];
  if (!packages.length) return;
  console.log(`test: installing ${packages.join(', ')} (apt-get)`);
  const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], apt);
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], apt);
}
