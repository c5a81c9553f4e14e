import { WakeableSleep } from './wakeable-sleep';

describe('WakeableSleep', () => {
  it('returns at once while a signal is pending, then sleeps until woken or the time is up', async () => {
    const pause = new WakeableSleep();
    let began = performance.now();
    await pause.sleep(1_000);
    expect(performance.now() - began).toBeLessThan(50);

    pause.takeSignal();
    began = performance.now();
    await pause.sleep(60);
    expect(performance.now() - began).toBeGreaterThanOrEqual(55);

    began = performance.now();
    setTimeout(() => pause.wake(), 20);
    await pause.sleep(5_000);
    expect(performance.now() - began).toBeLessThan(1_000);
  });

  it('keeps a signal given while the loop was busy for the next pause', async () => {
    const pause = new WakeableSleep();
    pause.takeSignal();
    pause.wake();
    const began = performance.now();
    await pause.sleep(5_000);
    expect(performance.now() - began).toBeLessThan(50);
  });
});
