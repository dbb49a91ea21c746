// Jest config for the benchmarks only (`npm run bench`): the project's transform and `c/` resolution, but
// only `*.bench.ts` files, so `npm test` never runs them and they never run timed asserts.
const base = require('../../jest.config.js');

module.exports = {
    ...base,
    rootDir: '../..',
    testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
    testPathIgnorePatterns: ['/node_modules/'],
    setupFilesAfterEnv: [],
    testTimeout: 300000
};
