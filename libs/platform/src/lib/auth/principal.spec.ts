import { ProblemException } from '../errors/problem.exception';
import { isProvinceWide, isUnitOfficer, Principal, viewingScope, withinJurisdiction } from './principal';

const officer = (unitCode: string): Principal => ({
  subject: 'o',
  roles: ['specialist'],
  unitCode,
  provinceCode: '46',
});
const leader: Principal = { subject: 'l', roles: ['province-leader'], unitCode: null, provinceCode: '46' };

describe('withinJurisdiction', () => {
  it('limits an officer to the unit the record is assigned to', () => {
    expect(withinJurisdiction(officer('19753'), { unitCode: '19753', provinceCode: '46' })).toBe(true);
    expect(withinJurisdiction(officer('19756'), { unitCode: '19753', provinceCode: '46' })).toBe(false);
  });

  it('lets province roles see their whole province and nothing beyond', () => {
    expect(withinJurisdiction(leader, { unitCode: '19753', provinceCode: '46' })).toBe(true);
    expect(withinJurisdiction(leader, { unitCode: '00004', provinceCode: '01' })).toBe(false);
  });

  it('gives a citizen token no officer reach', () => {
    const citizen: Principal = { subject: 'c', roles: ['citizen'], unitCode: null, provinceCode: null };
    expect(withinJurisdiction(citizen, { unitCode: '19753', provinceCode: '46' })).toBe(false);
  });
});

describe('reach comes with a role, never with a unit or province claim alone', () => {
  const scope = { unitCode: '19753', provinceCode: '46' };
  const claim = (
    roles: Principal['roles'],
    unitCode: string | null = '19753',
    provinceCode: string | null = '46',
  ): Principal => ({ subject: 's', roles, unitCode, provinceCode });

  it.each([
    ['no role at all (an unknown one dropped by the verifier)', claim([])],
    ['a citizen carrying a unit_code claim', claim(['citizen'])],
    ['a citizen carrying only a province claim', claim(['citizen'], null)],
  ])('gives %s neither unit nor province reach', (_, principal) => {
    expect(isUnitOfficer(principal)).toBe(false);
    expect(isProvinceWide(principal)).toBe(false);
    expect(withinJurisdiction(principal, scope)).toBe(false);
    expect(() => viewingScope(principal, undefined, 'deadlines')).toThrow(ProblemException);
    expect(() => viewingScope(principal, '19753', 'deadlines')).toThrow(ProblemException);
  });

  it.each(['desk-officer', 'specialist', 'unit-leader'] as const)(
    'gives a %s the reach of his own unit of his own province',
    (role) => {
      expect(withinJurisdiction(claim([role]), scope)).toBe(true);
      expect(withinJurisdiction(claim([role], '19753', '01'), scope)).toBe(false);
      expect(withinJurisdiction(claim([role], null), scope)).toBe(false);
      expect(viewingScope(claim([role]), undefined, 'deadlines')).toEqual({ provinceCode: '46', unitCode: '19753' });
      expect(() => viewingScope(claim([role]), '19813', 'deadlines')).toThrow(ProblemException);
    },
  );

  it('gives province roles their province only, and nothing without a province claim', () => {
    expect(viewingScope(claim(['province-admin'], null), '19813', 'indicators')).toEqual({
      provinceCode: '46',
      unitCode: '19813',
    });
    expect(withinJurisdiction(claim(['province-leader'], null, '01'), scope)).toBe(false);
    expect(withinJurisdiction(claim(['province-leader'], null, null), scope)).toBe(false);
    expect(() => viewingScope(claim(['province-leader'], null, null), undefined, 'indicators')).toThrow(
      ProblemException,
    );
  });

  it("keeps a citizen who is also a unit's officer to the officer's unit", () => {
    expect(withinJurisdiction(claim(['citizen', 'specialist']), scope)).toBe(true);
    expect(withinJurisdiction(claim(['citizen', 'specialist'], '19813'), scope)).toBe(false);
  });
});
