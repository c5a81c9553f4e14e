// The backbone's test fixtures, imported as @onestop/messaging/testing by the tests and benchmarks
// outside this library; kept apart from ./index so that the services never load them.
export { startConsumerSide, startRelaySide } from './test/backbone';
export { createEffectsTable, probeFixture, RecordingHandler } from './test/probe-events';
