import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Series of Strimzi's Kafka Exporter the dashboard reads (its documented metric names). */
export const KAFKA_EXPORTER_METRICS = ['kafka_consumergroup_lag', 'kafka_topic_partition_current_offset'];

interface Dashboard {
  panels: { title: string; targets?: { expr: string }[] }[];
}

const PROMQL_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
]);

/**
 * The metric names one PromQL expression reads: every identifier left once label matchers,
 * grouping label lists, strings and range durations are taken out, other than keywords and the
 * names of functions and aggregations (those are followed by a parenthesis).
 */
export function metricsReadByExpression(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/(?<![\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![a-zA-Z0-9_:]|\s*\()/g)]
    .map((match) => match[1])
    .filter((name) => !PROMQL_KEYWORDS.has(name));
}

/** The metric names a Grafana dashboard's queries read. */
export function metricsReadBy(dashboard: Dashboard): string[] {
  const names = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) => metricsReadByExpression(target.expr)),
  );
  return [...new Set(names)];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** The series the services export: every metric registered in the code, histograms with their _bucket, _count and _sum. */
export function metricsExportedByCode(sourceDirectories: string[]): string[] {
  return sourceDirectories
    .flatMap(sourceFiles)
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\.(counter|gauge|histogram)\(\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g)].flatMap(
        ([, type, name]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name]),
      ),
    );
}

type CustomQueries = Record<string, { metrics: Record<string, { usage: string }>[] }>;

/** The series CloudNativePG's exporter makes of custom queries: cnpg_<query>_<column>. */
export function metricsOfCustomQueries(queriesYaml: string): string[] {
  const queries = parse(queriesYaml) as CustomQueries;
  return Object.entries(queries).flatMap(([query, { metrics }]) =>
    metrics.flatMap((metric) =>
      Object.entries(metric)
        .filter(([, { usage }]) => usage !== 'LABEL')
        .map(([column]) => `cnpg_${query}_${column}`),
    ),
  );
}
