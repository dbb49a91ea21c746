// Packaging gate, offline: `sf project convert source` turns force-app into the Metadata API package a deploy
// sends. Its package.xml must list exactly the members the source tree ships (derived here, independently, from
// the folders), at the project's API version, and the package must hold no TypeScript, test, typings or tsconfig
// file: what .forceignore keeps out of the org. Needs the emitted .js (the build step runs first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const SOURCE = 'force-app/main/default';
const SF = join('node_modules', '.bin', 'sf');

// Folder -> [file suffix, metadata type] for one-file-per-member types.
const SIMPLE = {
    classes: ['.cls', 'ApexClass'],
    triggers: ['.trigger', 'ApexTrigger'],
    pages: ['.page', 'ApexPage'],
    permissionsets: ['.permissionset-meta.xml', 'PermissionSet'],
    permissionsetgroups: ['.permissionsetgroup-meta.xml', 'PermissionSetGroup'],
    customPermissions: ['.customPermission-meta.xml', 'CustomPermission'],
    applications: ['.app-meta.xml', 'CustomApplication'],
    flexipages: ['.flexipage-meta.xml', 'FlexiPage'],
    cspTrustedSites: ['.cspTrustedSite-meta.xml', 'CspTrustedSite'],
    customMetadata: ['.md-meta.xml', 'CustomMetadata'],
    tabs: ['.tab-meta.xml', 'CustomTab'],
    messageChannels: ['.messageChannel-meta.xml', 'LightningMessageChannel'],
    quickActions: ['.quickAction-meta.xml', 'QuickAction'],
    remoteSiteSettings: ['.remoteSite-meta.xml', 'RemoteSiteSetting'],
    namedCredentials: ['.namedCredential-meta.xml', 'NamedCredential'],
    staticresources: ['.resource-meta.xml', 'StaticResource'],
    layouts: ['.layout-meta.xml', 'Layout']
};
// objects/<Object>/<folder> -> [file suffix, metadata type] for child members named <Object>.<Name>.
const OBJECT_CHILDREN = {
    fields: ['.field-meta.xml', 'CustomField'],
    listViews: ['.listView-meta.xml', 'ListView'],
    validationRules: ['.validationRule-meta.xml', 'ValidationRule'],
    recordTypes: ['.recordType-meta.xml', 'RecordType'],
    compactLayouts: ['.compactLayout-meta.xml', 'CompactLayout'],
    webLinks: ['.webLink-meta.xml', 'WebLink'],
    fieldSets: ['.fieldSet-meta.xml', 'FieldSet'],
    businessProcesses: ['.businessProcess-meta.xml', 'BusinessProcess']
};
// What must never reach the org: TypeScript sources, typings, tests, test data and tool configuration.
const FORBIDDEN = [
    [/\.ts$/, 'a TypeScript source or typings file'],
    [/(^|\/)__tests__\//, 'a test folder'],
    [/(^|\/)__mocks__\//, 'a mock folder'],
    [/\.(test|spec)\.[jt]s$/, 'a test file'],
    [/\.snap$/, 'a jest snapshot'],
    [/(^|\/)[jt]sconfig[^/]*\.json$/, 'a tsconfig or jsconfig file'],
    [/(^|\/)\.eslintrc/, 'an ESLint configuration']
];

const problems = [];
const expected = new Map(); // type -> Set(member)
const expect = (type, member) => {
    if (!expected.has(type)) expected.set(type, new Set());
    expected.get(type).add(member);
};
const dirs = (path) => readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory());
const files = (path) =>
    readdirSync(path, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name);

for (const folder of dirs(SOURCE).map((d) => d.name)) {
    const path = join(SOURCE, folder);
    if (SIMPLE[folder]) {
        const [suffix, type] = SIMPLE[folder];
        for (const name of files(path)) if (name.endsWith(suffix)) expect(type, name.slice(0, -suffix.length));
    } else if (folder === 'lwc') {
        for (const bundle of dirs(path).map((d) => d.name)) {
            if (existsSync(join(path, bundle, `${bundle}.js-meta.xml`))) expect('LightningComponentBundle', bundle);
        }
    } else if (folder === 'aura') {
        for (const bundle of dirs(path).map((d) => d.name)) {
            if (existsSync(join(path, bundle, `${bundle}.cmp-meta.xml`))) expect('AuraDefinitionBundle', bundle);
        }
    } else if (folder === 'labels') {
        const parser = new XMLParser({ isArray: (name) => name === 'labels' });
        for (const name of files(path).filter((n) => n.endsWith('.labels-meta.xml'))) {
            expect('CustomLabels', name.slice(0, -'.labels-meta.xml'.length));
            const doc = parser.parse(readFileSync(join(path, name), 'utf8'));
            for (const label of doc.CustomLabels?.labels ?? []) expect('CustomLabel', String(label.fullName));
        }
    } else if (folder === 'objects') {
        for (const object of dirs(path).map((d) => d.name)) {
            const objectPath = join(path, object);
            if (existsSync(join(objectPath, `${object}.object-meta.xml`))) expect('CustomObject', object);
            for (const child of dirs(objectPath).map((d) => d.name)) {
                if (!OBJECT_CHILDREN[child]) {
                    problems.push(
                        `${objectPath}/${child}: the package check does not know this folder; teach scripts/check-package.mjs`
                    );
                    continue;
                }
                const [suffix, type] = OBJECT_CHILDREN[child];
                for (const name of files(join(objectPath, child))) {
                    if (name.endsWith(suffix)) expect(type, `${object}.${name.slice(0, -suffix.length)}`);
                }
            }
        }
    } else {
        problems.push(`${path}: the package check does not know this folder; teach scripts/check-package.mjs`);
    }
}

const out = mkdtempSync(join(tmpdir(), 'pc-package-'));
const target = join(out, 'package');
const env = {
    ...process.env,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_USE_PROGRESS_BAR: 'false'
};
const run = spawnSync(
    SF,
    ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', target, '--json'],
    {
        encoding: 'utf8',
        env
    }
);
let passed = 0;
if (run.status !== 0 || !existsSync(join(target, 'package.xml'))) {
    problems.push(
        `sf project convert source failed (exit ${run.status}): ${(run.stdout || run.stderr || '').slice(0, 800)}`
    );
} else {
    const manifest = new XMLParser({
        parseTagValue: false,
        isArray: (name) => name === 'types' || name === 'members'
    }).parse(readFileSync(join(target, 'package.xml'), 'utf8'));
    const actual = new Map();
    for (const t of manifest.Package?.types ?? []) actual.set(String(t.name), new Set((t.members ?? []).map(String)));
    for (const type of new Set([...expected.keys(), ...actual.keys()])) {
        const want = expected.get(type) ?? new Set();
        const got = actual.get(type) ?? new Set();
        for (const member of want) {
            if (got.has(member)) passed += 1;
            else problems.push(`package.xml lacks ${type} ${member}`);
        }
        for (const member of got) if (!want.has(member)) problems.push(`package.xml has unexpected ${type} ${member}`);
    }
    const apiVersion = JSON.parse(readFileSync('sfdx-project.json', 'utf8')).sourceApiVersion;
    if (String(manifest.Package?.version) !== apiVersion) {
        problems.push(`package.xml version ${manifest.Package?.version}, sfdx-project.json says ${apiVersion}`);
    } else passed += 1;

    const walk = (dir) =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory() ? walk(join(dir, e.name)) : [relative(target, join(dir, e.name)).split(sep).join('/')]
        );
    const packaged = walk(target);
    let clean = true;
    for (const file of packaged) {
        const hit = FORBIDDEN.find(([pattern]) => pattern.test(file));
        if (hit) {
            problems.push(`${file} is in the package: ${hit[1]} must be in .forceignore`);
            clean = false;
        }
    }
    for (const bundle of actual.get('LightningComponentBundle') ?? []) {
        if (!packaged.includes(`lwc/${bundle}/${bundle}.js`)) {
            problems.push(`lwc/${bundle} is packaged without ${bundle}.js: run the build (tsc) first`);
            clean = false;
        }
    }
    if (clean) passed += 1;
}
rmSync(out, { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/package.json', JSON.stringify({ passed, failed: problems.length }));
if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
}
const members = [...expected.values()].reduce((n, s) => n + s.size, 0);
console.log(
    `package.xml lists exactly the ${members} members the source ships, at API ${JSON.parse(readFileSync('sfdx-project.json', 'utf8')).sourceApiVersion}; no TypeScript, test or tsconfig file is packaged`
);
