// The task-monitoring service as the workspace's tools see it (the stack tests, the deadline
// benchmark, the migration command): they import it as @onestop/task-monitoring, and the module
// boundaries refuse their reaching past this file into the service's internals.
export { taskMonitoringService } from './service';
export { TaskMonitoringEnv } from './task-monitoring.env';
export { taskMonitoringSchema } from './database/schema';
// The deadline benchmark drives the scan and the queries without the service around them.
export { DeadlineQueries } from './deadlines/deadline-queries.service';
export { DeadlineScan } from './deadlines/deadline-scanner';
