// The stand-ins for the mail server and the SMS/Zalo provider that tests and benchmarks run the
// notification service against, imported as @onestop/notification/testing; kept apart from
// ./index so that commands never load them.
export { startFakeProvider } from './test/fake-provider';
export type { FakeProvider } from './test/fake-provider';
export { mailText, startSmtpSink } from './test/smtp-sink';
export type { SmtpSink } from './test/smtp-sink';
