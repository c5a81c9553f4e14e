import { Principal, withinJurisdiction } from './principal';

const officer = (unitCode: string): Principal => ({ subject: 'o', roles: ['specialist'], unitCode, provinceCode: '46' });
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
