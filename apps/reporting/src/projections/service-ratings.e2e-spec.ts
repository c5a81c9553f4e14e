import { EventEnvelope, ServiceRated, TOPICS } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { PlatformEnv } from '@onestop/platform';
import {
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Admin, Kafka, logLevel, Producer, RecordMetadata } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { reportingSchema } from '../database/schema';
import { rebuildReadModel } from '../rebuild/read-model-rebuild';
import { reportingService } from '../service';

/** Own unit codes, so another suite's events on the shared topics never land in these rows. */
const RECEIVING = `R${randomBytes(3).toString('hex').toUpperCase()}`;
const PROCESSING = `P${randomBytes(3).toString('hex').toUpperCase()}`;
const BUSINESS = 'HKD-DANGKY';
const BIRTH = 'HT-KHAISINH';
const PERIOD = 'from=2026-11-24&to=2026-11-30';

/** A rating as intake publishes it: filed at RECEIVING, processed by PROCESSING, rated at `at`. */
function rating(score: number, at: string, procedureCode = BUSINESS, hasComment = false) {
  const dossierId = randomUUID();
  return createEvent(
    ServiceRated,
    dossierId,
    {
      dossierId,
      code: `${RECEIVING}-261124-${String(score).padStart(4, '0')}`,
      provinceCode: '46',
      receivingUnitCode: RECEIVING,
      unitCode: PROCESSING,
      procedureCode,
      score,
      hasComment,
      ratedAt: new Date(at).toISOString(),
    },
    { source: 'intake', actor: { kind: 'system', id: 'public-rating' }, correlationId: dossierId, causationId: null },
    new Date(at),
  );
}

// Huế is UTC+7. 25 November 09:00 local, 26 November 00:30 local (still the 25th in UTC), 30 November 16:00 local.
const five = rating(5, '2026-11-25T02:00:00Z', BUSINESS, true);
const four = rating(4, '2026-11-25T17:30:00Z', BIRTH);
const two = rating(2, '2026-11-30T09:00:00Z', BUSINESS, true);

/**
 * Reporting against the real Kafka and PostgreSQL: `ServiceRated` events change the satisfaction
 * counts, indicator and 766 points of the unit that processed the dossiers, each event once.
 */
describe("the applicants' ratings in the leaders' indicators", () => {
  jest.setTimeout(120_000);
  let reporting: ServiceUnderTest<PlatformEnv>;
  let producer: Producer;
  let admin: Admin;
  const tokens = { province: '', processingLeader: '' };

  const body = async (path: string, token = tokens.province) =>
    (await request(reporting.url).get(path).auth(token, { type: 'bearer' }).expect(200)).body;
  const rowOf = async (unit: string, extra = '') =>
    (await body(`/api/v1/indicators?${PERIOD}&unit=${unit}${extra}`)).rows[0];
  const publish = async (events: EventEnvelope[]) => {
    const sent: RecordMetadata[] = [];
    for (const event of events) sent.push(...(await publishEvents(producer, TOPICS.dossier, [event])));
    return sent;
  };
  /** Until reporting's consumer has committed past what was published: applied, or found applied already. */
  const consumed = (sent: RecordMetadata[]) =>
    waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({
          groupId: reporting.env.KAFKA_GROUP_ID!,
          topics: [TOPICS.dossier],
        });
        return sent.every(
          ({ partition, baseOffset }) =>
            Number(offsets.partitions.find((p) => p.partition === partition)?.offset ?? -1) > Number(baseOffset),
        );
      },
      30_000,
      "reporting's consumer to pass the published events",
    );

  beforeAll(async () => {
    reporting = await startServiceWithDatabase(reportingService, reportingSchema, { KAFKA_CONSUMER_START: 'latest' });
    const kafka = new Kafka({
      clientId: 'reporting-ratings-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    [producer, admin] = [kafka.producer(), kafka.admin()];
    await Promise.all([producer.connect(), admin.connect()]);
    tokens.province = await tokenFor('province-leader', undefined, '46', 'province-leader-46');
    tokens.processingLeader = await tokenFor('unit-leader', PROCESSING, '46', `leader-${PROCESSING}`);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    await reporting?.close();
  });

  it('has nothing to rate the unit on before any rating: the ratings half of 5.4 is unassessed', async () => {
    const row = await rowOf(PROCESSING);
    expect(row.counts).toMatchObject({ ratings: 0, ratingPointsSum: 0, satisfiedRatings: 0 });
    expect(row.indicators.satisfiedRatingShare).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(
      row.score.indicators.find((indicator: { id: string }) => indicator.id === 'satisfaction.ratedSatisfied'),
    ).toMatchObject({ points: 0, assessed: false });
  });

  it('counts the ratings for the unit that processed the dossiers, with the share of satisfied ones scored against its target', async () => {
    await publish([five, four, two]);
    await waitFor(
      async () => (await rowOf(PROCESSING)).counts.ratings === 3,
      30_000,
      'the three ratings in the indicators',
    );

    const row = await rowOf(PROCESSING);
    // 5, 4 and 2 stars: 11 points, two satisfied (4 and up).
    expect(row.counts).toMatchObject({ ratings: 3, ratingPointsSum: 11, satisfiedRatings: 2 });
    expect(row.indicators.satisfiedRatingShare).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(row.indicators.averageRatingScore).toEqual({ numerator: 11, denominator: 3, value: 11 / 3 });
    // 2/3 against the 0.9 target, of 3 points: 0.667 / 0.9 × 3 = 2.22.
    expect(
      row.score.indicators.find((indicator: { id: string }) => indicator.id === 'satisfaction.ratedSatisfied'),
    ).toEqual({
      id: 'satisfaction.ratedSatisfied',
      group: 'satisfaction',
      ratio: { numerator: 2, denominator: 3, value: 2 / 3 },
      target: 0.9,
      maxPoints: 3,
      points: 2.22,
      assessed: true,
    });
    expect(row.score.groups.find((group: { group: string }) => group.group === 'satisfaction')).toEqual({
      group: 'satisfaction',
      points: 2.22,
      maxPoints: 6,
      assessedMaxPoints: 3,
    });
    expect(row.score.total).toMatchObject({ points: 2.22, assessedMaxPoints: 3 });

    // Not for the desk that received them, and no dossier received or resolved anywhere because of them.
    expect((await rowOf(RECEIVING)).counts).toMatchObject({ ratings: 0, received: 0, resolved: 0 });
    expect(row).toMatchObject({ receivedHere: 0, resolvedHere: 0 });
    // The unit's leader sees the same.
    expect((await body(`/api/v1/indicators?${PERIOD}`, tokens.processingLeader)).rows[0].counts).toMatchObject({
      ratings: 3,
      satisfiedRatings: 2,
    });
  });

  it('counts a rating on the local day it was given, and under its procedure', async () => {
    const { rows } = await body(`/api/v1/indicators?${PERIOD}&unit=${PROCESSING}&groupBy=day`);
    const day = (key: string) => rows.find((row: { key: string }) => row.key === key).counts;
    // 25 November 17:30 UTC is 26 November 00:30 in Huế.
    expect(
      [day('2026-11-25'), day('2026-11-26'), day('2026-11-30')].map(({ ratings, satisfiedRatings }) => ({
        ratings,
        satisfiedRatings,
      })),
    ).toEqual([
      { ratings: 1, satisfiedRatings: 1 },
      { ratings: 1, satisfiedRatings: 1 },
      { ratings: 1, satisfiedRatings: 0 },
    ]);
    const byProcedure = await body(`/api/v1/indicators?${PERIOD}&unit=${PROCESSING}&groupBy=procedure`);
    expect(
      byProcedure.rows.map((row: { key: string; counts: { ratings: number; ratingPointsSum: number } }) => [
        row.key,
        row.counts.ratings,
        row.counts.ratingPointsSum,
      ]),
    ).toEqual([
      [BUSINESS, 2, 7],
      [BIRTH, 1, 4],
    ]);
    // The whole month reads the monthly rows: the same three.
    expect(
      (await body(`/api/v1/indicators?from=2026-11-01&to=2026-11-30&unit=${PROCESSING}`)).rows[0].counts,
    ).toMatchObject({ ratings: 3, ratingPointsSum: 11, satisfiedRatings: 2 });
  });

  it('counts a rating delivered twice once', async () => {
    const before = await rowOf(PROCESSING);
    await consumed(await publish([five, two]));
    const after = await rowOf(PROCESSING);
    expect(after.counts).toEqual(before.counts);
    expect(after.score).toEqual(before.score);
  });

  it('puts the ratings in the CSV beside the other counts', async () => {
    const response = await request(reporting.url)
      .get(`/api/v1/indicators?${PERIOD}&unit=${PROCESSING}&format=csv`)
      .auth(tokens.province, { type: 'bearer' })
      .expect(200);
    const [header, line] = response.text.replace(/^\uFEFF/, '').split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((name, index) => [name, line.split(',')[index]]));
    expect(cells).toMatchObject({
      'Lượt đánh giá': '3',
      'Đánh giá hài lòng': '2',
      'Tỷ lệ hài lòng': String(2 / 3),
      'Điểm đánh giá trung bình': String(11 / 3),
      'Điểm 766': '2.22',
      'Điểm tối đa được đánh giá': '3',
    });
  });

  it('keeps no comment, nor whether there was one, in the read model', async () => {
    const columns: Array<{ table_name: string; column_name: string }> = await reporting.database.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name ~ 'comment'`,
    );
    expect(columns).toEqual([]);
  });

  // Last: it switches the service to a rebuilt read model.
  it('counts the same ratings, once each, after the read model is rebuilt from the log', async () => {
    // The rebuild replays every suite's events on the shared topics: the data's time moves on, the ratings must not.
    const views = () =>
      Promise.all(
        [
          `/api/v1/indicators?${PERIOD}&unit=${PROCESSING}&groupBy=day`,
          `/api/v1/indicators?${PERIOD}&unit=${PROCESSING}&groupBy=procedure`,
        ].map(async (path) => ({
          ...(await body(path)),
          dataAsOf: null,
        })),
      );
    const before = await views();
    await rebuildReadModel(reporting.env);
    expect(await views()).toEqual(before);
    expect((await rowOf(PROCESSING)).counts).toMatchObject({ ratings: 3, ratingPointsSum: 11, satisfiedRatings: 2 });
  });
});
