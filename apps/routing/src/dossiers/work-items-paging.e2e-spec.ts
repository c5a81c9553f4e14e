import { PlatformEnv } from '@onestop/platform';
import { dossierReceivedEvent, ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import request from 'supertest';
import { routingSchema } from '../database/schema';
import { routingService } from '../service';
import { DossierRoutingService } from './dossier-routing.service';

const UNIT = '19753';
const DOSSIERS = 120;

interface WorkItemsPage {
  items: { id: string; dueAt: string | null }[];
  nextCursor: string | null;
}

/** A busy commune's queue read a page at a time: every dossier once, most urgent first, however long the queue. */
describe('work queue paging', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  let specialist: string;
  const received: string[] = [];
  const page = (query: Record<string, string | number>) =>
    request(running.url).get('/api/v1/work-items').query(query).auth(specialist, { type: 'bearer' });

  beforeAll(async () => {
    running = await startServiceWithDatabase(routingService, routingSchema, { KAFKA_CONSUMER_START: 'latest' });
    specialist = await tokenFor('specialist', UNIT, '46', 'specialist-paging');
    const routing = running.app.get(DossierRoutingService);
    // Received a few minutes apart, ten at the same minute: equal due dates, told apart by id.
    for (let n = 0; n < DOSSIERS; n += 1) {
      const event = dossierReceivedEvent({
        unitCode: UNIT,
        code: `${UNIT}-261124-${String(n + 1).padStart(4, '0')}`,
        at: new Date(Date.UTC(2026, 10, 24, 2, Math.floor(n / 10))),
      });
      received.push(event.payload.dossierId);
      await running.database.dataSource.transaction((tx) => routing.route(event, tx));
    }
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it('gives 120 dossiers in pages of 50: three pages, none twice, none missing, ordered by due date then id', async () => {
    const pages: WorkItemsPage[] = [];
    let cursor: string | null = null;
    do {
      const body = (await page(cursor ? { limit: 50, cursor } : { limit: 50 }).expect(200)).body as WorkItemsPage;
      pages.push(body);
      cursor = body.nextCursor;
    } while (cursor && pages.length < 10);

    expect(pages.map((each) => each.items.length)).toEqual([50, 50, 20]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const items = pages.flatMap((each) => each.items);
    expect(new Set(items.map((item) => item.id)).size).toBe(DOSSIERS);
    expect(items.map((item) => item.id).sort()).toEqual([...received].sort());
    const keys = items.map((item) => `${item.dueAt ?? '~'} ${item.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('pages 50 unless asked, and keeps the filters from page to page', async () => {
    const first = (await page({}).expect(200)).body as WorkItemsPage;
    expect(first.items).toHaveLength(50);
    const dueBefore = first.items[29]!.dueAt!;
    const filtered: WorkItemsPage['items'] = [];
    let cursor: string | null = null;
    do {
      const body = (await page(cursor ? { limit: 7, dueBefore, cursor } : { limit: 7, dueBefore }).expect(200))
        .body as WorkItemsPage;
      filtered.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(filtered.length).toBeGreaterThan(7);
    expect(filtered.every((item) => item.dueAt! < dueBefore)).toBe(true);
    expect(filtered.map((item) => item.id)).toEqual(
      first.items.filter((item) => item.dueAt! < dueBefore).map((item) => item.id),
    );
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['a tampered id', Buffer.from(JSON.stringify(['2026-11-27T02:00:00.000Z', "1' OR '1'='1"])).toString('base64url')],
    [
      'an impossible due date',
      Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'])).toString(
        'base64url',
      ),
    ],
    ['an object instead of a position', Buffer.from('{"dueAt":null}').toString('base64url')],
  ])('refuses a cursor that is %s with 400 naming the cursor', async (_what, cursor) => {
    const response = await page({ cursor }).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([
      { field: 'cursor', code: 'invalidCursor', message: 'must be the nextCursor of a previous page' },
    ]);
  });

  it.each([0, 201, 'many'])('refuses a limit of %s', async (limit) => {
    const response = await page({ limit }).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('limit');
  });
});
