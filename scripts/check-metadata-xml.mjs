// Every metadata XML file in the package (-meta.xml, .labels-meta.xml, .flexipage-meta.xml ...) is well-formed,
// has the Metadata API namespace on its root, and its root element matches its file suffix, so a typo fails here
// rather than in the middle of a deploy.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = process.argv[2] ?? 'force-app';
const NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
// File suffix -> the root element the Metadata API expects.
const ROOTS = {
    '.cls-meta.xml': 'ApexClass',
    '.trigger-meta.xml': 'ApexTrigger',
    '.js-meta.xml': 'LightningComponentBundle',
    '.object-meta.xml': 'CustomObject',
    '.field-meta.xml': 'CustomField',
    '.md-meta.xml': 'CustomMetadata',
    '.permissionset-meta.xml': 'PermissionSet',
    '.customPermission-meta.xml': 'CustomPermission',
    '.app-meta.xml': 'CustomApplication',
    '.flexipage-meta.xml': 'FlexiPage',
    '.cspTrustedSite-meta.xml': 'CspTrustedSite',
    '.labels-meta.xml': 'CustomLabels',
    '.tab-meta.xml': 'CustomTab',
    '.resource-meta.xml': 'StaticResource',
    '.messageChannel-meta.xml': 'LightningMessageChannel',
    '.quickAction-meta.xml': 'QuickAction',
    '.layout-meta.xml': 'Layout',
    '.listView-meta.xml': 'ListView',
    '.validationRule-meta.xml': 'ValidationRule',
    '.namedCredential-meta.xml': 'NamedCredential',
    '.remoteSite-meta.xml': 'RemoteSiteSetting'
};

function xmlFiles(dir) {
    const found = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) found.push(...xmlFiles(path));
        else if (entry.name.endsWith('.xml')) found.push(path);
    }
    return found;
}

const parser = new XMLParser({ ignoreAttributes: false, ignoreDeclaration: true, attributeNamePrefix: '@' });
const failures = [];
const files = xmlFiles(ROOT).sort();
for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        failures.push(`${path}:${valid.err.line}:${valid.err.col} ${valid.err.msg}`);
        continue;
    }
    const doc = parser.parse(text);
    const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
    if (roots.length !== 1) {
        failures.push(`${path}: expected one root element, found ${roots.length}`);
        continue;
    }
    const root = roots[0];
    const expected = Object.entries(ROOTS).find(([suffix]) => path.endsWith(suffix))?.[1];
    if (expected && root !== expected) failures.push(`${path}: root <${root}>, expected <${expected}>`);
    else if (doc[root]?.['@xmlns'] !== NAMESPACE) failures.push(`${path}: root <${root}> lacks xmlns="${NAMESPACE}"`);
}
mkdirSync('test-results', { recursive: true });
writeFileSync(
    'test-results/metadata-xml.json',
    JSON.stringify({ passed: files.length - failures.length, failed: failures.length })
);
if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
}
console.log(`${files.length} metadata XML files are well-formed with the Metadata API root and namespace`);
