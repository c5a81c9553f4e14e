import type { Request } from 'express';

/**
 * `<receiving agency code>-YYMMDD-NNNN`: the daily sequence of the receiving unit, at least four
 * digits (a unit receiving ten thousand dossiers a day gets five, never a duplicate).
 */
export function formatDossierCode(receivingUnitCode: string, localDate: string, sequence: number): string {
  const [year, month, day] = localDate.split('-');
  return `${receivingUnitCode}-${year.slice(2)}${month}${day}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]{2,20}-\d{6}-\d{4,}$/;

/** The `:code` of a request's path, where it can be a dossier's: wrong tries are counted against it. */
export function dossierCodeOf(request: Request): string | undefined {
  const code = request.params['code'];
  return typeof code === 'string' && DOSSIER_CODE_PATTERN.test(code) ? code : undefined;
}
