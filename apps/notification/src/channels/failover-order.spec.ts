import { failoverOrder } from './failover-order';

const a = { name: 'a', weight: 70 };
const b = { name: 'b', weight: 30 };
const standby = { name: 'standby', weight: 0 };
const names = (providers: { name: string }[]) => providers.map((provider) => provider.name);

describe('failoverOrder', () => {
  it('draws the first provider in proportion to the weights, then the others by weight', () => {
    expect(names(failoverOrder([a, b, standby], 0))).toEqual(['a', 'b', 'standby']);
    expect(names(failoverOrder([a, b, standby], 0.69))).toEqual(['a', 'b', 'standby']);
    expect(names(failoverOrder([a, b, standby], 0.7))).toEqual(['b', 'a', 'standby']);
    expect(names(failoverOrder([a, b, standby], 0.999))).toEqual(['b', 'a', 'standby']);
  });

  it('splits traffic by weight over many draws', () => {
    let firstIsA = 0;
    for (let i = 0; i < 10_000; i++) if (failoverOrder([a, b], i / 10_000)[0] === a) firstIsA++;
    expect(firstIsA).toBe(7_000);
  });

  it('never draws a standby first unless every weight is 0', () => {
    expect(names(failoverOrder([standby, b], 0))).toEqual(['b', 'standby']);
    expect(names(failoverOrder([standby, { name: 'other', weight: 0 }], 0.5))).toEqual(['standby', 'other']);
  });
});
