export * from './lib/tcp-proxy';
export * from './lib/test-database';
export * from './lib/test-service';
export * from './lib/test-stack';
export * from './lib/test-tokens';
export * from './lib/wait-for';
export * from './lib/topic-reader';
export * from './lib/service-with-database';
