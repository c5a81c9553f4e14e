// The intake service as the workspace's tools see it (the stack tests, the simulation, the
// benchmarks, the migration and key-rotation commands): they import it as @onestop/intake, and the
// module boundaries refuse their reaching past this file into the service's internals.
export { intakeService } from './service';
export { IntakeEnv } from './intake.env';
export { intakeSchema } from './database/schema';
export { CitizenIdCipher } from './applicants/citizen-id.cipher';
export { CitizenIdRotation } from './applicants/citizen-id-rotation';
