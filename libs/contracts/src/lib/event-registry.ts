import { z } from 'zod';
import { envelopeSchema, EventEnvelope } from './envelope';

/** One versioned event schema: its type, version, topic and payload shape. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  type: TType;
  version: number;
  topic: string;
  payload: TSchema;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return definition;
}

export type PayloadOf<D> = D extends EventDefinition<string, infer S> ? z.infer<S> : never;
export type EnvelopeOf<D> = D extends EventDefinition<infer T, infer S> ? EventEnvelope<T, z.infer<S>> : never;

/** A field-level problem found while validating an event. */
export interface EventIssue {
  path: string;
  message: string;
}

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: EventIssue[],
  ) {
    super(`invalid ${eventType} event: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

export type ValidationResult = { ok: true; event: EventEnvelope } | { ok: false; error: InvalidEventError };

function issuesOf(error: z.ZodError, prefix = ''): EventIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/**
 * The schemas a producer or consumer knows, keyed by type and version. Producers validate before
 * an event enters the outbox; consumers validate again before acting on it.
 */
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[] = []) {
    definitions.forEach((definition) => this.register(definition));
  }

  register(definition: EventDefinition): this {
    const key = EventRegistry.key(definition.type, definition.version);
    if (this.definitions.has(key)) throw new Error(`event ${key} is defined twice`);
    this.definitions.set(key, definition);
    return this;
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.definitions.get(EventRegistry.key(type, version));
  }

  all(): EventDefinition[] {
    return [...this.definitions.values()];
  }

  validate(candidate: unknown): ValidationResult {
    const envelope = envelopeSchema.safeParse(candidate);
    const type =
      typeof (candidate as { type?: unknown })?.type === 'string' ? (candidate as { type: string }).type : 'unknown';
    if (!envelope.success) return { ok: false, error: new InvalidEventError(type, issuesOf(envelope.error)) };
    const definition = this.find(envelope.data.type, envelope.data.version);
    if (!definition) {
      const issue = { path: 'type', message: `no schema for ${envelope.data.type} v${envelope.data.version}` };
      return { ok: false, error: new InvalidEventError(type, [issue]) };
    }
    const payload = definition.payload.safeParse(envelope.data.payload);
    if (!payload.success) return { ok: false, error: new InvalidEventError(type, issuesOf(payload.error, 'payload')) };
    return { ok: true, event: { ...(envelope.data as EventEnvelope), payload: payload.data } };
  }

  /** Validates and returns the event, or throws InvalidEventError naming each bad field. */
  parse(candidate: unknown): EventEnvelope {
    const result = this.validate(candidate);
    if (!result.ok) throw result.error;
    return result.event;
  }

  private static key(type: string, version: number): string {
    return `${type}@v${version}`;
  }
}
