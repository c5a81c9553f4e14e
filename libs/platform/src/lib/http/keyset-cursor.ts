import { isUUID } from 'class-validator';
import { invalidRequest } from '../errors/problem.exception';
import { isDateOrInstant } from './dates';

/** A position in a list ordered by (instant, id): opaque to clients, checked when it comes back. */
export interface Position {
  at: Date;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Position | null {
  if (cursor === undefined) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // An instant outside the platform's years would pass Date but not PostgreSQL.
    if (typeof id === 'string' && isUUID(id) && isDateOrInstant(at)) return { at: new Date(at), id };
  } catch {
    // falls through to the refusal
  }
  throw invalidRequest([
    { field: 'cursor', code: 'invalidCursor', message: 'must be the nextCursor of a previous page' },
  ]);
}

/** One page of `limit` from rows fetched with limit + 1: the extra row says a next page exists. */
export function page<T>(rows: T[], limit: number, positionOf: (row: T) => Position) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(positionOf(items[items.length - 1])) : null };
}
