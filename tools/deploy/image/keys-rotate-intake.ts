// The `keys-rotate.js` of the intake image (see tools/webpack.service.js): its own keyrings only.
import 'reflect-metadata';
import { rotateIntakeKeys } from '../../keys/intake-keys';
import { runKeysRotate } from '../../keys/rotation';

runKeysRotate({ intake: rotateIntakeKeys });
