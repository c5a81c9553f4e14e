import { caughtUp } from './consumer-catch-up';

describe('caughtUp', () => {
  const marks = new Map([
    [0, 10],
    [1, 0],
    [2, 5],
  ]);

  it('waits for every partition the group has consumed from to reach its mark', () => {
    expect(caughtUp(marks, new Map([[0, 9]]))).toBe(false);
    expect(
      caughtUp(
        marks,
        new Map([
          [0, 10],
          [2, 4],
        ]),
      ),
    ).toBe(false);
    expect(
      caughtUp(
        marks,
        new Map([
          [0, 10],
          [2, 5],
        ]),
      ),
    ).toBe(true);
  });

  it('does not wait on partitions the group never committed on', () => {
    expect(caughtUp(marks, new Map())).toBe(true);
    expect(
      caughtUp(
        marks,
        new Map([
          [0, -1],
          [2, 7],
        ]),
      ),
    ).toBe(true);
  });
});
