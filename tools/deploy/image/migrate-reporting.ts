// The `migrate.js` of the reporting image (see tools/webpack.service.js): its own migrations only.
import { reportingSchema } from '@onestop/reporting';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('reporting', reportingSchema);
