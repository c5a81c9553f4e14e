import { PermanentEventError } from './event-handler';

export type FailureKind = 'permanent' | 'retryable' | 'infrastructure';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * Decides what a failed event deserves. An outage of the database is not the event's fault: such
 * errors stop the batch so Kafka redelivers it later, instead of filling the dead letters with
 * healthy events. Everything else is the event's own problem, retried a bounded number of times.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PermanentEventError) return 'permanent';
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as { message?: unknown })?.message ?? '');
  const sqlClass = code.length === 5 ? code.slice(0, 2) : '';
  if (CONNECTION_CODES.has(code) || ['08', '53', '57'].includes(sqlClass)) return 'infrastructure';
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) {
    return 'infrastructure';
  }
  return 'retryable';
}
