// Proves the TypeScript side of every Apex call against the Apex source, offline:
//  - only the gateway bundle (pcApexGateway) imports @salesforce/apex/* (tests excepted: they mock it);
//  - every imported Class.method exists as a public or global static @AuraEnabled method of a top-level class;
//  - the gateway's APEX_METHODS table names each import once, and its parameter names are exactly the Apex
//    method's parameter names, in order; an import used anywhere outside the table fails (it would bypass it).
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { apexFiles, readApex } from './apex-source.mjs';

const LWC = process.argv[2] ?? 'force-app/main/default/lwc';
const GATEWAY = 'pcApexGateway';
const TABLE = 'APEX_METHODS';
const problems = [];
let passed = 0;

// Only the classes an import names are parsed: the whole tree is apex-parse's job.
const classFiles = new Map(apexFiles('force-app').map((path) => [basename(path).toLowerCase(), path]));
const apexClasses = new Map();
function apexClass(className) {
    const key = className.toLowerCase();
    if (!apexClasses.has(key)) {
        const path = classFiles.get(`${key}.cls`);
        apexClasses.set(key, path ? readApex(path) : null);
    }
    return apexClasses.get(key);
}

function sourcesOf(dir) {
    const found = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== '__tests__' && entry.name !== '__mocks__') found.push(...sourcesOf(path));
        } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
            found.push(path);
        } else if (entry.name.endsWith('.js') && !existsSync(path.replace(/\.js$/, '.ts'))) {
            found.push(path); // hand-written JavaScript; emitted .js beside a .ts is not a source
        }
    }
    return found;
}

function apexImports(file) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = [];
    for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const match = /^@salesforce\/apex\/(.+)$/.exec(statement.moduleSpecifier.text);
        if (!match) continue;
        const local = statement.importClause?.name?.text ?? null;
        imports.push({
            specifier: match[1],
            local,
            line: source.getLineAndCharacterOfPosition(statement.pos).line + 1
        });
    }
    return { source, imports };
}

function apexMethod(specifier) {
    const parts = specifier.split('.');
    if (parts.length !== 2) return { error: `@salesforce/apex/${specifier} is not Class.method` };
    const [className, methodName] = parts;
    const apex = apexClass(className);
    if (!apex) return { error: `no Apex class ${className} in force-app` };
    if (apex.errors.length) return { error: `Apex class ${className} does not parse` };
    const method = apex.methods.find((m) => m.topLevel && m.name.toLowerCase() === methodName.toLowerCase());
    if (!method) return { error: `${className} has no method ${methodName}` };
    if (method.name !== methodName) return { error: `${className}.${methodName} is spelled ${method.name} in Apex` };
    if (!method.annotations.has('auraenabled')) return { error: `${className}.${methodName} is not @AuraEnabled` };
    if (!method.keywords.has('static')) return { error: `${className}.${methodName} is not static` };
    if (!method.keywords.has('public') && !method.keywords.has('global')) {
        return { error: `${className}.${methodName} is neither public nor global` };
    }
    return { method };
}

// The table: `export const APEX_METHODS = { key: { apex: <import>, params: ['a', 'b'] }, ... } as const`.
function readTable(source) {
    for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
            if (!ts.isIdentifier(declaration.name) || declaration.name.text !== TABLE) continue;
            let init = declaration.initializer;
            while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
            if (!init || !ts.isObjectLiteralExpression(init)) return { error: `${TABLE} is not an object literal` };
            const entries = [];
            for (const property of init.properties) {
                const key = property.name?.getText(source) ?? '?';
                if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) {
                    return { error: `${TABLE}.${key} is not { apex, params }` };
                }
                let apex = null;
                let params = null;
                for (const field of property.initializer.properties) {
                    if (!ts.isPropertyAssignment(field))
                        return { error: `${TABLE}.${key} has a computed or spread field` };
                    const name = field.name.getText(source);
                    if (name === 'apex' && ts.isIdentifier(field.initializer)) apex = field.initializer;
                    else if (name === 'params' && ts.isArrayLiteralExpression(field.initializer)) {
                        if (!field.initializer.elements.every((e) => ts.isStringLiteral(e))) {
                            return { error: `${TABLE}.${key}.params must list string literals` };
                        }
                        params = field.initializer.elements.map((e) => e.text);
                    } else return { error: `${TABLE}.${key}.${name} is not an import identifier or a string list` };
                }
                if (!apex || !params) return { error: `${TABLE}.${key} needs both apex and params` };
                entries.push({ key, apex, params });
            }
            return { entries };
        }
    }
    return { error: `no ${TABLE} table` };
}

function usesOutsideTable(source, local, tableIdentifiers) {
    const uses = [];
    const visit = (node) => {
        if (
            ts.isIdentifier(node) &&
            node.text === local &&
            !ts.isImportClause(node.parent) &&
            !tableIdentifiers.has(node)
        ) {
            uses.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return uses;
}

for (const bundle of readdirSync(LWC, { withFileTypes: true })) {
    if (!bundle.isDirectory()) continue;
    for (const file of sourcesOf(join(LWC, bundle.name))) {
        const { source, imports } = apexImports(file);
        if (!imports.length) continue;
        if (bundle.name !== GATEWAY) {
            problems.push(
                `${file}: imports @salesforce/apex; only ${GATEWAY} may (components and the service go through it)`
            );
            continue;
        }
        const table = readTable(source);
        if (table.error) {
            problems.push(`${file}: ${table.error}`);
            continue;
        }
        const byLocal = new Map(imports.map((i) => [i.local, i]));
        const tableIdentifiers = new Set(table.entries.map((e) => e.apex));
        const seen = new Set();
        for (const entry of table.entries) {
            const imported = byLocal.get(entry.apex.text);
            if (!imported) {
                problems.push(
                    `${file}: ${TABLE}.${entry.key} uses ${entry.apex.text}, which is not an @salesforce/apex import`
                );
                continue;
            }
            if (seen.has(imported.specifier)) problems.push(`${file}: ${imported.specifier} is in ${TABLE} twice`);
            seen.add(imported.specifier);
            const found = apexMethod(imported.specifier);
            if (found.error) {
                problems.push(`${file}:${imported.line}: ${found.error}`);
                continue;
            }
            const expected = found.method.params;
            if (JSON.stringify(expected) !== JSON.stringify(entry.params)) {
                problems.push(
                    `${file}: ${TABLE}.${entry.key} passes (${entry.params.join(', ')}) but ${imported.specifier} takes (${expected.join(', ')})`
                );
                continue;
            }
            passed += 1;
        }
        for (const imported of imports) {
            if (!imported.local)
                problems.push(`${file}:${imported.line}: ${imported.specifier} needs a default import`);
            else if (!seen.has(imported.specifier))
                problems.push(`${file}:${imported.line}: ${imported.specifier} is not in ${TABLE}`);
            else {
                const outside = usesOutsideTable(source, imported.local, tableIdentifiers);
                if (outside.length) {
                    problems.push(
                        `${file}: ${imported.local} is used outside ${TABLE} (line ${outside.join(', ')}), bypassing the checked parameters`
                    );
                }
            }
        }
    }
}
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/apex-imports.json', JSON.stringify({ passed, failed: problems.length }));
if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
}
if (!passed) {
    console.error(`No @salesforce/apex import found in ${GATEWAY}: nothing was proved`);
    process.exit(1);
}
console.log(
    `${passed} Apex methods imported by ${GATEWAY} exist as @AuraEnabled methods with the parameter names passed`
);
