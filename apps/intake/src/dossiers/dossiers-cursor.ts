import { invalidRequest, isDateOrInstant } from '@onestop/platform';
import { isUUID } from 'class-validator';

/** A position in a list of dossiers ordered by filing time, then id. */
export interface FilingPosition {
  filedAt: string;
  id: string;
}

/** Opaque to clients: the last item's filing time and id, checked when it comes back. */
export function encodeFilingCursor(position: FilingPosition): string {
  return Buffer.from(JSON.stringify([position.filedAt, position.id])).toString('base64url');
}

export function decodeFilingCursor(cursor: string | undefined): FilingPosition | null {
  if (cursor === undefined) return null;
  try {
    const [filedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // An instant outside the platform's years would pass Date but not PostgreSQL.
    if (typeof id === 'string' && isUUID(id) && isDateOrInstant(filedAt)) return { filedAt, id };
  } catch {
    // falls through to the refusal
  }
  throw invalidRequest([
    { field: 'cursor', code: 'invalidCursor', message: 'must be the nextCursor of a previous page' },
  ]);
}
