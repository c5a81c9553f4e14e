// The `migrate.js` of the routing image (see tools/webpack.service.js): its own migrations only.
import { routingSchema } from '@onestop/routing';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('routing', routingSchema);
