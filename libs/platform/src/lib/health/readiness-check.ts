import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** One dependency the service needs before it takes traffic. */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}

/** Runs a probe with a deadline and reports it up or down under `key`. */
export async function probe(
  indicators: HealthIndicatorService,
  key: string,
  timeoutMs: number,
  run: () => Promise<unknown>,
): Promise<HealthIndicatorResult> {
  const indicator = indicators.check(key);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([run(), deadline]);
    return indicator.up();
  } catch (error) {
    return indicator.down({ message: (error as Error).message });
  } finally {
    clearTimeout(timer);
  }
}
