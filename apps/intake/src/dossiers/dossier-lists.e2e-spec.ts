import { ManualClock } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor, tokenWithRoles } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';
const KIM_LONG = '19774';
const LAN = { citizenId: '046095001234', subject: 'citizen-lan' };
const MINH = { citizenId: '046088009876', subject: 'citizen-minh' };

interface ListedDossier {
  id: string;
  code: string;
  status: number;
  receivingUnitCode: string;
  filedAt: string;
  applicant: { citizenId: string };
}

interface DossierPage {
  items: ListedDossier[];
  nextCursor: string | null;
}

const document = (type: string) => ({
  type,
  fileName: `${type}.pdf`,
  sha256: randomBytes(32).toString('hex'),
  size: 90_000,
});

function filing(receivingUnitCode: string, citizenId: string, channel: 'online' | 'counter') {
  return {
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode,
    channel,
    applicant: {
      name: 'Hồ Thị Lan',
      citizenId,
      phone: '0905123456',
      email: null,
      address: { line: '12 Lê Lợi', communeCode: receivingUnitCode },
    },
    documents: [document('registration-application')],
  };
}

/** The desk's reception queue: online filings waiting to be received at the desk, oldest first, a page at a time. */
describe('lists of dossiers at intake', () => {
  // Tuesday 24 November 2026, 08:00 in Huế.
  const clock = new ManualClock(new Date('2026-11-24T08:00:00+07:00'));
  let running: ServiceUnderTest<IntakeEnv>;
  const tokens: Record<string, string> = {};
  /** What was filed, in filing order. */
  const filed: { id: string; code: string; receivingUnitCode: string; citizenId: string; channel: string }[] = [];

  const list = (token: string, query: Record<string, string | number>) =>
    request(running.url).get('/api/v1/dossiers').query(query).auth(token, { type: 'bearer' });

  async function everyPage(token: string, query: Record<string, string | number>): Promise<DossierPage[]> {
    const pages: DossierPage[] = [];
    let cursor: string | null = null;
    do {
      const body = (await list(token, cursor ? { ...query, cursor } : query).expect(200)).body as DossierPage;
      pages.push(body);
      cursor = body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }
  const allItems = async (token: string, query: Record<string, string | number>) =>
    (await everyPage(token, query)).flatMap((page) => page.items);
  /** The ids filed that match, sorted: filings of one minute follow no particular order. */
  const filedIds = (match: (dossier: (typeof filed)[number]) => boolean) =>
    filed
      .filter(match)
      .map((dossier) => dossier.id)
      .sort();
  const idsOf = (items: ListedDossier[]) => items.map((item) => item.id).sort();
  /** Oldest filing first, then by id: the order of the list, page after page. */
  const oldestFirst = (items: ListedDossier[]) => {
    const keys = items.map((item) => `${item.filedAt} ${item.id}`);
    return keys.every((key, index) => index === 0 || keys[index - 1]! < key);
  };

  async function file(token: string, receivingUnitCode: string, citizen: typeof LAN, channel: 'online' | 'counter') {
    const response = await request(running.url)
      .post('/api/v1/dossiers')
      .auth(token, { type: 'bearer' })
      .send(filing(receivingUnitCode, citizen.citizenId, channel))
      .expect(201);
    filed.push({
      id: response.body.id,
      code: response.body.code,
      receivingUnitCode,
      citizenId: citizen.citizenId,
      channel,
    });
  }

  beforeAll(async () => {
    running = await startServiceWithDatabase(intakeService, intakeSchema, {}, { clock });
    tokens.lan = await tokenFor('citizen', undefined, '46', LAN.subject);
    tokens.minh = await tokenFor('citizen', undefined, '46', MINH.subject);
    tokens.phuXuanDesk = await tokenFor('desk-officer', PHU_XUAN, '46', 'desk-phu-xuan');
    tokens.kimLongDesk = await tokenFor('desk-officer', KIM_LONG, '46', 'desk-kim-long');
    tokens.phuXuanSpecialist = await tokenFor('specialist', PHU_XUAN, '46', 'specialist-phu-xuan');
    tokens.provinceLeader = await tokenFor('province-leader', undefined, '46', 'leader-46');

    // Online filings through the morning, two a minute (equal filing times are told apart by id),
    // to Phú Xuân's desk and to Kim Long's; between them, Phú Xuân's desk receives at its counter.
    for (let n = 0; n < 30; n += 1) {
      if (n % 2 === 0) clock.advance(60_000);
      const citizen = n % 3 === 0 ? MINH : LAN;
      await file(tokens[citizen === LAN ? 'lan' : 'minh']!, n % 5 === 4 ? KIM_LONG : PHU_XUAN, citizen, 'online');
      if (n % 10 === 0) await file(tokens.phuXuanDesk!, PHU_XUAN, LAN, 'counter');
    }
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it("gives Phú Xuân's desk its own online filings waiting for reception, oldest first, 10 a page, each once", async () => {
    const pages = await everyPage(tokens.phuXuanDesk!, { status: 1, limit: 10 });
    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 4]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const items = pages.flatMap((page) => page.items);
    expect(idsOf(items)).toEqual(
      filedIds((dossier) => dossier.receivingUnitCode === PHU_XUAN && dossier.channel === 'online'),
    );
    expect(items.every((item) => item.status === 1 && item.receivingUnitCode === PHU_XUAN)).toBe(true);
    expect(oldestFirst(items)).toBe(true);
    // The applicant's ID number stays masked in the list.
    expect(items.every((item) => /^\*{9}\d{3}$/.test(item.applicant.citizenId))).toBe(true);
  });

  it("gives Kim Long's desk only Kim Long's, the province every desk's, and a specialist none yet", async () => {
    const kimLong = await allItems(tokens.kimLongDesk!, { status: 1 });
    expect(idsOf(kimLong)).toEqual(filedIds((dossier) => dossier.receivingUnitCode === KIM_LONG));
    expect(oldestFirst(kimLong)).toBe(true);
    const province = await allItems(tokens.provinceLeader!, { status: 1, limit: 7 });
    expect(idsOf(province)).toEqual(filedIds((dossier) => dossier.channel === 'online'));
    expect(oldestFirst(province)).toBe(true);
    // Before reception no unit processes an online filing: nothing of it in the unit's list.
    expect(await allItems(tokens.phuXuanSpecialist!, { status: 1 })).toEqual([]);
  });

  it("lists everything filed at the desk without a status: the counter's receptions too", async () => {
    const all = await allItems(tokens.phuXuanDesk!, { limit: 200 });
    expect(idsOf(all)).toEqual(filedIds((dossier) => dossier.receivingUnitCode === PHU_XUAN));
    expect(oldestFirst(all)).toBe(true);
    expect(new Set(all.map((item) => item.status))).toEqual(new Set([1, 2]));
  });

  it('drops a filing from the waiting list once the desk receives it, or refuses it', async () => {
    const [oldest, second] = (await list(tokens.phuXuanDesk!, { status: 1, limit: 2 }).expect(200)).body
      .items as ListedDossier[];
    const decide = (code: string, body: object) =>
      request(running.url)
        .post(`/api/v1/dossiers/${code}/intake-decision`)
        .auth(tokens.phuXuanDesk!, { type: 'bearer' })
        .send(body)
        .expect(200);
    await decide(oldest!.code, { decision: 'receive' });
    await decide(second!.code, { decision: 'refuse', reason: 'Sai thủ tục, đề nghị nộp thủ tục khác' });

    const waiting = await allItems(tokens.phuXuanDesk!, { status: 1 });
    expect(waiting).toHaveLength(22);
    expect(waiting.map((item) => item.id)).not.toContain(oldest!.id);
    expect(waiting.map((item) => item.id)).not.toContain(second!.id);
    expect((await allItems(tokens.phuXuanDesk!, { status: 2 })).map((item) => item.id)).toContain(oldest!.id);
  });

  it("finds a citizen's dossiers by ID number within the caller's reach, newest first, paged", async () => {
    const pages = await everyPage(tokens.phuXuanDesk!, { citizenId: MINH.citizenId, limit: 3 });
    const items = pages.flatMap((page) => page.items);
    const expected = filedIds(
      (dossier) => dossier.citizenId === MINH.citizenId && dossier.receivingUnitCode === PHU_XUAN,
    );
    expect(idsOf(items)).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 3));
    expect(oldestFirst([...items].reverse())).toBe(true);
    expect(items.every((item) => item.applicant.citizenId === '*********876')).toBe(true);

    const waiting = await allItems(tokens.kimLongDesk!, { citizenId: MINH.citizenId, status: 1 });
    expect(idsOf(waiting)).toEqual(
      filedIds((dossier) => dossier.citizenId === MINH.citizenId && dossier.receivingUnitCode === KIM_LONG),
    );
  });

  it("gives a signed-in citizen the dossiers they filed online under their account, newest first, paged: nobody else's, none the desk filed for them", async () => {
    const pages = await everyPage(tokens.lan!, { limit: 4 });
    const items = pages.flatMap((page) => page.items);
    expect(idsOf(items)).toEqual(
      filedIds((dossier) => dossier.citizenId === LAN.citizenId && dossier.channel === 'online'),
    );
    expect(pages.length).toBe(Math.ceil(items.length / 4));
    expect(oldestFirst([...items].reverse())).toBe(true);
    const minh = await allItems(tokens.minh!, {});
    expect(idsOf(minh)).toEqual(
      filedIds((dossier) => dossier.citizenId === MINH.citizenId && dossier.channel === 'online'),
    );
    // A citizen finds nobody by ID number, themselves included: that search is the officers'.
    expect((await list(tokens.lan!, { citizenId: MINH.citizenId }).expect(200)).body.items).toEqual([]);
    expect((await list(tokens.lan!, { citizenId: LAN.citizenId }).expect(200)).body.items).toEqual([]);
  });

  it('refuses the lists to a unit claim without an officer role', async () => {
    const noRole = await list(await tokenWithRoles([], PHU_XUAN, '46', 'no-role'), { status: 1 }).expect(403);
    expect(noRole.headers['content-type']).toMatch(/^application\/problem\+json/);
    const elsewhere = await list(await tokenFor('desk-officer', PHU_XUAN, '01', 'desk-claiming-hue-under-hanoi'), {
      status: 1,
    }).expect(200);
    expect(elsewhere.body.items).toEqual([]);
  });

  it.each([
    ['status', { status: 0 }],
    ['status', { status: 11 }],
    ['status', { status: 'waiting' }],
    ['limit', { limit: 0 }],
    ['limit', { limit: 201 }],
    ['cursor', { cursor: '%%%' }],
    [
      'cursor',
      {
        cursor: Buffer.from(
          JSON.stringify(['2026-02-30T00:00:00.000Z', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b']),
        ).toString('base64url'),
      },
    ],
    [
      'cursor',
      { cursor: Buffer.from(JSON.stringify(['2026-11-24T01:00:00.000Z', "1' OR '1'='1"])).toString('base64url') },
    ],
    ['citizenId', { citizenId: '12345' }],
    ['citizenId', { citizenId: '999095001234' }],
    ['unit', { unit: PHU_XUAN }],
  ])('refuses a bad %s with 400 problem+json naming it', async (field, query) => {
    const response = await list(tokens.phuXuanDesk!, query).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(new Set(response.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set([field]));
  });
});
