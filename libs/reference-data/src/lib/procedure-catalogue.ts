import catalogue from '../../data/procedures.json';
import { ProcedureDefinition, procedureDefinitionSchema } from './procedure-definition';

/** The procedures the catalogue starts with, validated: a bad entry fails the migration by name. */
export function seedProcedures(): ProcedureDefinition[] {
  return catalogue.procedures.map((candidate, index) => {
    const parsed = procedureDefinitionSchema.safeParse(candidate);
    if (!parsed.success) throw new Error(`procedures.json entry ${index}: ${parsed.error.message}`);
    return parsed.data;
  });
}
