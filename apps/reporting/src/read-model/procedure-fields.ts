import { seedProcedures } from '@onestop/reference-data';

let fieldByProcedure: ReadonlyMap<string, string> | undefined;

/** The catalogue field (e.g. 'civil-status') of a procedure, or null for a code the catalogue lacks. */
export function fieldCodeOf(procedureCode: string): string | null {
  fieldByProcedure ??= new Map(seedProcedures().map((procedure) => [procedure.code, procedure.field.code]));
  return fieldByProcedure.get(procedureCode) ?? null;
}
