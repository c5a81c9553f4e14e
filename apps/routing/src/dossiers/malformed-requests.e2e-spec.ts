import { PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { routingSchema } from '../database/schema';
import { routingService } from '../service';

const UNIT = '19774';

/** Bad action bodies, ids and queries: 400 problem+json naming the field, and nothing written. */
describe('malformed routing requests', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  let leader: string;

  beforeAll(async () => {
    running = await startServiceWithDatabase(routingService, routingSchema);
    leader = await tokenFor('unit-leader', UNIT, '46', 'leader-malformed');
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  const act = (id: string, body: unknown) =>
    request(running.url)
      .post(`/api/v1/dossiers/${id}/actions`)
      .auth(leader, { type: 'bearer' })
      .send(body as object);

  it.each([
    ['no action', { version: 1 }, 'action'],
    ['an unknown action', { action: 'approve-quickly', version: 1 }, 'action'],
    ['an action of the wrong type', { action: 7, version: 1 }, 'action'],
    ['no version', { action: 'accept' }, 'version'],
    ['a version as a string', { action: 'accept', version: '3' }, 'version'],
    ['a version of zero', { action: 'accept', version: 0 }, 'version'],
    ['a fractional version', { action: 'accept', version: 1.5 }, 'version'],
    ['a reason too short', { action: 'reject', version: 1, reason: 'no' }, 'reason'],
    ['a reason too long', { action: 'reject', version: 1, reason: 'x'.repeat(1001) }, 'reason'],
    ['a reason as a number', { action: 'reject', version: 1, reason: 12345 }, 'reason'],
    ['a transfer without a target', { action: 'transfer', version: 1, reason: 'Sai thẩm quyền' }, 'targetUnitCode'],
    [
      'a transfer to a malformed unit',
      { action: 'transfer', version: 1, reason: 'Sai thẩm quyền', targetUnitCode: 'sở tư pháp' },
      'targetUnitCode',
    ],
    ['a hand-over without a channel', { action: 'return-result', version: 1 }, 'resultChannel'],
    ['a hand-over by pigeon', { action: 'return-result', version: 1, resultChannel: 'pigeon' }, 'resultChannel'],
    ['an unknown field', { action: 'accept', version: 1, status: 9 }, 'status'],
  ])('refuses %s', async (_what, body, field) => {
    const response = await act(randomUUID(), body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each(['not-a-uuid', '1', "1' OR '1'='1"])('refuses the dossier id %s', async (id) => {
    const response = await act(encodeURIComponent(id), { action: 'accept', version: 1 }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it.each([
    ['status', { status: '11' }],
    ['status', { status: 'processing' }],
    ['dueBefore', { dueBefore: 'tomorrow' }],
    ['assignee', { assignee: 'someone-else' }],
  ])('refuses a work queue filtered by a bad %s', async (field, query) => {
    const response = await request(running.url)
      .get('/api/v1/work-items')
      .query(query)
      .auth(leader, { type: 'bearer' })
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers a well-formed action on an unknown dossier with 404, and none of these requests wrote anything', async () => {
    await act(randomUUID(), { action: 'accept', version: 1 }).expect(404);
    // Other tests' dossiers may be routed here through the shared broker; any step but routing is an action.
    const [acted] = await running.database.dataSource.query(
      `SELECT count(*)::int AS n FROM dossier_history WHERE action <> 'route'`,
    );
    expect(acted.n).toBe(0);
  });
});
