import { ManualClock } from '@onestop/platform';
import { PollingLoop } from './polling-loop';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('PollingLoop', () => {
  it('runs rounds back to back while there is work, then waits for a wake-up or a move of the clock', async () => {
    const clock = new ManualClock(new Date('2026-11-25T03:00:00Z'));
    let rounds = 0;
    // The first two rounds find a full batch, the third finds the rest.
    const loop = new PollingLoop({ round: async () => ++rounds < 3, pollMs: 60_000, onError: () => undefined, clock });
    loop.start();
    await tick();
    expect(rounds).toBe(3);
    loop.wake();
    await tick();
    expect(rounds).toBe(4);
    clock.advance(3_600_000);
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
    await tick();
    await loop.stop();
    expect(errors).toEqual(['database away']);
    expect(rounds).toBeGreaterThan(1);
  });
});
