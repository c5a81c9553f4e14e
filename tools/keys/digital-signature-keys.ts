import { DigitalSignatureEnv, PrivateKeyRotation, reencryptPkiKeyFiles } from '@onestop/digital-signature';
import { keyUsage, loadConfig, serviceDefaults } from '@onestop/platform';
import { Client } from 'pg';
import { ServiceKeyRotation } from './rotation';

/**
 * Officials' server-side keys under KEY_ENCRYPTION_SECRET as the service reads it; with `pkiDir`,
 * instead, the key files of a PKI directory (on the cluster a copy of the mounted Secret, which
 * is read-only: the operator replaces the Secret with the result).
 */
export const rotateDigitalSignatureKeys: ServiceKeyRotation = async (source, { batchSize, pkiDir, log }) => {
  const env = loadConfig(
    DigitalSignatureEnv,
    { ...source, DATABASE_URL: source['DIGITAL_SIGNATURE_DATABASE_URL'] ?? source['DATABASE_URL'] },
    serviceDefaults('digital-signature', source['NODE_ENV']),
  );
  const keys = env.keyEncryptionKeys;
  if (pkiDir) {
    const files = reencryptPkiKeyFiles(pkiDir, keys);
    for (const file of files)
      log(
        `pki: ${file.file} ${file.rewritten ? `re-encrypted from ${file.from} to ${keys.current.id}` : `already under ${keys.current.id}`}`,
      );
    return [keyUsage(`KEY_ENCRYPTION_SECRET in ${pkiDir}`, keys, { [keys.current.id]: files.length }, 'file(s)')];
  }
  const client = new Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const rotation = new PrivateKeyRotation(client, keys);
    const progress = await rotation.run(batchSize, ({ batch, rewritten, skipped }) =>
      log(`certificates: batch ${batch}, ${rewritten} rewritten, ${skipped} changed meanwhile`),
    );
    log(
      `certificates: ${progress.rewritten} server-side keys re-encrypted${progress.skipped ? `, ${progress.skipped} changed meanwhile (run again)` : ''}`,
    );
    return [await rotation.usage()];
  } finally {
    await client.end();
  }
};
