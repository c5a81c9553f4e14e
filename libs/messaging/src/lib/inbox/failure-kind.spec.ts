import { PermanentEventError } from './event-handler';
import { classifyFailure } from './failure-kind';

describe('classifyFailure', () => {
  it('blames the database, not the event, when PostgreSQL is unreachable', () => {
    expect(classifyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(
      'infrastructure',
    );
    expect(classifyFailure(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      'infrastructure',
    );
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toBe('infrastructure');
  });

  it('sends a handler-declared permanent failure straight to dead letters', () => {
    expect(classifyFailure(new PermanentEventError('unknown procedure'))).toBe('permanent');
  });

  it('retries anything else a bounded number of times', () => {
    expect(classifyFailure(new TypeError('x is undefined'))).toBe('retryable');
    expect(classifyFailure(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('retryable');
  });
});
