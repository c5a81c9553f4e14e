import { z } from 'zod';
import { defineEvent, EventRegistry, InvalidEventError } from './event-registry';

const ParcelWeighed = defineEvent({
  type: 'ParcelWeighed',
  version: 1,
  topic: 'parcel.events',
  payload: z.object({ grams: z.number().int().positive() }),
});

const validEvent = {
  id: '019a7a6e-5b7c-7d2e-9f00-3a1b2c3d4e5f',
  type: 'ParcelWeighed',
  version: 1,
  occurredAt: '2026-11-20T08:15:00.000+07:00',
  source: 'intake',
  subject: 'parcel-1',
  correlationId: 'req-1',
  causationId: null,
  actor: { kind: 'system', id: 'scale' },
  payload: { grams: 1200 },
};

describe('EventRegistry', () => {
  const registry = new EventRegistry([ParcelWeighed]);

  it('accepts an event that matches its envelope and payload schema', () => {
    expect(registry.parse(validEvent)).toEqual(validEvent);
  });

  it.each([
    ['id', { id: '019a7a6e-5b7c-4d2e-9f00-3a1b2c3d4e5f' }, 'id'],
    ['occurredAt', { occurredAt: 'yesterday' }, 'occurredAt'],
    ['source', { source: 'printer' }, 'source'],
    ['actor', { actor: { kind: 'user', id: 'u1', roles: ['janitor'], unitCode: null } }, 'actor.roles.0'],
    ['payload', { payload: { grams: -3 } }, 'payload.grams'],
  ])('names the bad field when %s is wrong', (_label, change, path) => {
    const result = registry.validate({ ...validEvent, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toContain(path);
  });

  it('refuses a type or version it has no schema for', () => {
    expect(() => registry.parse({ ...validEvent, version: 2 })).toThrow(InvalidEventError);
    expect(() => registry.parse({ ...validEvent, version: 2 })).toThrow(/no schema for ParcelWeighed v2/);
  });

  it('refuses to define the same type and version twice', () => {
    expect(() => new EventRegistry([ParcelWeighed, ParcelWeighed])).toThrow(/defined twice/);
  });

  it('keeps several versions of one event side by side', () => {
    const v2 = defineEvent({ ...ParcelWeighed, version: 2, payload: z.object({ kilograms: z.number() }) });
    const both = new EventRegistry([ParcelWeighed, v2]);
    expect(both.parse({ ...validEvent, version: 2, payload: { kilograms: 1.2 } }).version).toBe(2);
    expect(both.parse(validEvent).version).toBe(1);
  });
});
