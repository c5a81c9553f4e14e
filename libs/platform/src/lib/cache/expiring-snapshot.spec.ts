import { ExpiringSnapshot } from './expiring-snapshot';

describe('ExpiringSnapshot', () => {
  afterEach(() => jest.useRealTimers());

  it('loads once for concurrent callers and serves the copy until it is too old', async () => {
    jest.useFakeTimers({ now: 0 });
    let loads = 0;
    const snapshot = new ExpiringSnapshot(async () => (loads += 1), 1_000);
    expect(await Promise.all([snapshot.get(), snapshot.get(), snapshot.get()])).toEqual([1, 1, 1]);
    jest.setSystemTime(1_000);
    expect(await snapshot.get()).toBe(1);
    jest.setSystemTime(1_001);
    expect(await snapshot.get()).toBe(2);
  });

  it('reloads after invalidation', async () => {
    let loads = 0;
    const snapshot = new ExpiringSnapshot(async () => (loads += 1), 60_000);
    await snapshot.get();
    snapshot.invalidate();
    expect(await snapshot.get()).toBe(2);
  });

  it('does not keep a failed load', async () => {
    let attempt = 0;
    const snapshot = new ExpiringSnapshot(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('database unavailable');
      return 'loaded';
    }, 60_000);
    await expect(snapshot.get()).rejects.toThrow('database unavailable');
    expect(await snapshot.get()).toBe('loaded');
  });
});
