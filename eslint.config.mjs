import nx from '@nx/eslint-plugin';

const services = ['intake', 'routing', 'digital-signature', 'notification', 'reporting', 'task-monitoring'];

// Nx refuses every import of an application. The tools (scripts, benchmarks, the simulation, the
// stack tests) may import a service, but only through its surface: the alias of its index.ts, and
// of its testing.ts for its test fixtures. A relative path into a service stays refused.
const serviceSurfaces = `^@onestop/(${services.join('|')})(/testing)?$`;

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.data', 'tmp', '.nx', 'coverage', '**/webpack.config.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [],
          depConstraints: [
            // Contracts are what services agree on: they may not depend on any of our code.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:tooling'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
            // An app never imports another app (it talks to it over Kafka or HTTP), nor a tool (type:tool).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The browser application reaches the services only through their generated API clients.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web'] },
            ...services.map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
            })),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Used only where the line above establishes the value; a runtime check would repeat it.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tests may use the testing library; production code may not (the rule above forbids it).
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/src/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: '*',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing', 'type:tooling'],
            },
          ],
        },
      ],
    },
  },
  {
    // The tools, their tests included: the shared libraries, and the services through their surfaces.
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          banTransitiveDependencies: true,
          allow: [serviceSurfaces],
          depConstraints: [
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing', 'type:tooling'],
            },
          ],
        },
      ],
    },
  },
];
