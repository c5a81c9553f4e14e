import { z } from 'zod';

const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** Where a procedure is decided: the applicant's (or the subject's) commune, or a province department. */
export const competentLevelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commune') }),
  z.object({ kind: z.literal('department'), department: z.string().regex(/^[A-Z]{2,10}$/) }),
]);

export const processingTimeSchema = z.object({
  unit: z.enum(['working-days', 'working-hours']),
  amount: z.number().nonnegative().max(365),
});

export const requiredDocumentSchema = z.object({
  type: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: bilingual,
  /** Optional documents are listed so the desk can advise; only required ones gate intake. */
  required: z.boolean(),
});

/** One version of a procedure in the catalogue. A dossier keeps the version it was received under. */
export const procedureDefinitionSchema = z.object({
  code: z.string().regex(/^[A-Z0-9.-]{3,32}$/),
  version: z.number().int().positive(),
  effectiveFrom: z.iso.date(),
  /** The code in the National Database of Administrative Procedures, where known. */
  nationalCode: z.string().optional(),
  name: bilingual,
  field: z.object({ code: z.string().regex(/^[a-z-]{2,40}$/), name: bilingual }),
  competentLevel: competentLevelSchema,
  processingTime: processingTimeSchema,
  requiredDocuments: z.array(requiredDocumentSchema).min(1),
  fee: z.object({ amountVnd: z.number().int().nonnegative(), note: bilingual.optional() }),
  /** Whether the deadline clock stops while the dossier waits on the citizen (supplements, fees). */
  clockPausesForCitizen: z.boolean(),
  legalBasis: z.string().min(1),
});

export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
