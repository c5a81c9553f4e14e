import { Logger } from '@nestjs/common';

// Components under test log through Nest's static logger; the broker outages the tests cause
// would bury jest's report. TEST_LOG_LEVEL=debug (or log, warn, error) shows them.
const level = process.env['TEST_LOG_LEVEL'];
const levels = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
Logger.overrideLogger(level ? levels.slice(0, levels.indexOf(level as (typeof levels)[number]) + 1) : false);
