// Runs the workspace's TypeScript scripts with swc: decorator metadata and the tsconfig path
// aliases work as they do in the services and the tests.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
