import 'reflect-metadata';
import { rotateDigitalSignatureKeys } from './keys/digital-signature-keys';
import { rotateIntakeKeys } from './keys/intake-keys';
import { runKeysRotate } from './keys/rotation';

/**
 * `npm run keys:rotate -- --service intake|digital-signature [--batch-size 500] [--pki-dir <dir>]`:
 * re-encrypts, online and in batches, what an old key of the service's keyrings still protects,
 * with the settings the service runs with, then prints how many rows each old key still holds.
 */
runKeysRotate({ intake: rotateIntakeKeys, 'digital-signature': rotateDigitalSignatureKeys });
