import { ExceptionFilter, INestApplication } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CustomTransportStrategy, NestMicroservice, Server } from '@nestjs/microservices';

/**
 * A transport a service takes messages from besides HTTP (the event backbone), provided by a
 * library module. The service's app connects it as a Nest microservice, so its handlers are
 * `@EventPattern` methods of controllers with Nest's pipes, interceptors and filters around them.
 */
export abstract class ServiceTransport extends Server implements CustomTransportStrategy {
  /** Filters around every handler: the transport decides what a failed handler means. */
  abstract exceptionFilters(): ExceptionFilter[];
}

/**
 * Connects the service's transport, when it has one. The HTTP side's global guards, pipes and
 * filters (bearer tokens, request validation, problem details) are not inherited: they mean
 * nothing to an event. Listeners are registered here, after the transport's own filters, and the
 * app's lifecycle hooks are not run a second time for the microservice.
 */
export function connectServiceTransport(app: INestApplication): void {
  const transport = optionalTransport(app);
  if (!transport) return;
  const microservice = app.connectMicroservice(
    { strategy: transport },
    { inheritAppConfig: false, deferInitialization: true },
  ) as NestMicroservice;
  microservice.useGlobalFilters(...transport.exceptionFilters());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
}

function optionalTransport(app: INestApplication): ServiceTransport | undefined {
  try {
    // Through ModuleRef: the app itself answers a missing provider by ending the process.
    return app.get(ModuleRef).get(ServiceTransport, { strict: false });
  } catch {
    return undefined;
  }
}
