import { createEventRegistry } from './catalogue';
import { ServiceRated } from './dossier.events';

const rated = {
  id: '019a7a6e-5b7c-7d2e-9f00-3a1b2c3d4e5f',
  type: 'ServiceRated',
  version: 1,
  occurredAt: '2026-11-30T10:00:00.000+07:00',
  source: 'intake',
  subject: '5b0c6f1e-8f43-4d1a-9a55-0f2b7d1c9e21',
  correlationId: 'req-1',
  causationId: null,
  actor: { kind: 'system', id: 'public-rating' },
  payload: {
    dossierId: '5b0c6f1e-8f43-4d1a-9a55-0f2b7d1c9e21',
    code: '19753-261124-0001',
    provinceCode: '46',
    receivingUnitCode: '19753',
    unitCode: '19774',
    procedureCode: 'HKD-DANGKY',
    score: 4,
    hasComment: true,
    ratedAt: '2026-11-30T03:00:00.000Z',
  },
};

describe('ServiceRated', () => {
  const registry = createEventRegistry();

  it('is in the catalogue, on the dossier topic', () => {
    expect(registry.find('ServiceRated', 1)).toBe(ServiceRated);
    expect(ServiceRated.topic).toBe('dossier.events');
    expect(registry.parse(rated)).toEqual(rated);
  });

  it.each([0, 6, 4.5, '5'])('refuses the score %p, naming it', (score) => {
    const result = registry.validate({ ...rated, payload: { ...rated.payload, score } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toEqual(['payload.score']);
  });

  it('never carries a comment: a producer that put one in would have it dropped before the outbox', () => {
    const parsed = registry.parse({ ...rated, payload: { ...rated.payload, comment: 'Cán bộ hướng dẫn tận tình' } });
    expect(parsed.payload).not.toHaveProperty('comment');
    expect(JSON.stringify(parsed)).not.toContain('Cán bộ');
  });
});
