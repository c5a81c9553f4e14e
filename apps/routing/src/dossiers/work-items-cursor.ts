import { isDateOrInstant } from '@onestop/platform';
import { isUUID } from 'class-validator';
import { RoutingProblems } from '../problems';

/** A position in the work queue, ordered by due date (dossiers without one last), then id. */
export interface QueuePosition {
  dueAt: string | null;
  id: string;
}

/** Opaque to clients: the last item's due date and id, checked when it comes back. */
export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.dueAt, position.id])).toString('base64url');
}

export function decodeQueueCursor(cursor: string | undefined): QueuePosition | null {
  if (cursor === undefined) return null;
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // An instant outside the platform's years would pass Date but not PostgreSQL.
    if (typeof id === 'string' && isUUID(id) && (dueAt === null || isDateOrInstant(dueAt))) return { dueAt, id };
  } catch {
    // falls through to the refusal
  }
  throw RoutingProblems.invalidQueueCursor();
}
