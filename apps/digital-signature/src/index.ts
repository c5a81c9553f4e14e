// The digital-signature service as the workspace's tools see it (the stack tests, the benchmarks,
// the development PKI, the migration and key-rotation commands): they import it as
// @onestop/digital-signature, and the module boundaries refuse their reaching past this file into
// the service's internals. Its test fixtures are in ./testing.
export { digitalSignatureService } from './service';
export { DEVELOPMENT_KEY_SECRET, DigitalSignatureEnv } from './digital-signature.env';
export { digitalSignatureSchema } from './database/schema';
export { PrivateKeyRotation } from './keys/private-key-rotation';
export { ensureDevelopmentPki, readPkiDirectory, reencryptPkiKeyFiles, writePkiDirectory } from './pki/pki-directory';
