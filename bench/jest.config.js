// The benchmark runs under jest (same transforms and module resolution as the tests) but only
// `bench/*.bench.ts`, so `npm test` never picks it up and `npm run bench` never runs the tests.
const base = require('../jest.config.js');

module.exports = {
    ...base,
    testMatch: ['<rootDir>/bench/**/*.bench.ts'],
    testTimeout: 600000
};
