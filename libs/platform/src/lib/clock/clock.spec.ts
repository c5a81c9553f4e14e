import { ManualClock } from './clock';

describe('Clock jumps', () => {
  it('tells listeners when a manual clock is set or advanced, until they unsubscribe', () => {
    const clock = new ManualClock(new Date('2026-12-01T01:00:00Z'));
    const seen: string[] = [];
    const unsubscribe = clock.onJump(() => seen.push(clock.now().toISOString()));

    clock.advance(90 * 60_000);
    clock.set(new Date('2026-12-07T01:00:00Z'));
    unsubscribe();
    clock.advance(1);

    expect(seen).toEqual(['2026-12-01T02:30:00.000Z', '2026-12-07T01:00:00.000Z']);
  });
});
