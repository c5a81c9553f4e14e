import { Certificate, createDevPki, DevPki, KeyedCertificate, pemOf } from '@onestop/pades';
import { parseKeyring } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase } from '@onestop/testing';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { digitalSignatureSchema } from '../database/schema';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { writePkiDirectory } from '../pki/pki-directory';
import { digitalSignatureService } from '../service';

export const TEST_KEY_SECRET = 'test-secret-for-the-pki-directory-keys';

export interface SignatureServiceUnderTest {
  service: ServiceUnderTest<DigitalSignatureEnv>;
  pki: DevPki;
  close(): Promise<void>;
}

/** The service with a development PKI of its own (root, issuing CA, TSA, the given officials). */
export async function startSignatureService(
  officers: { id: string; name: string; unitCode: string }[],
  env: Record<string, string> = {},
  options: Parameters<typeof startServiceWithDatabase>[3] & { alsoTrusted?: Certificate[]; pkiIssuedAt?: Date } = {},
): Promise<SignatureServiceUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-pki-'));
  // Certificates are valid from a day before `pkiIssuedAt` (now unless said): a run on simulated time issues them for its own time.
  const pki = await createDevPki({ officers, crlUrl: 'http://127.0.0.1:3003/api/v1/crl', now: options.pkiIssuedAt });
  writePkiDirectory(dir, pki, parseKeyring(TEST_KEY_SECRET, 'passphrase'));
  if (options.alsoTrusted) appendFileSync(join(dir, 'trust-anchors.pem'), pemOf(options.alsoTrusted));
  const service = await startServiceWithDatabase(
    digitalSignatureService,
    digitalSignatureSchema,
    { PKI_DIR: dir, KEY_ENCRYPTION_SECRET: TEST_KEY_SECRET, ...env },
    options,
  );
  return {
    service,
    pki,
    async close() {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers an official's certificate (with its key unless it stays on a device). */
export async function registerOfficer(
  url: string,
  adminToken: string,
  officer: KeyedCertificate,
  pki: DevPki,
  userId: string,
  unitCode: string,
  device = false,
) {
  const response = await request(url)
    .post('/api/v1/certificates')
    .auth(adminToken, { type: 'bearer' })
    .send({
      userId,
      unitCode,
      chainPem: officer.certificate.pem + pki.issuing.certificate.pem,
      privateKeyPem: device ? undefined : (officer.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
    });
  if (response.status !== 201)
    throw new Error(`registering ${userId}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; serialNumber: string };
}
