import { z } from 'zod';
import { ROLES } from './roles';
import { SERVICE_NAMES, ServiceName } from './services';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Who caused an event: an authenticated person, or the platform itself (timers, relays). */
export const actorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: z.string().min(1).max(200),
    roles: z.array(z.enum(ROLES)),
    unitCode: z.string().max(20).nullable(),
  }),
  z.object({ kind: z.literal('system'), id: z.string().min(1).max(200) }),
]);

export type Actor = z.infer<typeof actorSchema>;

/** The fields every event carries, whatever its type. The payload is checked by its own schema. */
export const envelopeSchema = z.object({
  id: z.string().regex(UUID_V7, 'must be a UUIDv7'),
  type: z.string().regex(/^[A-Z][A-Za-z]+$/, 'must be a PascalCase event name'),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  source: z.enum(SERVICE_NAMES as [ServiceName, ...ServiceName[]]),
  subject: z.string().min(1).max(200),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200).nullable(),
  actor: actorSchema,
  payload: z.unknown(),
});

export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  source: ServiceName;
  subject: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  payload: TPayload;
}
