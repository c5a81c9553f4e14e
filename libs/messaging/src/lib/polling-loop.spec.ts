import { ManualClock } from '@onestop/platform';
import { PollingLoop } from './polling-loop';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Ticks until the condition holds, for as long as a busy machine needs (the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await tick();
}

describe('PollingLoop', () => {
  it('runs rounds back to back while there is work, then waits for a wake-up or a move of the clock', async () => {
    const clock = new ManualClock(new Date('2026-11-25T03:00:00Z'));
    let rounds = 0;
    // The first two rounds find a full batch, the third finds the rest.
    const loop = new PollingLoop({ round: async () => ++rounds < 3, pollMs: 60_000, onError: () => undefined, clock });
    // Each step: wait for the rounds it causes, then a tick more to see that no other round follows.
    loop.start();
    await until(() => rounds >= 3);
    await tick();
    expect(rounds).toBe(3);
    loop.wake();
    await until(() => rounds >= 4);
    await tick();
    expect(rounds).toBe(4);
    clock.advance(3_600_000);
    await until(() => rounds >= 5);
    await tick();
    expect(rounds).toBe(5);
    await loop.stop();
    clock.advance(3_600_000);
    await tick();
    expect(rounds).toBe(5);
  });

  it('reports a failed round and goes on', async () => {
    const errors: string[] = [];
    let rounds = 0;
    const loop = new PollingLoop({
      round: async () => {
        rounds++;
        if (rounds === 1) throw new Error('database away');
        return false;
      },
      pollMs: 10,
      onError: (error) => errors.push(error.message),
    });
    loop.start();
    // The next round comes after the poll interval, however late a loaded machine runs its timers.
    await until(() => rounds > 1);
    await loop.stop();
    expect(errors).toEqual(['database away']);
    expect(rounds).toBeGreaterThan(1);
  });
});
