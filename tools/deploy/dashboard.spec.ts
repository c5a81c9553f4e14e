import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KAFKA_EXPORTER_METRICS,
  metricsExportedByCode,
  metricsOfCustomQueries,
  metricsReadBy,
  metricsReadByExpression,
} from './dashboard-metrics';
import { ROOT } from './manifests';

const dashboard = JSON.parse(readFileSync(join(ROOT, 'k8s/base/monitoring/onestop-dashboard.json'), 'utf8'));
const customQueries = readFileSync(join(ROOT, 'k8s/base/postgres/queries.yaml'), 'utf8');

/** The Grafana dashboard shows what operators watch, from series that exist. */
describe('the Grafana dashboard', () => {
  it('has the panels the province IT team watches', () => {
    const titles = dashboard.panels.map((panel: { title: string }) => panel.title).join('\n');
    for (const subject of [
      /request rate/i,
      /latency/i,
      /consumer lag/i,
      /outbox backlog/i,
      /dead letters/i,
      /overdue dossiers/i,
    ])
      expect(titles).toMatch(subject);
  });

  it('reads only series that the services, the database exporter or the Kafka exporter produce', () => {
    const produced = new Set([
      ...metricsExportedByCode([join(ROOT, 'libs'), join(ROOT, 'apps')]),
      ...metricsOfCustomQueries(customQueries),
      ...KAFKA_EXPORTER_METRICS,
    ]);
    expect(produced).toContain('http_request_duration_seconds_bucket');
    expect(produced).toContain('inbox_events_dead_lettered_total');
    expect(produced).toContain('cnpg_overdue_dossiers');
    expect(metricsReadBy(dashboard).filter((metric) => !produced.has(metric))).toEqual([]);
  });

  it('reads the series of an expression with or without label matchers, and none of its functions, labels or keywords', () => {
    const renamed = {
      panels: [{ title: 'x', targets: [{ expr: 'sum(rate(http_requests_total{namespace="onestop"}[5m]))' }] }],
    };
    expect(metricsReadBy(renamed)).toEqual(['http_requests_total']);
    expect(
      metricsReadByExpression(
        'sum by (consumer_group) (rate(outbox_events_published_total[5m])) / ignoring(job) sum(up) > bool 0.5',
      ),
    ).toEqual(['outbox_events_published_total', 'up']);
    expect(
      metricsReadByExpression(
        'histogram_quantile(0.99, sum by (le, service) (rate(http_request_duration_seconds_bucket{route!~"/health.*"}[5m])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
  });

  it('would notice a panel reading a series nobody produces, with or without label matchers', () => {
    const produced = new Set(metricsExportedByCode([join(ROOT, 'libs'), join(ROOT, 'apps')]));
    const broken = {
      panels: [
        {
          title: 'x',
          targets: [
            { expr: 'sum(inbox_events_dead_letterd_total)' },
            { expr: 'rate(http_request_duration_seconds_count{a="b"}[1m])' },
          ],
        },
      ],
    };
    expect(metricsReadBy(broken).filter((metric) => !produced.has(metric))).toEqual([
      'inbox_events_dead_letterd_total',
    ]);
  });
});
