import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceName } from '@onestop/contracts';
import { Logger } from 'nestjs-pino';
import { Clock } from '../clock/clock';
import { SharedSimulatedClock } from '../clock/shared-simulated-clock';
import { ConfigError, loadConfig } from '../config/load-config';
import { PlatformEnv } from '../config/platform-env';
import { setupOpenApi } from '../openapi/openapi';
import { TokenVerifier } from '../auth/token-verifier';
import { requestEdge, LargeBodyRoute } from '../http/edge/request-edge';
import { corsOptions, noStoreByDefault, securityHeaders } from '../http/edge/response-headers';
import { closingClockOnShutdown, connectConfiguredClock } from './service-clock';
import { connectServiceTransport } from './service-transport';
import { serviceDefaults } from './service-defaults';

export interface ServiceDefinition<E extends PlatformEnv> {
  service: ServiceName;
  description: string;
  envClass: new () => E;
  /**
   * The application module; tests and the simulation may pass their own clock. A method, so a
   * service's definition with its own settings class fits where any definition is listed.
   */
  module(env: E, clock?: Clock): DynamicModule;
  /** Routes whose bodies are larger than small JSON (SMALL_JSON_LIMIT) or binary. */
  largeBodies?: LargeBodyRoute[];
}

/**
 * Builds the Nest application of a service, configured as it runs in production. Without a
 * `clock` it runs on the one its settings name (CLOCK), connected here and closed with the app.
 */
export async function createServiceApp<E extends PlatformEnv>(
  definition: ServiceDefinition<E>,
  env: E,
  clock?: Clock,
): Promise<INestApplication> {
  const ownClock = clock ? undefined : await connectConfiguredClock(env);
  try {
    const module = definition.module(env, clock ?? ownClock);
    const app = await NestFactory.create<NestExpressApplication>(
      ownClock ? closingClockOnShutdown(module, ownClock) : module,
      {
        bufferLogs: true,
        bodyParser: false,
      },
    );
    app.useLogger(app.get(Logger));
    app.use(securityHeaders(env.NODE_ENV === 'production'), noStoreByDefault);
    app.enableCors(corsOptions(env.CORS_ORIGINS));
    app.use(...requestEdge(definition.largeBodies ?? [], () => app.get(TokenVerifier, { strict: false })));
    app.enableShutdownHooks();
    connectServiceTransport(app);
    setupOpenApi(app, definition.service, definition.description);
    const runningClock = clock ?? ownClock;
    if (runningClock instanceof SharedSimulatedClock)
      app.get(Logger).log(`${definition.service} runs on ${runningClock.describe()}`, 'Clock');
    return app;
  } catch (error) {
    await ownClock?.close();
    throw error;
  }
}

/**
 * The entry point of every service: validate the settings (a bad one stops the process with its
 * name, not a stack trace), build the app, listen.
 */
export async function runService<E extends PlatformEnv>(definition: ServiceDefinition<E>): Promise<INestApplication> {
  let env: E;
  try {
    env = loadConfig(definition.envClass, process.env, serviceDefaults(definition.service));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${definition.service}: ${error.message}\n`);
    process.exit(1);
  }
  const app = await createServiceApp(definition, env);
  await app.listen(env.PORT, process.env['HOST'] ?? '0.0.0.0');
  app.get(Logger).log(`${definition.service} listening on port ${env.PORT}`, 'Bootstrap');
  return app;
}
