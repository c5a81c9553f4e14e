import { Keyring } from './keyring';

/** What one pass over a table did: rows rewritten under the current key, and rows left as they were. */
export interface RekeyProgress {
  rewritten: number;
  /** Changed by someone else between reading and writing them; a later run takes them up. */
  skipped: number;
}

export interface RekeySource<Row extends { id: string }> {
  /** Up to `limit` rows after `afterId` (primary-key order) that some old key still protects. */
  next(afterId: string, limit: number): Promise<Row[]>;
  /** Writes the rows under the current key, each only if it is still as read; how many were written. */
  rewrite(rows: Row[]): Promise<number>;
}

/** Below every uuid and every text id: where the first batch starts. */
export const BEFORE_FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Walks a table in primary-key order, a batch at a time, while the service keeps writing to it:
 * each batch is one short statement, so no lock is held longer than a batch takes and nothing
 * waits on the walk. Rows inserted behind the walk already use the current key.
 */
export async function rekeyInBatches<Row extends { id: string }>(
  source: RekeySource<Row>,
  batchSize: number,
  log: (progress: RekeyProgress & { batch: number }) => void = () => undefined,
): Promise<RekeyProgress> {
  const progress: RekeyProgress = { rewritten: 0, skipped: 0 };
  let afterId = BEFORE_FIRST_ID;
  for (let batch = 1; ; batch++) {
    const rows = await source.next(afterId, batchSize);
    if (rows.length === 0) return progress;
    const written = await source.rewrite(rows);
    progress.rewritten += written;
    progress.skipped += rows.length - written;
    afterId = rows[rows.length - 1].id;
    log({ ...progress, batch });
  }
}

/** Where a setting's keys stand: rows under the current key, and under each old one (0 once re-encrypted). */
export interface KeyUsage {
  setting: string;
  /** What is counted: `row(s)` of a table, `file(s)` of a directory. */
  items: string;
  current: string;
  currentRows: number;
  /** Every other key of the ring, and any id found in the data that the ring no longer holds. */
  oldKeys: Record<string, number>;
}

export function keyUsage(
  setting: string,
  ring: Keyring,
  rowsByKey: Record<string, number>,
  items = 'row(s)',
): KeyUsage {
  const old = new Set([...ring.keys.map((key) => key.id), ...Object.keys(rowsByKey)]);
  old.delete(ring.current.id);
  return {
    setting,
    items,
    current: ring.current.id,
    currentRows: rowsByKey[ring.current.id] ?? 0,
    oldKeys: Object.fromEntries([...old].sort().map((id) => [id, rowsByKey[id] ?? 0])),
  };
}
