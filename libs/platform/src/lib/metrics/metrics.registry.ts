import { collectDefaultMetrics, Counter, Gauge, Histogram, Metric, Registry } from 'prom-client';

/**
 * The service's Prometheus registry. One per application (not prom-client's global), so several
 * services can run in one test process without their metrics colliding. Asking twice for a
 * metric of the same name returns the one already registered.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.existing(name) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    collect?: (this: Gauge<L>) => Promise<void>,
  ): Gauge<L> {
    return (
      this.existing(name) ??
      new Gauge({ name, help, labelNames, registers: [this.registry], ...(collect ? { collect } : {}) })
    );
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    return this.existing(name) ?? new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  private existing<M extends Metric>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
