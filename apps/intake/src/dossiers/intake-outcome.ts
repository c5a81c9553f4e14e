import { DOSSIER_STATUS, DossierStatusCode } from '@onestop/contracts';
import { ProcedureDefinition } from '@onestop/reference-data';

type RequiredDocument = ProcedureDefinition['requiredDocuments'][number];

export interface IntakeOutcome {
  status: DossierStatusCode;
  action: 'submit-online' | 'receive' | 'refuse';
  missing: RequiredDocument[];
  /** Why it was refused, or why it was accepted although incomplete. */
  note: string | null;
}

export function missingDocuments(
  procedure: ProcedureDefinition,
  documents: readonly { type: string }[],
): RequiredDocument[] {
  const handedIn = new Set(documents.map((document) => document.type));
  return procedure.requiredDocuments.filter((document) => document.required && !handedIn.has(document.type));
}

/**
 * What the desk does with a new dossier. Online filings wait for a desk officer's check (status 1).
 * At a counter or by post a complete dossier is received (2); an incomplete one is refused with
 * the missing documents named (3), unless the desk officer accepts it anyway, giving a reason.
 */
export function intakeOutcome(
  channel: 'online' | 'counter' | 'postal',
  missing: RequiredDocument[],
  acceptIncompleteReason: string | null,
): IntakeOutcome {
  if (channel === 'online')
    return { status: DOSSIER_STATUS.submittedOnline, action: 'submit-online', missing, note: null };
  if (missing.length === 0) return { status: DOSSIER_STATUS.received, action: 'receive', missing, note: null };
  if (acceptIncompleteReason)
    return { status: DOSSIER_STATUS.received, action: 'receive', missing, note: acceptIncompleteReason };
  return { status: DOSSIER_STATUS.refusedAtIntake, action: 'refuse', missing, note: refusalReason(missing) };
}

export function refusalReason(missing: RequiredDocument[]): string {
  return `Thiếu giấy tờ bắt buộc / missing required documents: ${missing.map((document) => `${document.name.vi} (${document.type})`).join('; ')}`;
}
