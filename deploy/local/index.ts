export * from './kafka-broker';
export * from './keycloak-server';
export * from './test-broker';
export * from './test-keycloak';
export * from './message-sinks';
export * from './web-server';
export * from './web-server-config';
