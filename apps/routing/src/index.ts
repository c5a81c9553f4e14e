// The routing service as the workspace's tools see it (the stack tests, the simulation, the
// migration command): they import it as @onestop/routing, and the module boundaries refuse their
// reaching past this file into the service's internals.
export { routingService } from './service';
export { routingSchema } from './database/schema';
