import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { CORRELATION_HEADER, correlationIdOf, currentCorrelationId } from './correlation';
import { maskPersonalText, PERSONAL_FIELDS } from './mask';

export interface LoggingOptions {
  service: string;
  level: string;
}

const QUIET_PATHS = /^\/(health|metrics)/;

/** Every log line's structured personal fields, at the top level and one or two levels down. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/**
 * JSON logs through pino, each line carrying the service and the correlation id of the request
 * or event being handled; personal data is masked in fields and in messages.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: correlationIdOf,
            setup: (cls, _req, res) => res.setHeader(CORRELATION_HEADER, cls.getId()),
          },
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            timestamp: stdTimeFunctions.isoTime,
            genReqId: (req) => currentCorrelationId() ?? correlationIdOf(req),
            mixin: () => {
              const correlationId = currentCorrelationId();
              return correlationId ? { correlationId } : {};
            },
            redact: { paths: REDACTED_PATHS, censor: '[masked]' },
            hooks: {
              logMethod(args, method) {
                const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonalText(arg) : arg));
                method.apply(this, masked as Parameters<typeof method>);
              },
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: maskPersonalText(req.url),
              }),
            },
            autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
