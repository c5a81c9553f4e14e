import { IncomingMessage } from 'node:http';
import { ClsServiceManager } from 'nestjs-cls';
import { v7 as uuidv7 } from 'uuid';

export const CORRELATION_HEADER = 'x-correlation-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's correlation id when it is sane, otherwise starts a new one. */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && SAFE_ID.test(value) ? value : uuidv7();
}

/** The correlation id of the work in progress (HTTP request or consumed event), if any. */
export function currentCorrelationId(): string | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.getId() : undefined;
}
