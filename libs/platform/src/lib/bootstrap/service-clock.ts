import { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { SharedSimulatedClock } from '../clock/shared-simulated-clock';
import { PlatformEnv } from '../config/platform-env';

/**
 * The clock the settings ask for when the caller gives none: the shared simulated clock with
 * CLOCK=simulated; otherwise none, and the platform module uses the system clock.
 */
export async function connectConfiguredClock(env: PlatformEnv): Promise<SharedSimulatedClock | undefined> {
  return env.CLOCK === 'simulated' ? SharedSimulatedClock.connect(env.REDIS_URL, { key: env.CLOCK_KEY }) : undefined;
}

class ClockCloser implements OnApplicationShutdown {
  constructor(private readonly clock: SharedSimulatedClock) {}

  async onApplicationShutdown(): Promise<void> {
    await this.clock.close();
  }
}

/**
 * The service's module, closing on shutdown the clock the app connected itself. A clock passed
 * in belongs to its caller (a test may share one among several services) and is left open.
 */
export function closingClockOnShutdown(module: DynamicModule, clock: SharedSimulatedClock): DynamicModule {
  return {
    ...module,
    providers: [...(module.providers ?? []), { provide: ClockCloser, useValue: new ClockCloser(clock) }],
  };
}
