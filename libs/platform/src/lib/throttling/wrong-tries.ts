import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { RedisClientType } from 'redis';
import { ProblemException } from '../errors/problem.exception';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { REDIS_CLIENT } from '../redis/redis.module';
import { RedisScript } from '../redis/redis-script';
import { keyPart } from './client-address';
import { LimitsUnavailableError, limitCall } from './redis-call';
import { WrongTryLimits } from './throttling-settings';

/** Who a look-up's wrong tries are counted against: the code guessed at, and the address guessing. */
export type WrongTryScope = 'code' | 'address';

/** The settings and names the wrong-try counters live under (ThrottlingModule provides them). */
export abstract class WrongTryContext {
  abstract readonly service: string;
  abstract readonly keyPrefix: string;
  abstract readonly limits: WrongTryLimits;
}

/**
 * Before the look-up, in one step: refuse when a lock holds (whatever is sent), refuse when the
 * tries already counted (wrong, or in flight) reach the limit, else count this try. Counting
 * before the answer is known is what keeps a burst of parallel guesses from all getting through.
 *
 * KEYS: lock, tries for each scope. ARGV: window ms, lock ms, the limit of each scope.
 * Answers {0} to go on, {1, scope, ms} when locked, {2, scope} when the tries are used up.
 */
const BEGIN = new RedisScript(`
local scopes = #KEYS / 2
for i = 1, scopes do
  local ttl = redis.call('PTTL', KEYS[2 * i - 1])
  if ttl == -1 then ttl = tonumber(ARGV[2]) end
  if ttl > 0 then return {1, i, ttl} end
end
for i = 1, scopes do
  if tonumber(redis.call('GET', KEYS[2 * i]) or '0') >= tonumber(ARGV[i + 2]) then return {2, i, 0} end
end
for i = 1, scopes do
  if redis.call('INCR', KEYS[2 * i]) == 1 then redis.call('PEXPIRE', KEYS[2 * i], ARGV[1]) end
end
return {0, 0, 0}
`);

/**
 * After the look-up: a right try gives its count back; a wrong one keeps it, and when a scope's
 * count has reached its limit that scope is locked (and its count starts afresh after the lock).
 *
 * KEYS: lock, tries for each scope. ARGV: 1 when wrong, lock ms, the limit of each scope.
 * Answers the scopes (1-based) this try locked.
 */
const SETTLE = new RedisScript(`
local scopes = #KEYS / 2
local locked = {}
for i = 1, scopes do
  local tries = KEYS[2 * i]
  if ARGV[1] == '1' then
    if tonumber(redis.call('GET', tries) or '0') >= tonumber(ARGV[i + 2]) then
      if redis.call('SET', KEYS[2 * i - 1], '1', 'PX', ARGV[2], 'NX') then locked[#locked + 1] = i end
      redis.call('DEL', tries)
    end
  elseif redis.call('EXISTS', tries) == 1 then
    if redis.call('DECR', tries) <= 0 then redis.call('DEL', tries) end
  end
end
return locked
`);

/** A counted try, to settle once the look-up has answered. */
export interface WrongTryReservation {
  lookup: string;
  scopes: WrongTryScope[];
  keys: string[];
  limits: number[];
}

/** What a guarded look-up is about: the code (when it has one besides the guess) and who asks. */
export interface WrongTrySubject {
  code?: string;
  address: string;
}

/** How long Redis may take before a guarded look-up is refused (fails closed). */
const TIMEOUT_MS = 1_000;
const CODE_IN_KEY = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The wrong tries of public look-ups that take a guess (the dossier status by the phone's last
 * four digits, a signed result by its code), counted in Redis so every replica sees them. After
 * the configured number of wrong tries within the window, the code's (or the address's)
 * look-up is locked: everyone gets 429, right digits included, until the lock expires, so a
 * lock says nothing about the guess. When Redis cannot be reached the look-up is refused
 * (503): without the counters nothing would stop the guessing.
 */
@Injectable()
export class WrongTries {
  private readonly log = new Logger('WrongTries');
  private readonly locks: Counter<'lookup' | 'scope'>;
  private readonly wrong: Counter<'lookup'>;
  private readonly refusals: Counter<'lookup' | 'reason'>;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClientType,
    private readonly context: WrongTryContext,
    metrics: MetricsRegistry,
  ) {
    this.locks = metrics.counter(
      'onestop_lookup_locks_total',
      'Public look-ups locked after too many wrong tries, by look-up and scope (code, address)',
      ['lookup', 'scope'],
    );
    this.wrong = metrics.counter(
      'onestop_lookup_wrong_tries_total',
      'Wrong tries at public look-ups that take a guess',
      ['lookup'],
    );
    this.refusals = metrics.counter(
      'onestop_lookup_refusals_total',
      'Look-ups refused before the guess was checked, by reason (locked, used-up, unavailable)',
      ['lookup', 'reason'],
    );
  }

  /** Counts a try before the look-up, or throws the 429 of a lock (or 503 when the counters are away). */
  async begin(lookup: string, subject: WrongTrySubject): Promise<WrongTryReservation> {
    const { limits } = this.context;
    const reservation = this.reservation(lookup, subject);
    let answer: [number, number, number];
    try {
      answer = await limitCall(
        this.redis,
        () =>
          BEGIN.run(this.redis, reservation.keys, [limits.windowMs, limits.lockMs, ...reservation.limits]) as Promise<
            [number, number, number]
          >,
        TIMEOUT_MS,
        TIMEOUT_MS,
      );
    } catch (error) {
      this.refusals.inc({ lookup, reason: 'unavailable' });
      this.log.warn(`${lookup} refused, its wrong tries cannot be counted: ${(error as Error).message}`);
      throw lookupUnavailable();
    }
    const [outcome, scopeIndex, lockedForMs] = answer;
    if (outcome === 0) return reservation;
    const scope = reservation.scopes[scopeIndex - 1];
    this.refusals.inc({ lookup, reason: outcome === 1 ? 'locked' : 'used-up' });
    throw outcome === 1 ? lookupLocked(scope, lockedForMs) : triesUsedUp(scope);
  }

  /** After the look-up: a wrong try stays counted and may lock; a right one is given back. Never throws. */
  async settle(reservation: WrongTryReservation, wrong: boolean): Promise<void> {
    const { lookup, keys, limits: scopeLimits, scopes } = reservation;
    if (wrong) this.wrong.inc({ lookup });
    try {
      const locked = await limitCall(
        this.redis,
        () =>
          SETTLE.run(this.redis, keys, [wrong ? 1 : 0, this.context.limits.lockMs, ...scopeLimits]) as Promise<
            number[]
          >,
        TIMEOUT_MS,
      );
      for (const index of locked) {
        const scope = scopes[index - 1];
        this.locks.inc({ lookup, scope });
        this.log.warn(`${lookup} locked for one ${scope} after ${scopeLimits[index - 1]} wrong tries`);
      }
    } catch (error) {
      // The try stays counted (it was counted before the look-up): the error is on the safe side.
      if (!(error instanceof LimitsUnavailableError))
        this.log.warn(`${lookup} try not settled: ${(error as Error).message}`);
    }
  }

  private reservation(lookup: string, subject: WrongTrySubject): WrongTryReservation {
    const { limits, keyPrefix, service } = this.context;
    // One hash tag per look-up: a script's keys must share a slot on a Redis Cluster.
    const base = `${keyPrefix}:{${service}:lookup:${lookup}}`;
    const scopes: WrongTryScope[] = [];
    const keys: string[] = [];
    const scopeLimits: number[] = [];
    const add = (scope: WrongTryScope, id: string, limit: number) => {
      scopes.push(scope);
      keys.push(`${base}:${scope}:${id}:lock`, `${base}:${scope}:${id}:tries`);
      scopeLimits.push(limit);
    };
    if (subject.code !== undefined)
      add('code', CODE_IN_KEY.test(subject.code) ? subject.code : keyPart(subject.code), limits.perCode);
    add('address', keyPart(subject.address), limits.perAddress);
    return { lookup, scopes, keys, limits: scopeLimits };
  }
}

const LOCKED_TYPE = 'too-many-requests/look-up-locked' as const;

/** The look-up is locked: 429 whatever is sent, with the time left. */
export function lookupLocked(scope: WrongTryScope, lockedForMs: number): ProblemException {
  const seconds = Math.max(1, Math.ceil(lockedForMs / 1000));
  const whose = scope === 'code' ? 'this look-up: it is locked for everyone' : 'this address: its look-ups are locked';
  return new ProblemException(429, 'Look-up locked', {
    type: LOCKED_TYPE,
    detail: `too many wrong tries at ${whose}, right or wrong digits alike, for ${inWords(seconds)}`,
    extensions: { scope, retryAfterSeconds: seconds },
  });
}

/** As many tries as the limit allows are already counted or under way. */
function triesUsedUp(scope: WrongTryScope): ProblemException {
  return new ProblemException(429, 'Too many tries', {
    type: LOCKED_TYPE,
    detail: `as many tries as allowed are already under way at this ${scope === 'code' ? 'look-up' : 'address'}; try again shortly`,
    extensions: { scope, retryAfterSeconds: 1 },
  });
}

function lookupUnavailable(): ProblemException {
  return new ProblemException(503, 'Look-up unavailable', {
    detail: 'the look-up cannot count wrong tries right now, so it does not answer; try again in a minute',
    extensions: { retryAfterSeconds: 30 },
  });
}

function inWords(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`;
}
