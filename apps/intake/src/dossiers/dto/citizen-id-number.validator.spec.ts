import { citizenIdProblem } from './citizen-id-number.validator';

describe('citizen identity numbers', () => {
  it.each(['046095001234', '001203000001', '079190004321', '096099999999'])('accepts %s', (value) => {
    expect(citizenIdProblem(value)).toBeNull();
  });

  it.each([
    ['eleven digits', '04609500123'],
    ['thirteen digits', '0460950012345'],
    ['a letter', '04609500123a'],
    ['spaces', '046 095 001 234'],
    ['a number instead of a string', 46095001234],
    ['full-width digits', '０４６０９５００１２３４'],
    ['a trailing newline', '046095001234\n'],
  ])('refuses %s', (_what, value) => {
    expect(citizenIdProblem(value)).toBe('must be a 12-digit citizen identity number');
  });

  it.each(['000095001234', '003095001234', '099095001234', '999095001234'])(
    'refuses %s: no province has that birth code',
    (value) => {
      expect(citizenIdProblem(value)).toBe('does not start with a known birth-province code');
    },
  );
});
