// The one webpack setup of every service: bundles the service and the workspace libraries it uses
// into dist/apps/<service>/main.js, its migrations into migrate.js (the image's migration
// command, tools/deploy/image), the dead-letter tool into dead-letters.js (run inside the
// cluster, where Kafka is), for reporting the read model's rebuild into rebuild.js, and for the
// services whose data is encrypted at rest the key rotation into keys-rotate.js; npm packages stay external and are installed in the image from the
// generated package.json. TypeScript is compiled by tsc for Nest's decorator metadata.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// Packages the bundle needs that the project graph does not show: tslib, which the compiled
// code requires for its helpers, and files a service loads by path (the result PDFs' font).
const RUNTIME_DEPENDENCIES = ['tslib'];
const RUNTIME_FILES = { 'digital-signature': ['@expo-google-fonts/noto-sans'] };
// The services that encrypt data at rest under keyrings (`npm run keys:rotate`).
const KEYRING_SERVICES = ['intake', 'digital-signature'];

module.exports = function serviceWebpackConfig(projectDir, service) {
  return {
    output: { path: join(projectDir, '../../dist/apps', service), clean: true },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        additionalEntryPoints: [
          { entryName: 'migrate', entryPath: `tools/deploy/image/migrate-${service}.ts` },
          { entryName: 'dead-letters', entryPath: 'tools/dead-letters.ts' },
          // The read model's rebuild runs where reporting runs, with its settings.
          ...(service === 'reporting' ? [{ entryName: 'rebuild', entryPath: 'tools/reporting-rebuild.ts' }] : []),
          // The re-encryption runs where the service's database and keys are, with its settings.
          ...(KEYRING_SERVICES.includes(service)
            ? [{ entryName: 'keys-rotate', entryPath: `tools/deploy/image/keys-rotate-${service}.ts` }]
            : []),
        ],
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        runtimeDependencies: [...RUNTIME_DEPENDENCIES, ...(RUNTIME_FILES[service] ?? [])],
        sourceMap: true,
      }),
    ],
  };
};
