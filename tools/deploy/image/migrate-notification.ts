// The `migrate.js` of the notification image (see tools/webpack.service.js): its own migrations only.
import { notificationSchema } from '@onestop/notification';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('notification', notificationSchema);
