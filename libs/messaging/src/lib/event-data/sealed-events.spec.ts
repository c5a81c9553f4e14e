import { DossierReceivedV1, EnvelopeOf, SignatureRequested } from '@onestop/contracts';
import { developmentKeyring, parseKeyring, UnknownKeyError } from '@onestop/platform';
import { dossierReceivedEvent, signatureRequestedEvent } from '@onestop/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { EventDataKeys } from './event-data-keys';
import { openDossierReceived, openSignatureRequest } from './sealed-events';

const developmentKeys = new EventDataKeys(developmentKeyring('event-data'));
const applicant = { name: 'Tôn Nữ Thị Hạnh', phone: '0934777123', email: 'hanh@example.vn' };

describe('events with sealed personal data, as their readers open them', () => {
  it('opens the contact of a DossierReceived v2 and keeps everything else as published', () => {
    const event = dossierReceivedEvent({ applicant });
    expect(JSON.stringify(event)).not.toContain(applicant.phone);
    const opened = openDossierReceived(event, developmentKeys);
    expect(opened.applicant).toEqual({
      ...applicant,
      communeCode: event.payload.applicant.communeCode,
      accountSubject: null,
    });
    expect(opened.code).toBe(event.payload.code);
  });

  it('reads a version 1 event, published with the contact in the clear, as it is', () => {
    const { payload } = dossierReceivedEvent();
    const v1: EnvelopeOf<typeof DossierReceivedV1> = {
      ...dossierReceivedEvent(),
      version: 1,
      payload: {
        ...payload,
        applicant: { ...applicant, communeCode: payload.applicant.communeCode, accountSubject: null },
      },
    };
    expect(openDossierReceived(v1, developmentKeys).applicant.phone).toBe(applicant.phone);
  });

  it('refuses a box moved into another dossier’s event, a changed box, and a key the ring no longer has', () => {
    const event = dossierReceivedEvent({ applicant });
    const moved = { ...event, payload: { ...event.payload, dossierId: randomUUID() } };
    expect(() => openDossierReceived(moved, developmentKeys)).toThrow();
    const tag = Buffer.from(event.payload.applicant.contact.tag, 'base64');
    tag[0] ^= 1;
    const changed = {
      ...event,
      payload: {
        ...event.payload,
        applicant: {
          ...event.payload.applicant,
          contact: { ...event.payload.applicant.contact, tag: tag.toString('base64') },
        },
      },
    };
    expect(() => openDossierReceived(changed, developmentKeys)).toThrow();
    const otherKeys = new EventDataKeys(parseKeyring(`v2:${randomBytes(32).toString('base64')}`, 'base64-key'));
    expect(() => openDossierReceived(event, otherKeys)).toThrow(UnknownKeyError);
  });

  it('opens the name a signature request carries, bound to the signature request type', () => {
    const event = signatureRequestedEvent({ signerId: 'leader', applicantName: 'Hồ Thị Lan' });
    expect(openSignatureRequest(event, developmentKeys).applicantName).toBe('Hồ Thị Lan');
    // A box sealed for a DossierReceived of the same dossier does not open as a signature request's.
    const received = dossierReceivedEvent({ dossierId: event.payload.dossierId });
    const swapped = { ...event, payload: { ...event.payload, applicant: received.payload.applicant.contact } };
    expect(swapped.type).toBe(SignatureRequested.type);
    expect(() => openSignatureRequest(swapped, developmentKeys)).toThrow();
  });
});
