/**
 * The province codes that open a 12-digit citizen identity number (Circular 07/2016/TT-BCA), as intake checks them:
 * the 63 provinces as numbered before the 2025 merger, which is what numbers already issued carry.
 */
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

export type CitizenIdProblem = 'format' | 'province' | 'birthYear';

/**
 * What is wrong with a citizen ID as a person types it, or null: 12 digits, a birth-province
 * code, and a century-and-sex digit with a two-digit year that makes a birth year not in the future.
 */
export function citizenIdProblem(value: string, today = new Date()): CitizenIdProblem | null {
  if (!/^\d{12}$/.test(value)) return 'format';
  if (!BIRTH_PROVINCE_CODES.has(value.slice(0, 3))) return 'province';
  const century = 1900 + Math.floor(Number(value[3]) / 2) * 100;
  const birthYear = century + Number(value.slice(4, 6));
  if (birthYear > today.getFullYear()) return 'birthYear';
  return null;
}
