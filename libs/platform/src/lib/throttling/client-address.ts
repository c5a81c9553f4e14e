import { normalizeIp } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * The address a request is counted against: Express's `req.ip` (the peer, or what the trusted
 * proxies say under TRUST_PROXY), an IPv4-mapped IPv6 address as IPv4, and an IPv6 address as
 * its /64, since one household or phone holds a whole /64.
 */
export function clientAddress(request: Pick<Request, 'ip' | 'socket'>): string {
  return normalizeIp(request.ip ?? request.socket?.remoteAddress ?? 'unknown');
}

/**
 * How an address or account appears in a Redis key: a digest, so Redis holds no addresses or
 * account ids; the same input always gives the same key.
 */
export function keyPart(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
