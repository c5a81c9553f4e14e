export * from './lib/envelope';
export * from './lib/event-registry';
export * from './lib/problem';
export * from './lib/roles';
export * from './lib/services';
export * from './lib/topics';
export * from './lib/events/catalogue';
export * from './lib/events/dossier.events';
