// @ts-check
/** swc compiles the tests with decorator metadata, as Nest needs, in a fraction of ts-jest's time. */
/** @type {import('jest').Config['transform']} */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

/** @type {import('jest').Config} */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper: {
    '^@onestop/local-stack$': '<rootDir>/deploy/local/index.ts',
    '^@onestop/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  setupFiles: ['reflect-metadata', '<rootDir>/libs/testing/src/quiet-logs.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.data/', '<rootDir>/tmp/'],
};

/** The three tiers: pure logic; one component against the real servers; the services end to end. */
/** @type {import('jest').Config} */
const config = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/deploy/local/jest-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/real-components-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/deploy/local/jest-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/real-components-timeout.ts'],
    },
  ],
};

module.exports = config;
