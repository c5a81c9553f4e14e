// The `migrate.js` of the notification image (see tools/webpack.service.js): its own migrations only.
import { notificationSchema } from '../../../apps/notification/src/database/schema';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('notification', notificationSchema);
