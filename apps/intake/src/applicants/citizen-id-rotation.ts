import { KeyUsage, keyUsage, rekeyInBatches, RekeyProgress, RekeySource, UnknownKeyError } from '@onestop/platform';
import { ClientBase } from 'pg';
import { CitizenIdCipher, encryptionKeyIdOf } from './citizen-id.cipher';
import { CitizenIdRotationStore, CitizenIdRow } from './citizen-id-rotation.store';

/**
 * Re-encrypts and re-indexes the citizen ID numbers of dossiers that an old PERSONAL_DATA_KEY or
 * BLIND_INDEX_KEY key still protects, while intake keeps serving. Each UPDATE is guarded by the
 * values it read, so a row another writer changed meanwhile is left alone.
 */
export class CitizenIdRotation implements RekeySource<CitizenIdRow> {
  private readonly store: CitizenIdRotationStore;

  constructor(
    db: ClientBase,
    private readonly cipher: CitizenIdCipher,
  ) {
    this.store = new CitizenIdRotationStore(db);
  }

  run(batchSize: number, log?: Parameters<typeof rekeyInBatches>[2]): Promise<RekeyProgress> {
    return rekeyInBatches(this, batchSize, log);
  }

  next(afterId: string, limit: number): Promise<CitizenIdRow[]> {
    const current = {
      encryptionKeyId: this.cipher.encryptionKeys.current.id,
      indexKeyId: this.cipher.indexKeys.current.id,
    };
    return this.store.nextUnderOldKeys(afterId, current, limit);
  }

  rewrite(rows: CitizenIdRow[]): Promise<number> {
    return this.store.rewriteUnchanged(rows.map((row) => ({ read: row, rekeyed: this.rekeyed(row) })));
  }

  /** Rows per key of each setting, read from the columns themselves. */
  async usage(): Promise<KeyUsage[]> {
    return [
      keyUsage('PERSONAL_DATA_KEY', this.cipher.encryptionKeys, await this.store.rowsPerEncryptionKey()),
      keyUsage('BLIND_INDEX_KEY', this.cipher.indexKeys, await this.store.rowsPerIndexKey()),
    ];
  }

  private rekeyed(row: CitizenIdRow): Omit<CitizenIdRow, 'id'> {
    const encryptionCurrent = encryptionKeyIdOf(row.ciphertext) === this.cipher.encryptionKeys.current.id;
    const indexCurrent = row.indexKey === this.cipher.indexKeys.current.id;
    let citizenId: string;
    try {
      citizenId = this.cipher.decrypt(row.ciphertext);
    } catch (error) {
      if (error instanceof UnknownKeyError) {
        throw new Error(
          `dossier ${row.id} is encrypted under PERSONAL_DATA_KEY key ${error.keyId}, which the setting no longer holds: put it back after the current key`,
        );
      }
      throw error;
    }
    const index = indexCurrent ? { value: row.index, keyId: row.indexKey } : this.cipher.blindIndex(citizenId);
    return {
      ciphertext: encryptionCurrent ? row.ciphertext : this.cipher.encrypt(citizenId),
      index: index.value,
      indexKey: index.keyId,
    };
  }
}
