// The fixtures other tests start the digital-signature service with, imported as
// @onestop/digital-signature/testing; kept apart from ./index so that commands never load them.
export { registerOfficer, startSignatureService } from './test/signature-fixture';
export type { SignatureServiceUnderTest } from './test/signature-fixture';
