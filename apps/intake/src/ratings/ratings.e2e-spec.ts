import { DossierRouted, DossierStatusChanged, DossierStatusCode, EventEnvelope, TOPICS } from '@onestop/contracts';
import { createEvent, EventOrigin } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import {
  publishEvents,
  readTopic,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';
const KIM_LONG = '19774';
const PHONE = '0914765432';
const RIGHT = '5432';
const NAME = 'Trần Thị Hoa';
const COMMENT = 'Cán bộ hướng dẫn tận tình, nhưng phải chờ lâu ở quầy.';
const PROBLEMS = 'https://onestop.gov.vn/problems/';

const filing = {
  procedureCode: 'HKD-DANGKY',
  receivingUnitCode: PHU_XUAN,
  channel: 'counter',
  applicant: {
    name: NAME,
    citizenId: '046190004321',
    phone: PHONE,
    address: { line: '12 Kim Long', communeCode: KIM_LONG },
  },
  documents: [
    { type: 'registration-application', fileName: 'don.pdf', sha256: randomBytes(32).toString('hex'), size: 80_000 },
  ],
};

interface Filed {
  id: string;
  code: string;
}

/** Routing's actions, as its officers at Kim Long took them. */
const routingOrigin = (dossierId: string): EventOrigin => ({
  source: 'routing',
  actor: { kind: 'user', id: 'specialist-kim-long', roles: ['specialist'], unitCode: KIM_LONG },
  correlationId: dossierId,
  causationId: null,
});

/**
 * Intake on its own against the real PostgreSQL, Redis and Kafka: the applicant rates the service
 * on the public look-up once routing has handed the result over, once per dossier.
 */
describe('the applicant rates the service once the result is handed over', () => {
  jest.setTimeout(60_000);
  // Tuesday 24 November 2026, 09:00 in Huế.
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let intake: ServiceUnderTest<IntakeEnv>;
  let producer: Producer;
  let desk = '';

  beforeAll(async () => {
    intake = await startServiceWithDatabase(
      intakeService,
      intakeSchema,
      {
        KAFKA_CONSUMER_START: 'latest',
        LOOKUP_MAX_WRONG_TRIES: '3',
        RATE_LIMIT_KEY_PREFIX: `onestop:ratelimit:test-${randomBytes(6).toString('hex')}`,
      },
      { clock },
    );
    producer = new Kafka({
      clientId: 'intake-e2e-ratings',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    desk = await tokenFor('desk-officer', PHU_XUAN, '46', `desk-${randomBytes(3).toString('hex')}`);
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await intake?.close();
  }, 30_000);

  const file = async (): Promise<Filed> =>
    (await request(intake.url).post('/api/v1/dossiers').auth(desk, { type: 'bearer' }).send(filing).expect(201)).body;
  const rate = (code: string, body: object) => request(intake.url).post(`/api/v1/dossiers/${code}/rating`).send(body);
  const lookUp = async (code: string) =>
    (await request(intake.url).get(`/api/v1/dossiers/${code}/status?phone=${RIGHT}`).expect(200)).body;
  const ratings = (dossierId: string): Promise<Array<{ score: number; comment: string | null }>> =>
    intake.database.dataSource.query('SELECT score, comment FROM service_ratings WHERE dossier_id = $1', [dossierId]);
  const statusOf = async (dossierId: string) =>
    Number(
      (await intake.database.dataSource.query('SELECT status FROM dossiers WHERE id = $1', [dossierId]))[0].status,
    );

  const change = (
    dossier: Filed,
    from: DossierStatusCode,
    to: DossierStatusCode,
    action: string,
    resultChannel: 'counter' | null = null,
  ) =>
    createEvent(
      DossierStatusChanged,
      dossier.id,
      {
        dossierId: dossier.id,
        code: dossier.code,
        provinceCode: '46',
        procedureCode: 'HKD-DANGKY',
        receivingUnitCode: PHU_XUAN,
        unitCode: KIM_LONG,
        from,
        to,
        action,
        reason: null,
        dueAt: null,
        resultChannel,
      },
      routingOrigin(dossier.id),
      clock.now(),
    );

  /** Routing accepts the dossier at Kim Long, has its result signed and hands it over at the counter; intake follows. */
  const handOver = async (dossier: Filed) => {
    await publishEvents(producer, TOPICS.dossier, [
      change(dossier, 2, 4, 'accept'),
      change(dossier, 4, 9, 'result-signed'),
      change(dossier, 9, 10, 'return-result', 'counter'),
    ]);
    await waitFor(async () => (await statusOf(dossier.id)) === 10, 20_000, 'intake to see the hand-over');
  };

  /**
   * The dossier's events on Kafka up to a marker published once intake's outbox is empty: every
   * event intake published about it is then before the marker, on the dossier's partition.
   */
  const publishedAbout = async (dossier: Filed): Promise<EventEnvelope[]> => {
    await waitFor(
      async () =>
        Number((await intake.database.dataSource.query('SELECT count(*) AS n FROM messaging_outbox'))[0].n) === 0,
      20_000,
      "intake's outbox to be relayed",
    );
    const marker = createEvent(
      DossierRouted,
      dossier.id,
      { dossierId: dossier.id, code: dossier.code, unitCode: KIM_LONG, assigneeId: null, dueAt: null },
      routingOrigin(dossier.id),
      clock.now(),
    );
    await publishEvents(producer, TOPICS.dossier, [marker]);
    const messages = await readTopic(
      TOPICS.dossier,
      (key) => key === dossier.id,
      (read) => read.some((message) => message.value.includes(marker.id)),
    );
    return messages.map((message) => JSON.parse(message.value) as EventEnvelope);
  };

  let rated: Filed;

  it('refuses a rating before the result is handed over, with a 409 that says so, and the look-up offers none', async () => {
    const dossier = await file();
    const early = await rate(dossier.code, { phone: RIGHT, score: 5 }).expect(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body).toMatchObject({ type: `${PROBLEMS}conflict/not-handed-over`, status: 409, dossierStatus: 2 });
    expect((await lookUp(dossier.code)).rating).toEqual({ canRate: false, rated: false, score: null });

    // Ready (9) is not handed over (10) either.
    await publishEvents(producer, TOPICS.dossier, [
      change(dossier, 2, 4, 'accept'),
      change(dossier, 4, 9, 'result-signed'),
    ]);
    await waitFor(async () => (await statusOf(dossier.id)) === 9, 20_000, 'intake to see the result ready');
    expect((await rate(dossier.code, { phone: RIGHT, score: 5 }).expect(409)).body).toMatchObject({
      type: `${PROBLEMS}conflict/not-handed-over`,
      dossierStatus: 9,
    });
    expect(await ratings(dossier.id)).toEqual([]);
  });

  it('takes the rating once the result is handed over, shows it in the look-up and publishes ServiceRated without the comment', async () => {
    rated = await file();
    await handOver(rated);
    expect((await lookUp(rated.code)).rating).toEqual({ canRate: true, rated: false, score: null });

    // Monday 30 November, 10:00: the applicant rates on the look-up page.
    clock.set(new Date('2026-11-30T10:00:00+07:00'));
    const response = await rate(rated.code, { phone: RIGHT, score: 4, comment: `  ${COMMENT}  ` }).expect(201);
    expect(response.body).toEqual({ code: rated.code, score: 4, hasComment: true, ratedAt: clock.now().toISOString() });
    expect(await ratings(rated.id)).toEqual([{ score: 4, comment: COMMENT }]);
    expect((await lookUp(rated.code)).rating).toEqual({ canRate: false, rated: true, score: 4 });

    const events = (await publishedAbout(rated)).filter((event) => event.type === 'ServiceRated');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      version: 1,
      source: 'intake',
      subject: rated.id,
      occurredAt: clock.now().toISOString(),
      actor: { kind: 'system', id: 'public-rating' },
      payload: {
        dossierId: rated.id,
        code: rated.code,
        provinceCode: '46',
        receivingUnitCode: PHU_XUAN,
        unitCode: KIM_LONG,
        procedureCode: 'HKD-DANGKY',
        score: 4,
        hasComment: true,
        ratedAt: clock.now().toISOString(),
      },
    });
    // Neither the comment nor anything of the applicant leaves intake.
    const published = JSON.stringify(events[0]);
    for (const personal of [COMMENT, 'Cán bộ', NAME, PHONE, RIGHT + '"']) expect(published).not.toContain(personal);
  });

  it('refuses a second rating with a 409 and keeps the first', async () => {
    const again = await rate(rated.code, { phone: RIGHT, score: 1, comment: 'Đổi ý' }).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({
      type: `${PROBLEMS}conflict/already-rated`,
      status: 409,
      rating: { code: rated.code, score: 4, hasComment: true },
    });
    expect(await ratings(rated.id)).toEqual([{ score: 4, comment: COMMENT }]);
    expect((await lookUp(rated.code)).rating).toEqual({ canRate: false, rated: true, score: 4 });
    expect((await publishedAbout(rated)).filter((event) => event.type === 'ServiceRated')).toHaveLength(1);
  });

  it('stores one rating, and publishes one event, of several submitted at once', async () => {
    const dossier = await file();
    await handOver(dossier);
    // As many at once as the look-up lets through (LOOKUP_MAX_WRONG_TRIES tries in flight per code; beyond, 429).
    const scores = [2, 5, 3];
    const responses = await Promise.all(scores.map((score) => rate(dossier.code, { phone: RIGHT, score })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    for (const refused of responses.filter((response) => response.status === 409))
      expect(refused.body.type).toBe(`${PROBLEMS}conflict/already-rated`);
    const winner = responses.find((response) => response.status === 201)!.body.score;
    expect(await ratings(dossier.id)).toEqual([{ score: winner, comment: null }]);
    const events = (await publishedAbout(dossier)).filter((event) => event.type === 'ServiceRated');
    expect(events.map((event) => event.payload as { score: number; hasComment: boolean })).toEqual([
      expect.objectContaining({ score: winner, hasComment: false }),
    ]);
  });

  it.each([
    ['a score below 1', { phone: RIGHT, score: 0 }, { field: 'score', code: 'min', params: { min: 1 } }],
    ['a score above 5', { phone: RIGHT, score: 6 }, { field: 'score', code: 'max', params: { max: 5 } }],
    ['half a star', { phone: RIGHT, score: 4.5 }, { field: 'score', code: 'isInt' }],
    ['a score as text', { phone: RIGHT, score: '5' }, { field: 'score', code: 'isInt' }],
    ['no score', { phone: RIGHT }, { field: 'score', code: 'isInt' }],
    [
      'a comment of 1,001 characters',
      { phone: RIGHT, score: 5, comment: 'x'.repeat(1001) },
      { field: 'comment', code: 'maxLength', params: { max: 1000 } },
    ],
    ['a comment that is not text', { phone: RIGHT, score: 5, comment: 42 }, { field: 'comment', code: 'isString' }],
    ['phone digits that are not four digits', { phone: '54a2', score: 5 }, { field: 'phone', code: 'matches' }],
    [
      'a field the form does not have',
      { phone: RIGHT, score: 5, name: NAME },
      { field: 'name', code: 'whitelistValidation' },
    ],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_case, body, problem) => {
    const dossier = await file();
    await handOver(dossier);
    const response = await rate(dossier.code, body).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.type).toBe(`${PROBLEMS}bad-request/validation`);
    expect(response.body.errors).toContainEqual(expect.objectContaining(problem));
    expect(new Set(response.body.errors.map((error: { field: string }) => error.field))).toEqual(
      new Set([problem.field]),
    );
    expect(await ratings(dossier.id)).toEqual([]);
    expect((await lookUp(dossier.code)).rating).toEqual({ canRate: true, rated: false, score: null });
  });

  it("answers wrong digits with a 404, as the look-up does, and counts them as the look-up's wrong tries: the third locks both", async () => {
    const dossier = await file();
    await handOver(dossier);
    for (const digits of ['0000', '1111', '2222']) {
      const wrong = await rate(dossier.code, { phone: digits, score: 5 }).expect(404);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(wrong.body)).not.toContain(RIGHT);
    }
    // Locked for everyone, the right digits too, on the rating and on the status look-up alike.
    expect((await rate(dossier.code, { phone: RIGHT, score: 5 }).expect(429)).body).toMatchObject({
      type: `${PROBLEMS}too-many-requests/look-up-locked`,
      scope: 'code',
    });
    await request(intake.url).get(`/api/v1/dossiers/${dossier.code}/status?phone=${RIGHT}`).expect(429);
    expect(await ratings(dossier.id)).toEqual([]);

    // A code that does not exist is a 404 too.
    await rate(`${PHU_XUAN}-261124-9999`, { phone: RIGHT, score: 5 }).expect(404);
  });

  it('documents the operation and the look-up’s rating state in the OpenAPI document', async () => {
    const document = (await request(intake.url).get('/docs-json').expect(200)).body;
    const operation = document.paths['/api/v1/dossiers/{code}/rating'].post;
    expect(operation.summary).toMatch(/rates the service/);
    expect(Object.keys(operation.responses).sort()).toEqual(['201', '400', '404', '409', '413', '415', '429']);
    expect(operation.security).toEqual([]);
    expect(document.components.schemas.RateServiceDto.required.sort()).toEqual(['phone', 'score']);
    expect(document.components.schemas.PublicStatusDto.required).toContain('rating');
    expect(document.components.schemas.PublicStatusDto.properties.rating.allOf).toEqual([
      { $ref: '#/components/schemas/PublicRatingDto' },
    ]);
    expect(Object.keys(document.components.schemas.PublicRatingDto.properties).sort()).toEqual([
      'canRate',
      'rated',
      'score',
    ]);
  });
});
