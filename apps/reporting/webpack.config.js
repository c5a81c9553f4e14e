module.exports = require('../../tools/webpack.service')(__dirname, 'reporting');
