const { composePlugins, withNx } = require('@nx/webpack');

// Bundles the service and the workspace libraries it uses; npm packages stay external and are
// installed from the generated package.json in the image.
module.exports = composePlugins(withNx(), (config) => config);
