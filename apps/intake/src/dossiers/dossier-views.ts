import { maskCitizenId } from '../applicants/citizen-id.cipher';
import { DossierEntity } from './dossier.entity';
import { AppointmentQuoteDto } from './dto/appointment-quote.dto';
import type { AppointmentQuote } from './file-dossier.service';

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

/** What the desk tells the applicant before filing: the fee and the schedule the filing would get. */
export function quoteView(quote: AppointmentQuote): AppointmentQuoteDto {
  return {
    procedureCode: quote.procedure.code,
    procedureVersion: quote.procedure.version,
    procedureName: quote.procedure.name,
    receivingUnitCode: quote.receivingUnitCode,
    fee: quote.procedure.fee,
    processingTime: quote.procedure.processingTime,
    quotedAt: quote.receivedAt.toISOString(),
    countingFrom: quote.countingFrom.toISOString(),
    appointmentDate: quote.appointmentDate,
    dueAt: quote.dueAt.toISOString(),
  };
}
