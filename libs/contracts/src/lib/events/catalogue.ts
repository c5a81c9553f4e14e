import { EventDefinition, EventRegistry } from '../event-registry';
import {
  DossierReceived,
  DossierReceivedV1,
  DossierRefusedAtIntake,
  DossierRefusedAtIntakeV1,
  DossierRouted,
  DossierStatusChanged,
  ServiceRated,
} from './dossier.events';
import { NotificationUndeliverable } from './notification.events';
import {
  DossierApologyIssued,
  DossierDueSoon,
  DossierEscalated,
  DossierOverdue,
  StepOverdue,
  TaskAssigned,
  TaskAtRisk,
  TaskOverdue,
  TaskProgressReported,
} from './task.events';
import { DocumentSigned, SignatureFailed, SignatureRequested, SignatureRequestedV1 } from './signature.events';
import { WorkingCalendarChanged, WorkingCalendarChangedV1 } from './reference.events';

/**
 * Every event the platform publishes, each a versioned schema. A new version of an event is
 * added beside the old one, never edited in place, so old events in the log stay readable.
 */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  DossierReceivedV1,
  DossierReceived,
  DossierRefusedAtIntakeV1,
  DossierRefusedAtIntake,
  DossierRouted,
  DossierStatusChanged,
  ServiceRated,
  SignatureRequestedV1,
  SignatureRequested,
  DocumentSigned,
  SignatureFailed,
  WorkingCalendarChangedV1,
  WorkingCalendarChanged,
  DossierDueSoon,
  DossierOverdue,
  DossierApologyIssued,
  StepOverdue,
  DossierEscalated,
  TaskAssigned,
  TaskProgressReported,
  TaskAtRisk,
  TaskOverdue,
  NotificationUndeliverable,
];

export function createEventRegistry(): EventRegistry {
  return new EventRegistry(EVENT_CATALOGUE);
}
