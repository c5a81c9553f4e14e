import { decodeCursor, encodeCursor, page } from './keyset-cursor';

describe('keyset cursor', () => {
  const position = { at: new Date('2026-09-04T10:30:00Z'), id: '0199a1b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b' };

  it('gives back the position it was made from', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('refuses anything else with a 400 naming the cursor', () => {
    const forged = Buffer.from(JSON.stringify(['2026-09-04T10:30:00Z', '-'.repeat(36)])).toString('base64url');
    const outOfRange = ['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2026-02-30T00:00:00Z'].map(
      (at) => Buffer.from(JSON.stringify([at, position.id])).toString('base64url'),
    );
    for (const cursor of ['abc', forged, Buffer.from('[1,2]').toString('base64url'), ...outOfRange]) {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });

  it('says whether another page follows', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: position.at, id: position.id }));
    expect(page(rows, 3, (row) => row).nextCursor).toBeNull();
    expect(page(rows, 2, (row) => row)).toEqual({ items: rows.slice(0, 2), nextCursor: encodeCursor(position) });
  });
});
