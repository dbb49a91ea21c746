const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // Custom labels resolve to their values (BX-8): scripts/gen-labels.mjs writes one module per label.
    moduleNameMapper: {
        '^@salesforce/label/c\\.(.+)$': '<rootDir>/.jest-labels/$1.js'
    },
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/test/jest-setup.ts'],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/test/browser/', '<rootDir>/local/'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/local/dist', '<rootDir>/out'],
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
    testTimeout: 20000
};
