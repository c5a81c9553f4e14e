import { randomBytes } from 'node:crypto';
import { parseKeyring } from './keyring';
import { BEFORE_FIRST_ID, keyUsage, rekeyInBatches, RekeySource } from './rekey-in-batches';

interface Row {
  id: string;
  keyId: string;
}

/** A table in memory: rows under v1 or v2, where `changedMeanwhile` rows are refused by the guarded write. */
function table(keyIds: string[], changedMeanwhile = new Set<string>()) {
  const rows: Row[] = keyIds.map((keyId, index) => ({ id: `id-${String(index).padStart(3, '0')}`, keyId }));
  const reads: { afterId: string; limit: number }[] = [];
  const source: RekeySource<Row> = {
    async next(afterId, limit) {
      reads.push({ afterId, limit });
      return rows
        .filter((row) => row.id > afterId && row.keyId !== 'v2')
        .slice(0, limit)
        .map((row) => ({ ...row }));
    },
    async rewrite(batch) {
      const written = batch.filter((row) => !changedMeanwhile.has(row.id));
      for (const row of written) rows.find((stored) => stored.id === row.id)!.keyId = 'v2';
      return written.length;
    },
  };
  return { rows, reads, source };
}

describe('rekeyInBatches', () => {
  it('walks the old rows in primary-key order, a batch at a time, each batch after the last one', async () => {
    const { rows, reads, source } = table(['v1', 'v2', 'v1', 'v1', 'v2', 'v1', 'v1']);
    const batches: number[] = [];
    expect(await rekeyInBatches(source, 2, ({ batch }) => batches.push(batch))).toEqual({ rewritten: 5, skipped: 0 });
    expect(rows.every((row) => row.keyId === 'v2')).toBe(true);
    expect(reads.map((read) => read.afterId)).toEqual([BEFORE_FIRST_ID, 'id-002', 'id-005', 'id-006']);
    expect(batches).toEqual([1, 2, 3]);
  });

  it('counts rows changed meanwhile as skipped and does not go back to them in the same run', async () => {
    const { rows, source } = table(['v1', 'v1', 'v1'], new Set(['id-001']));
    expect(await rekeyInBatches(source, 2)).toEqual({ rewritten: 2, skipped: 1 });
    expect(rows.map((row) => row.keyId)).toEqual(['v2', 'v1', 'v2']);
  });

  it('finds nothing to do on a second run', async () => {
    const { source } = table(['v1', 'v1']);
    await rekeyInBatches(source, 10);
    expect(await rekeyInBatches(source, 10)).toEqual({ rewritten: 0, skipped: 0 });
  });
});

describe('keyUsage', () => {
  const ring = parseKeyring(
    `v2:${randomBytes(32).toString('base64')},v1:${randomBytes(32).toString('base64')}`,
    'base64-key',
  );

  it('lists every old key of the ring, with 0 once nothing is left under it', () => {
    expect(keyUsage('PERSONAL_DATA_KEY', ring, { v2: 7 })).toEqual({
      setting: 'PERSONAL_DATA_KEY',
      items: 'row(s)',
      current: 'v2',
      currentRows: 7,
      oldKeys: { v1: 0 },
    });
  });

  it('also names keys found in the data that the ring no longer holds', () => {
    expect(keyUsage('BLIND_INDEX_KEY', ring, { v2: 1, v1: 2, v0: 3 }).oldKeys).toEqual({ v0: 3, v1: 2 });
  });
});
