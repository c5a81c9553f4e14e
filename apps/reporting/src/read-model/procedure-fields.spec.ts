import { fieldCodeOf } from './procedure-fields';

describe('fieldCodeOf', () => {
  it("gives the catalogue's field of a procedure, and null for a code it does not list", () => {
    expect(fieldCodeOf('HKD-DANGKY')).toBe('business-registration');
    expect(fieldCodeOf('HT-KHAISINH')).toBe('civil-status');
    expect(fieldCodeOf('NOT-IN-CATALOGUE')).toBeNull();
  });
});
