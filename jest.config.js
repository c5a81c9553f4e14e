// @ts-check
const { compilerOptions } = require('./tsconfig.base.json');

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

// The workspace's aliases as tsconfig.base.json defines them (libraries, the local stack, the
// services' surfaces), so that tests resolve an import exactly as the compiler does.
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [path]]) => [`^${alias}$`, `<rootDir>/${path}`]),
);

/** @type {import('jest').Config} */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
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
