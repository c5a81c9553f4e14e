// The `migrate.js` of the intake image (see tools/webpack.service.js): its own migrations only.
import { intakeSchema } from '@onestop/intake';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('intake', intakeSchema);
