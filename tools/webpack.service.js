// The one webpack setup of every service: bundles the service and the workspace libraries it uses
// into dist/apps/<service>/main.js; npm packages stay external and are installed in the image from
// the generated package.json. TypeScript is compiled by tsc for Nest's decorator metadata.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = function serviceWebpackConfig(projectDir, service) {
  return {
    output: { path: join(projectDir, '../../dist/apps', service), clean: true },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
