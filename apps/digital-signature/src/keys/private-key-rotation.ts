import { Keyring, KeyUsage, keyUsage, rekeyInBatches, RekeyProgress, RekeySource } from '@onestop/platform';
import { ClientBase } from 'pg';
import { openPrivateKey, protectPrivateKey } from './private-key-protection';
import { PrivateKeyRotationStore, StoredKeyRow } from './private-key-rotation.store';

export type { StoredKeyRow } from './private-key-rotation.store';

/**
 * Re-encrypts officials' server-side keys that an old KEY_ENCRYPTION_SECRET passphrase still
 * protects, while the service keeps signing with them.
 */
export class PrivateKeyRotation implements RekeySource<StoredKeyRow> {
  private readonly store: PrivateKeyRotationStore;

  constructor(
    db: ClientBase,
    private readonly keys: Keyring,
  ) {
    this.store = new PrivateKeyRotationStore(db);
  }

  run(batchSize: number, log?: Parameters<typeof rekeyInBatches>[2]): Promise<RekeyProgress> {
    return rekeyInBatches(this, batchSize, log);
  }

  next(afterId: string, limit: number): Promise<StoredKeyRow[]> {
    return this.store.keysNotUnder(this.keys.current.id, afterId, limit);
  }

  rewrite(rows: StoredKeyRow[]): Promise<number> {
    const rekeyed = rows.map((row) => {
      try {
        return protectPrivateKey(this.keys, openPrivateKey(this.keys, row));
      } catch (error) {
        throw new Error(`certificate ${row.id}: ${(error as Error).message}`);
      }
    });
    return this.store.replaceUnchanged(rows, rekeyed);
  }

  /** Server-side keys per passphrase id. */
  async usage(): Promise<KeyUsage> {
    return keyUsage('KEY_ENCRYPTION_SECRET', this.keys, await this.store.keysPerSecret());
  }
}
