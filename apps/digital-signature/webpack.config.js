module.exports = require('../../tools/webpack.service')(__dirname, 'digital-signature');
