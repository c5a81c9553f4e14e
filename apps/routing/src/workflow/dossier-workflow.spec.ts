import { allowedActions, check, RULES, STATUS_OF } from './dossier-workflow';

describe('the dossier workflow', () => {
  it('follows the national path received → processing → supplement → processing → approved → done → returned', () => {
    expect(RULES.accept.from).toContain('received');
    expect(STATUS_OF[RULES.accept.to]).toBe(4);
    expect(STATUS_OF[RULES['request-supplement'].to]).toBe(5);
    expect(STATUS_OF[RULES['supplement-received'].to]).toBe(4);
    expect(RULES.approve.to).toBe('awaiting-signature');
    expect(STATUS_OF.done).toBe(9);
    expect(STATUS_OF[RULES['return-result'].to]).toBe(10);
  });

  it('refuses an action not allowed in the current state and lists the allowed ones', () => {
    expect(check('approve', 'received', ['unit-leader'], null)).toEqual({
      kind: 'not-allowed-now',
      allowed: ['accept', 'transfer', 'withdraw'],
    });
    expect(allowedActions('done')).toEqual(['return-result']);
    expect(allowedActions('returned')).toEqual([]);
    expect(allowedActions('withdrawn')).toEqual([]);
  });

  it('lets only leaders approve, reject and stop', () => {
    expect(check('approve', 'processing', ['specialist'], null)).toEqual({ kind: 'role', roles: ['unit-leader'] });
    expect(check('approve', 'processing', ['unit-leader'], null)).toBeNull();
    expect(check('stop', 'processing', ['desk-officer'], 'x')).toMatchObject({ kind: 'role' });
  });

  it('asks for a reason where the rules need one', () => {
    expect(check('request-supplement', 'processing', ['specialist'], null)).toEqual({ kind: 'reason-required' });
    expect(check('request-supplement', 'processing', ['specialist'], 'thiếu bản sao')).toBeNull();
    expect(check('withdraw', 'fees-due', ['desk-officer'], null)).toEqual({ kind: 'reason-required' });
  });

  it('pauses the clock while waiting on the citizen and resumes it after', () => {
    expect(RULES['request-supplement'].clock).toBe('pause');
    expect(RULES['request-fees'].clock).toBe('pause');
    expect(RULES['supplement-received'].clock).toBe('resume');
    expect(RULES['fees-paid'].clock).toBe('resume');
    expect(RULES.accept.clock).toBeUndefined();
  });
});
