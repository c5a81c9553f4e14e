// The `migrate.js` of the task-monitoring image (see tools/webpack.service.js): its own migrations only.
import { taskMonitoringSchema } from '@onestop/task-monitoring';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('task-monitoring', taskMonitoringSchema);
