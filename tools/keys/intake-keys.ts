import { CitizenIdCipher, CitizenIdRotation, IntakeEnv } from '@onestop/intake';
import { loadConfig, serviceDefaults } from '@onestop/platform';
import { Client } from 'pg';
import { ServiceKeyRotation } from './rotation';

/** Intake's citizen ID numbers and their blind index, under PERSONAL_DATA_KEY and BLIND_INDEX_KEY as intake reads them. */
export const rotateIntakeKeys: ServiceKeyRotation = async (source, { batchSize, log }) => {
  const env = loadConfig(
    IntakeEnv,
    { ...source, DATABASE_URL: source['INTAKE_DATABASE_URL'] ?? source['DATABASE_URL'] },
    serviceDefaults('intake', source['NODE_ENV']),
  );
  const client = new Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const rotation = new CitizenIdRotation(client, new CitizenIdCipher(env));
    const progress = await rotation.run(batchSize, ({ batch, rewritten, skipped }) =>
      log(`dossiers: batch ${batch}, ${rewritten} rewritten, ${skipped} changed meanwhile`),
    );
    log(
      `dossiers: ${progress.rewritten} re-encrypted or re-indexed${progress.skipped ? `, ${progress.skipped} changed meanwhile (run again)` : ''}`,
    );
    return await rotation.usage();
  } finally {
    await client.end();
  }
};
