import lwcConfig from '@salesforce/eslint-config-lwc';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';

const LWC = 'force-app/main/default/lwc';
const TS = [`${LWC}/**/*.ts`];
// Flat config lints only .js by default: every object is pinned to .ts explicitly.
const onlyTs = (configs) => configs.map((c) => ({ ...c, files: TS }));
const known = lwcConfig.configs.recommended.flatMap((c) => c.rules?.['@lwc/lwc/no-unknown-wire-adapters'] ?? []);
const adapters = [...(known[1]?.adapters ?? []), { module: 'c/*', identifier: '*Adapter' }];

export default [
    {
        ignores: [
            '**/node_modules/**',
            'local/dist/**',
            '.sfdx/**',
            '.sf/**',
            'out/**',
            `${LWC}/**/*.js`,
            'coverage/**'
        ]
    },
    ...onlyTs(lwcConfig.configs.recommended),
    ...onlyTs(tseslint.configs.recommended),
    {
        files: TS,
        languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
        rules: {
            'no-undef': 'off',
            '@lwc/lwc/no-unknown-wire-adapters': ['error', { adapters }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        files: [`${LWC}/**/__tests__/**/*.{ts,js}`],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-document-query': 'off',
            '@typescript-eslint/no-non-null-assertion': 'off'
        }
    },
    ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['test/**/*.ts', 'local/**/*.ts'] })),
    {
        files: ['test/**/*.ts', 'local/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
        rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
    }
];
