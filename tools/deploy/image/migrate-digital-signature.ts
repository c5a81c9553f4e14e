// The `migrate.js` of the digital-signature image (see tools/webpack.service.js): its own migrations only.
import { digitalSignatureSchema } from '@onestop/digital-signature';
import { runMigrationCommand } from './migrate-command';

runMigrationCommand('digital-signature', digitalSignatureSchema);
