import { settle } from './delivery-state';

const now = new Date('2026-11-24T09:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const retry = { baseMs: 30_000, maxMs: 600_000 };
const fresh = { attempts: 0, giveUpAt: later(24 * 3600_000) };

describe('settle', () => {
  it('delivers what the provider accepted, or waits for its report with the reference', () => {
    expect(settle(fresh, { kind: 'accepted', provider: 'smtp', providerReference: '<m@x>' }, now, retry)).toMatchObject(
      {
        state: 'delivered',
        attempts: 1,
        provider: 'smtp',
        providerReference: '<m@x>',
        deliveredAt: now,
        undeliverable: false,
      },
    );
    expect(
      settle(
        fresh,
        { kind: 'accepted', provider: 'viettel', providerReference: 'sms-1', awaitingReport: true },
        now,
        retry,
      ),
    ).toMatchObject({
      state: 'sending',
      providerReference: 'sms-1',
      deliveredAt: null,
    });
  });

  it('retries a temporary failure after base, 2×base, 4×base … capped at max', () => {
    const failure = { kind: 'temporary-failure' as const, provider: 'a', reason: 'HTTP 503' };
    expect(settle(fresh, failure, now, retry)).toMatchObject({
      state: 'temporary-failure',
      attempts: 1,
      nextAttemptAt: later(30_000),
      lastError: 'HTTP 503',
    });
    expect(settle({ ...fresh, attempts: 2 }, failure, now, retry).nextAttemptAt).toEqual(later(120_000));
    expect(settle({ ...fresh, attempts: 9 }, failure, now, retry).nextAttemptAt).toEqual(later(600_000));
  });

  it('gives up with a technical failure and a dead letter once the next try would pass the horizon', () => {
    const failure = { kind: 'temporary-failure' as const, reason: 'ECONNREFUSED' };
    const settled = settle({ attempts: 3, giveUpAt: later(200_000) }, failure, now, retry);
    expect(settled).toMatchObject({ state: 'technical-failure', attempts: 4, failedAt: now, undeliverable: true });
    expect(settled.lastError).toContain('gave up after 4 attempts');
  });

  it('never retries a permanent failure', () => {
    expect(
      settle(fresh, { kind: 'permanent-failure', provider: 'smtp', reason: 'SMTP 550' }, now, retry),
    ).toMatchObject({ state: 'permanent-failure', attempts: 1, failedAt: now, undeliverable: true });
  });

  it('does not count a deferral as an attempt', () => {
    expect(settle(fresh, { kind: 'deferred', retryAfterMs: 250 }, now, retry)).toMatchObject({
      state: 'created',
      attempts: 0,
      nextAttemptAt: later(250),
      undeliverable: false,
    });
    expect(settle({ ...fresh, attempts: 2 }, { kind: 'deferred', retryAfterMs: 250 }, now, retry)).toMatchObject({
      state: 'temporary-failure',
      attempts: 2,
    });
  });
});
