import { maskCitizenId } from '../applicants/citizen-id.cipher';
import { DossierEntity } from './dossier.entity';

/** The receipt a filing answers with: no personal data, what the citizen needs to come back. */
export function receiptView(dossier: DossierEntity) {
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    receivedAt: dossier.receivedAt?.toISOString() ?? null,
    appointmentDate: dossier.appointmentDate,
    dueAt: dossier.dueAt?.toISOString() ?? null,
    missingDocuments: dossier.missingDocuments,
    intakeNote: dossier.intakeNote,
  };
}

/** The whole dossier for an officer with jurisdiction; the ID number masked unless asked for. */
export function officerView(dossier: DossierEntity, citizenId: string) {
  return {
    ...receiptView(dossier),
    procedure: { code: dossier.procedureCode, version: dossier.procedureVersion },
    provinceCode: dossier.provinceCode,
    receivingUnitCode: dossier.receivingUnitCode,
    competentUnitCode: dossier.competentUnitCode,
    channel: dossier.channel,
    applicant: {
      name: dossier.applicantName,
      citizenId: maskCitizenId(citizenId),
      phone: dossier.applicantPhone,
      email: dossier.applicantEmail,
      address: { line: dossier.applicantAddress, communeCode: dossier.applicantCommuneCode },
    },
    subjectCommuneCode: dossier.subjectCommuneCode,
    documents: dossier.documents,
    filedAt: dossier.filedAt.toISOString(),
    resultChannel: dossier.resultChannel,
    version: dossier.version,
  };
}
