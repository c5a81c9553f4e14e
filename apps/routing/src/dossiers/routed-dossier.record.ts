import { DossierStatusCode } from '@onestop/contracts';
import { ReceivedDossier } from '@onestop/messaging';
import { State } from '../workflow/dossier-workflow';

type Received = ReceivedDossier;

export interface RoutedDossier {
  id: string;
  code: string;
  provinceCode: string;
  procedure: Received['procedure'];
  receivingUnitCode: string;
  unitCode: string;
  assigneeId: string | null;
  state: State;
  status: DossierStatusCode;
  outcome: 'approved' | 'rejected' | null;
  applicant: Received['applicant'];
  subjectCommuneCode: string;
  receivedAt: Date;
  dueAt: Date | null;
  pausedAt: Date | null;
  remainingWorkingHours: string | null;
  resultChannel: string | null;
  /** The signature request a decision waits on (awaiting signature only). */
  signatureRequestId: string | null;
  version: number;
  updatedAt: Date;
}

export const ROUTED_COLUMNS = `id, code, province_code AS "provinceCode", procedure, receiving_unit_code AS "receivingUnitCode",
  unit_code AS "unitCode", assignee_id AS "assigneeId", state, status, outcome, applicant,
  subject_commune_code AS "subjectCommuneCode", received_at AS "receivedAt", due_at AS "dueAt", paused_at AS "pausedAt",
  remaining_working_hours AS "remainingWorkingHours", result_channel AS "resultChannel", signature_request_id AS "signatureRequestId", version, updated_at AS "updatedAt"`;
