import { KeyUsage } from '@onestop/platform';
import { parseArgs } from 'node:util';
import { failAndExit, UsageError } from '../stack/cli';

export interface RotationOptions {
  batchSize: number;
  /** Re-encrypt the key files of this PKI directory instead of the database's rows. */
  pkiDir?: string;
  log: (line: string) => void;
}

/** One service's re-encryption, with the settings read from `source` as the service reads them; where each key stands afterwards. */
export type ServiceKeyRotation = (source: NodeJS.ProcessEnv, options: RotationOptions) => Promise<KeyUsage[]>;

const USAGE =
  'usage: npm run keys:rotate -- --service <service> [--batch-size 500] | --service digital-signature --pki-dir <dir>';
const DEFAULT_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 10_000;

export interface RotationCommand {
  service: string;
  batchSize: number;
  pkiDir?: string;
}

/** Reads the command line; a UsageError says what is wrong with it. */
export function parseRotationCommand(argv: string[], services: readonly string[]): RotationCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { service: { type: 'string' }, 'batch-size': { type: 'string' }, 'pki-dir': { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { service, 'batch-size': batch, 'pki-dir': pkiDir } = parsed.values;
  if (!service || !services.includes(service))
    throw new UsageError(`--service must be one of ${services.join(', ')}\n${USAGE}`);
  if (pkiDir !== undefined && service !== 'digital-signature')
    throw new UsageError('--pki-dir belongs to --service digital-signature');
  if (pkiDir !== undefined && batch !== undefined)
    throw new UsageError('--pki-dir re-encrypts files, which come in no batches: leave out --batch-size');
  if (batch === undefined) return { service, batchSize: DEFAULT_BATCH_SIZE, pkiDir };
  const batchSize = Number(batch);
  if (!/^\d+$/.test(batch) || batchSize < 1 || batchSize > MAX_BATCH_SIZE)
    throw new UsageError(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE}`);
  return { service, batchSize, pkiDir };
}

/** The lines that tell the operator whether an old key may be removed. */
export function describeKeyUsage(usage: KeyUsage): string[] {
  const old = Object.entries(usage.oldKeys);
  const lines = [`${usage.setting}: ${usage.currentRows} ${usage.items} under the current key ${usage.current}`];
  for (const [id, count] of old)
    lines.push(
      `${usage.setting}: ${count} ${usage.items} left under ${id}${count === 0 ? `; ${id} may be removed` : ''}`,
    );
  return lines;
}

/** `keys:rotate`: re-encrypts a service's data under the current key of each of its keyrings, online, in batches. */
export function runKeysRotate(rotations: Record<string, ServiceKeyRotation>): void {
  const main = async () => {
    const command = parseRotationCommand(process.argv.slice(2), Object.keys(rotations));
    const log = (line: string) => console.log(`keys:rotate: ${line}`);
    const usages = await rotations[command.service](process.env, {
      batchSize: command.batchSize,
      pkiDir: command.pkiDir,
      log,
    });
    for (const usage of usages) describeKeyUsage(usage).forEach(log);
  };
  main().then(() => process.exit(0), failAndExit('keys:rotate'));
}
