// The `keys-rotate.js` of the digital-signature image (see tools/webpack.service.js): its own keyring only.
import 'reflect-metadata';
import { rotateDigitalSignatureKeys } from '../../keys/digital-signature-keys';
import { runKeysRotate } from '../../keys/rotation';

runKeysRotate({ 'digital-signature': rotateDigitalSignatureKeys });
