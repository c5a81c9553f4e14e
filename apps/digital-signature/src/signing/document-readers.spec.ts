import { Principal } from '@onestop/platform';
import { DocumentReaders, mayRead } from './document-readers';

const result: DocumentReaders = {
  provinceCode: '46',
  unitCode: '19753',
  receivingUnitCode: '19813',
  applicantSubject: 'citizen-lan',
};
const caller = (
  roles: Principal['roles'],
  unitCode: string | null,
  provinceCode: string | null,
  subject = 's',
): Principal => ({ subject, roles, unitCode, provinceCode });

describe('who may read a signed result', () => {
  it.each([
    ['an officer of the processing unit', caller(['specialist'], '19753', '46')],
    ['a desk officer of the receiving unit', caller(['desk-officer'], '19813', '46')],
    ['the applicant', caller(['citizen'], null, null, 'citizen-lan')],
    ["a province role of the document's province", caller(['province-leader'], null, '46')],
  ])('lets %s read it', (_who, principal) => {
    expect(mayRead(principal, result)).toBe(true);
  });

  it.each([
    ['an officer of another unit of the province', caller(['unit-leader'], '19774', '46')],
    ['an officer claiming the unit under another province', caller(['specialist'], '19753', '01')],
    ['a unit claim without a role', caller([], '19753', '46')],
    ['a citizen with the unit claim', caller(['citizen'], '19753', '46')],
    ['another citizen', caller(['citizen'], null, null, 'citizen-other')],
    ['a province role of another province', caller(['province-admin'], null, '01')],
  ])('hides it from %s', (_who, principal) => {
    expect(mayRead(principal, result)).toBe(false);
  });

  it("keeps a document stored before its readers were recorded to its province's roles", () => {
    const older: DocumentReaders = {
      provinceCode: '46',
      unitCode: null,
      receivingUnitCode: null,
      applicantSubject: null,
    };
    expect(mayRead(caller(['province-admin'], null, '46'), older)).toBe(true);
    expect(mayRead(caller(['specialist'], '19753', '46'), older)).toBe(false);
    expect(mayRead(caller(['citizen'], null, null, 'citizen-lan'), older)).toBe(false);
  });
});
