import { DEVELOPMENT_KEY_SECRET, ensureDevelopmentPki, readPkiDirectory } from '@onestop/digital-signature';
import 'reflect-metadata';
import { issueOfficerCertificate } from '@onestop/pades';
import { parseKeyring } from '@onestop/platform';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { failAndExit } from './stack/cli';

/**
 * `npm run pki:dev`: the development PKI the digital-signature service runs with (root CA, issuing
 * CA, TSA) in PKI_DIR (.data/pki). `npm run pki:dev -- issue --user ID --unit CODE --name "..."`
 * issues an official's signing certificate and key to import with POST /api/v1/certificates.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string', default: '.data/pki/officers' },
    },
  });
  const dir = process.env['PKI_DIR'] ?? '.data/pki';
  const keys = parseKeyring(process.env['KEY_ENCRYPTION_SECRET'] ?? DEVELOPMENT_KEY_SECRET, 'passphrase');
  const crlUrl = `${process.env['PUBLIC_BASE_URL'] ?? 'http://localhost:3003'}/api/v1/crl`;
  const created = await ensureDevelopmentPki(dir, keys);
  console.log(`pki: ${created ? 'created' : 'found'} the development PKI in ${dir}`);
  if (positionals[0] !== 'issue') return;
  if (!values.user || !values.unit || !values.name) throw new Error('issue needs --user, --unit and --name');
  const issuer = readPkiDirectory(dir, keys).crlIssuer!;
  const officer = await issueOfficerCertificate(
    issuer,
    { id: values.user, name: values.name, unitCode: values.unit },
    { crlUrl },
  );
  mkdirSync(values.out!, { recursive: true });
  const chainFile = join(values.out!, `${values.user}.chain.pem`);
  const keyFile = join(values.out!, `${values.user}.key.pem`);
  writeFileSync(chainFile, officer.certificate.pem + issuer.certificate.pem);
  writeFileSync(keyFile, officer.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  console.log(
    `pki: issued ${officer.certificate.subject}\n  certificate chain ${chainFile}\n  private key       ${keyFile} (import it, then delete it)`,
  );
}

main().catch(failAndExit('pki'));
