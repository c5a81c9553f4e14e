import {
  applicantContactContentsSchema,
  applicantNameContentsSchema,
  DossierReceived,
  DossierReceivedV1,
  DossierRefusedAtIntake,
  DossierRefusedAtIntakeV1,
  EnvelopeOf,
  PayloadOf,
  SignatureRequested,
  SignatureRequestedV1,
} from '@onestop/contracts';
import { EventDataKeys } from './event-data-keys';

/*
 * The events that carry personal data, as their readers see them: every version a reader may meet
 * on the topic opened into one shape, the applicant's details in the clear, in memory only.
 */

export type DossierReceivedEvent = EnvelopeOf<typeof DossierReceived> | EnvelopeOf<typeof DossierReceivedV1>;
export type ReceivedDossier = PayloadOf<typeof DossierReceivedV1>;

export function openDossierReceived(event: DossierReceivedEvent, keys: EventDataKeys): ReceivedDossier {
  if (event.version === DossierReceivedV1.version) return event.payload as ReceivedDossier;
  const { applicant, ...rest } = (event as EnvelopeOf<typeof DossierReceived>).payload;
  const contact = keys.open(applicant.contact, applicantContactContentsSchema, DossierReceived.type, rest.dossierId);
  return {
    ...rest,
    applicant: { ...contact, communeCode: applicant.communeCode, accountSubject: applicant.accountSubject },
  };
}

export type DossierRefusedEvent =
  EnvelopeOf<typeof DossierRefusedAtIntake> | EnvelopeOf<typeof DossierRefusedAtIntakeV1>;
export type RefusedDossier = PayloadOf<typeof DossierRefusedAtIntakeV1>;

export function openDossierRefused(event: DossierRefusedEvent, keys: EventDataKeys): RefusedDossier {
  if (event.version === DossierRefusedAtIntakeV1.version) return event.payload as RefusedDossier;
  const { applicant, ...rest } = (event as EnvelopeOf<typeof DossierRefusedAtIntake>).payload;
  const contact = keys.open(
    applicant.contact,
    applicantContactContentsSchema,
    DossierRefusedAtIntake.type,
    rest.dossierId,
  );
  return { ...rest, applicant: { ...contact, accountSubject: applicant.accountSubject } };
}

export type SignatureRequestedEvent = EnvelopeOf<typeof SignatureRequested> | EnvelopeOf<typeof SignatureRequestedV1>;
export type SignatureRequest = PayloadOf<typeof SignatureRequestedV1>;

export function openSignatureRequest(event: SignatureRequestedEvent, keys: EventDataKeys): SignatureRequest {
  if (event.version === SignatureRequestedV1.version) return event.payload as SignatureRequest;
  const { applicant, ...rest } = (event as EnvelopeOf<typeof SignatureRequested>).payload;
  return {
    ...rest,
    applicantName: keys.open(applicant, applicantNameContentsSchema, SignatureRequested.type, rest.dossierId).name,
  };
}
