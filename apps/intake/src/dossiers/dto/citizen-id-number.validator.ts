import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** Birth-place codes of the 63 provinces before 2025 (Circular 07/2016/TT-BCA), as ID numbers carry them. */
const BIRTH_PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

/**
 * A 12-digit citizen identity number: birth-province code, a century-and-sex digit, the year of
 * birth's last two digits, six digits. Checking the structure catches most typing errors.
 */
export function citizenIdProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) return 'must be a 12-digit citizen identity number';
  if (!BIRTH_PROVINCE_CODES.has(value.slice(0, 3))) return 'does not start with a known birth-province code';
  return null;
}

@ValidatorConstraint({ name: 'citizenIdNumber' })
export class IsCitizenIdNumber implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return citizenIdProblem(value) === null;
  }

  defaultMessage(): string {
    return 'must be a 12-digit citizen identity number with a known birth-province code';
  }
}
