// Proves the lint gates bite: each case lints a small source as if it were the named file and expects the named
// rule to fire (or, for the allowed cases, nothing). A layering rule that silently matched no file would pass
// `npm run lint` for ever; this step fails instead. Writes test-results/<step>.json counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const STEP = process.argv[2] ?? 'lint-rules';
const LWC = 'force-app/main/default/lwc';
const APEX = "import find from '@salesforce/apex/PersonalConnectionController.findContact';\nexport const f = find;\n";
const CASES = [
    {
        name: 'a component importing the simulated dialer',
        file: `${LWC}/pcMarquee/pcMarquee.ts`,
        code: "import { SimulatedDialer } from 'c/pcSimDialer';\nexport const d = SimulatedDialer;\n",
        expect: ['no-restricted-imports', /Layering: a component/]
    },
    {
        name: 'a component importing the service',
        file: `${LWC}/pcCallCard/pcCallCard.ts`,
        code: "import { ConsoleService } from 'c/pcService';\nexport const s = ConsoleService;\n",
        expect: ['no-restricted-imports', /Layering: a component/]
    },
    {
        name: 'a component importing Apex',
        file: `${LWC}/pcConsole/pcConsole.ts`,
        code: APEX,
        expect: ['no-restricted-imports', /only c\/pcApexGateway imports Apex/]
    },
    {
        name: 'the service importing LWC',
        file: `${LWC}/pcService/pcService.ts`,
        code: "import { LightningElement } from 'lwc';\nexport const l = LightningElement;\n",
        expect: ['no-restricted-imports', /the service never touches the DOM/]
    },
    {
        name: 'the service importing an adapter',
        file: `${LWC}/pcService/pcService.ts`,
        code: "import { CxoneAdapter } from 'c/pcCxoneAdapter';\nexport const a = CxoneAdapter;\n",
        expect: ['no-restricted-imports', /Layering: the service/]
    },
    {
        name: 'a dialer adapter importing the service',
        file: `${LWC}/pcCxoneAdapter/pcCxoneAdapter.ts`,
        code: "import { ConsoleService } from 'c/pcService';\nexport const s = ConsoleService;\n",
        expect: ['no-restricted-imports', /Layering: a dialer adapter/]
    },
    {
        name: 'a dialer adapter importing Salesforce',
        file: `${LWC}/pcSimDialer/pcSimDialer.ts`,
        code: APEX,
        expect: ['no-restricted-imports', /knows nothing of Salesforce/]
    },
    {
        name: 'the Apex gateway importing Apex (allowed)',
        file: `${LWC}/pcApexGateway/pcApexGateway.ts`,
        code: APEX,
        expect: null
    },
    {
        name: 'a floating promise in production code',
        file: `${LWC}/pcService/pcService.ts`,
        code: 'export function go(): void {\n    Promise.resolve(1);\n}\n',
        expect: ['@typescript-eslint/no-floating-promises', /Promises must be awaited/]
    },
    {
        name: 'an HTML sink Lightning Web Security distorts',
        file: `${LWC}/pcMarquee/pcMarquee.ts`,
        code: 'export function show(el: HTMLElement, text: string): void {\n    el.innerHTML = text;\n}\n',
        expect: ['@locker/locker/distorted-element-inner-html-setter', /distorted by Lightning Web Security/]
    },
    {
        name: 'a non-exhaustive switch over a union',
        file: `${LWC}/pcFormat/pcFormat.ts`,
        code: "export function f(k: 'a' | 'b'): number {\n    switch (k) {\n        case 'a':\n            return 1;\n    }\n    return 0;\n}\n",
        expect: ['@typescript-eslint/switch-exhaustiveness-check', /not exhaustive/]
    },
    {
        name: 'a conditional expect in a component test',
        file: `${LWC}/pcFormat/__tests__/pcFormat.test.ts`,
        code: "it('x', () => {\n    if (Date.now() > 0) expect(1).toBe(1);\n});\n",
        expect: ['jest/no-conditional-expect', /conditionally/]
    }
];

const eslint = new ESLint();
let passed = 0;
let failed = 0;
for (const c of CASES) {
    const [result] = await eslint.lintText(c.code, { filePath: c.file });
    const messages = result?.messages ?? [];
    const hit = c.expect ? messages.find((m) => m.ruleId === c.expect[0] && c.expect[1].test(m.message)) : null;
    const ok = c.expect ? Boolean(hit) : messages.length === 0;
    if (ok) passed += 1;
    else failed += 1;
    const seen = messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`).join(' | ') || 'no findings';
    console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${c.name}${ok ? '' : ` (expected ${c.expect?.[0] ?? 'nothing'}; got ${seen})`}`
    );
}
console.log(`${passed} passed, ${failed} failed`);
mkdirSync('test-results', { recursive: true });
writeFileSync(join('test-results', `${STEP}.json`), JSON.stringify({ passed, failed }) + '\n');
process.exitCode = failed ? 1 : 0;
