export * from './kafka-broker';
export * from './test-broker';
