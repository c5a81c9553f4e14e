/* The reporting read model the benchmarks query: province 46's dossiers of 2026, filled by SQL. */
import { DOSSIER_STATUS } from '@onestop/contracts';
import { fieldCodeOf, monthlyRollupSql, openStockChangesSql } from '@onestop/reporting';
import { DataSource } from 'typeorm';

/** The local broker of the reporting benchmarks: the backlog's for bench:reporting, a consumer's start for bench:dashboard. */
export const BENCH_BROKER = { name: 'bench', port: 19292 };

/** How many dossiers the read model is filled with. */
export const DOSSIERS = Number(process.env['BENCH_DOSSIERS'] ?? 10_000_000);
export const COMMUNES = 40;
/** The communes' codes: 19753 and the next ones. */
export const FIRST_COMMUNE = 19753;
export const PROCEDURES = ['HKD-DANGKY', 'HT-KHAISINH', 'HT-KETHON', 'CT-XACNHAN-CUTRU'];
/** The reported year in Huế: local midnight to local midnight. */
export const YEAR = {
  from: '2026-01-01',
  to: '2026-12-31',
  start: new Date('2026-01-01T00:00:00+07:00'),
  end: new Date('2027-01-01T00:00:00+07:00'),
};
export const SECONDS_IN_YEAR = 365 * 86_400;
const FILL_CHUNK = 200_000;

/** A benchmark's own connection to the read model. */
export type Query = DataSource['query'];

/**
 * Dossiers [from, to] of province 46, received over 2026, with their counters computed from the
 * very rows inserted (receipts on the local day of receipt, results on the local day of the result,
 * both for the processing unit), so facts and counters describe the same dossiers. 97 % have a
 * result, after up to ten days for a three-day deadline; the rest are still in processing.
 */
async function fillChunk(query: Query, from: number, to: number): Promise<void> {
  await query(
    `WITH generated AS (
       SELECT i, (${FIRST_COMMUNE} + i % ${COMMUNES})::text AS unit, ($3::text[])[1 + (i / ${COMMUNES}) % cardinality($3::text[])] AS procedure,
              $1::timestamptz + ((i::bigint * 7919) % ${SECONDS_IN_YEAR}) * interval '1 second' AS received_at,
              ((i::bigint * 104729) % 7200)::int AS minutes
         FROM generate_series($4::int, $5::int) AS i
     ), facts AS (
       INSERT INTO dossier_facts (dossier_id, code, province_code, receiving_unit_code, unit_code, procedure_code, field_code, channel,
                                  received_at, due_at, status, finished_at, on_time, processing_minutes, assignee_id, last_action, last_event_at)
       SELECT gen_random_uuid(), unit || '-260101-' || lpad((i % 10000)::text, 4, '0'), '46', unit, unit, procedure,
              ($2::text[])[1 + (i / ${COMMUNES}) % cardinality($3::text[])], CASE WHEN i % 10 < 4 THEN 'online' ELSE 'counter' END,
              received_at, received_at + interval '3 days', CASE WHEN resolved THEN ${DOSSIER_STATUS.done} ELSE ${DOSSIER_STATUS.processing} END,
              CASE WHEN resolved THEN finished_at END, CASE WHEN resolved THEN finished_at <= received_at + interval '3 days' END,
              CASE WHEN resolved THEN minutes END, 'officer-' || (i % 7), CASE WHEN resolved THEN 'result-signed' ELSE 'accept' END,
              CASE WHEN resolved THEN finished_at ELSE received_at END
         FROM generated, LATERAL (SELECT i % 100 < 97 AS resolved, received_at + minutes * interval '2 minutes' AS finished_at) AS outcome
       RETURNING unit_code, procedure_code, channel, received_at, finished_at, on_time, processing_minutes
     ), counted AS (
       SELECT unit_code, procedure_code, (received_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS day,
              1 AS received, (channel = 'online')::int AS received_online, 0 AS resolved, 0 AS on_time, 0 AS late, 0 AS minutes
         FROM facts
       UNION ALL
       SELECT unit_code, procedure_code, (finished_at AT TIME ZONE 'UTC' + interval '7 hours')::date,
              0, 0, 1, on_time::int, (NOT on_time)::int, processing_minutes
         FROM facts WHERE finished_at IS NOT NULL
     )
     INSERT INTO daily_counters (province_code, unit_code, procedure_code, day, received, received_online, resolved, resolved_on_time, resolved_late, processing_minutes_sum)
     SELECT '46', unit_code, procedure_code, day, sum(received), sum(received_online), sum(resolved), sum(on_time), sum(late), sum(minutes)
       FROM counted GROUP BY unit_code, procedure_code, day
     ON CONFLICT (province_code, unit_code, procedure_code, day) DO UPDATE SET
       received = daily_counters.received + EXCLUDED.received, received_online = daily_counters.received_online + EXCLUDED.received_online,
       resolved = daily_counters.resolved + EXCLUDED.resolved, resolved_on_time = daily_counters.resolved_on_time + EXCLUDED.resolved_on_time,
       resolved_late = daily_counters.resolved_late + EXCLUDED.resolved_late,
       processing_minutes_sum = daily_counters.processing_minutes_sum + EXCLUDED.processing_minutes_sum`,
    [YEAR.start, PROCEDURES.map((code) => fieldCodeOf(code)), PROCEDURES, from, to],
  );
}

/** Replaces whatever the projection left with `dossiers` facts and their counters; seconds taken. */
export async function fillReadModel(query: Query, dossiers: number): Promise<number> {
  const began = performance.now();
  await query('TRUNCATE dossier_facts, daily_counters, monthly_counters, read_model_freshness');
  // In chunks: one statement for ten million rows would pass the connection's statement timeout.
  for (let from = 1; from <= dossiers; from += FILL_CHUNK)
    await fillChunk(query, from, Math.min(dossiers, from + FILL_CHUNK - 1));
  // The open-stock changes by the migration's own statement, one commune at a time (statement timeout).
  for (let unit = 0; unit < COMMUNES; unit++) {
    await query(
      openStockChangesSql(
        `(SELECT * FROM dossier_facts WHERE province_code = '46' AND unit_code = '${FIRST_COMMUNE + unit}')`,
      ),
    );
  }
  await query(monthlyRollupSql(`province_code = '46'`));
  // As if the projection had just written the latest of these dossiers' events.
  await query('INSERT INTO read_model_freshness (connection, last_event_at) VALUES (pg_backend_pid(), now())');
  await query('ANALYZE dossier_facts');
  await query('ANALYZE daily_counters');
  await query('ANALYZE monthly_counters');
  return (performance.now() - began) / 1000;
}
