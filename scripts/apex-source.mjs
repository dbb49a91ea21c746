// Reads the project's Apex with @apexdevtools/apex-parser: syntax errors (lexer and parser alike) and, per top-level
// class, its sharing, whether it is a test class, its methods (annotations, modifiers, parameter names), its static
// SOQL and its dynamic query calls. Shared by check-apex.mjs and check-apex-imports.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { ApexErrorListener, ApexParserBaseVisitor, ApexParserFactory } from '@apexdevtools/apex-parser';

/** Every .cls and .trigger under the package directory, sorted. */
export function apexFiles(root = 'force-app') {
    const found = [];
    const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (/\.(cls|trigger)$/.test(entry.name)) found.push(path);
        }
    };
    walk(root);
    return found.sort();
}

const DYNAMIC_QUERY = new Set([
    'database.query',
    'database.querywithbinds',
    'database.countquery',
    'database.countquerywithbinds',
    'database.getquerylocator',
    'database.getquerylocatorwithbinds',
    'search.query',
    'search.find'
]);

function annotationsOf(modifiers) {
    const annotations = new Map();
    for (const modifier of modifiers) {
        const annotation = modifier.annotation();
        if (!annotation) continue;
        const pairs = new Map();
        for (const pair of annotation.elementValuePairs()?.elementValuePair_list() ?? []) {
            pairs.set(pair.id().getText().toLowerCase(), pair.elementValue().getText().toLowerCase());
        }
        annotations.set(annotation.id().getText().toLowerCase(), pairs);
    }
    return annotations;
}

function keywordsOf(modifiers) {
    return new Set(modifiers.filter((m) => !m.annotation()).map((m) => m.getText().toLowerCase()));
}

function classDepth(ctx) {
    let depth = 0;
    for (let node = ctx.parentCtx; node; node = node.parentCtx) {
        if (node.constructor.name === 'ClassDeclarationContext') depth += 1;
    }
    return depth;
}

/** The class body a declaration belongs to (its nearest enclosing one), to tell an inner class's members apart. */
function enclosingClassBody(ctx) {
    for (let c = ctx.parentCtx; c; c = c.parentCtx) {
        if (c.constructor.name === 'ClassBodyContext') return c;
    }
    return null;
}

/**
 * Parameters that hide a static field of their class: Apex names ignore case, so in `STATE.matcher(state)` with a
 * parameter `state`, `STATE` is the parameter (a String) and the class does not compile. Reported where the method
 * uses the field's name.
 */
export function hiddenStaticFields(info) {
    const found = [];
    for (const method of info.methods) {
        for (const param of method.params) {
            const field = info.staticFields.find(
                (f) => f.classBody === method.classBody && f.name.toLowerCase() === param.toLowerCase()
            );
            if (!field) continue;
            const [from, to] = method.tokenRange;
            const use = info.tokens.find(
                (t, i) =>
                    t.index >= from &&
                    t.index <= to &&
                    t.text === field.name &&
                    t.text !== param &&
                    info.tokens[i + 1]?.text === '.'
            );
            if (use) found.push({ param, field: field.name, method: method.name, line: use.line });
        }
    }
    return found;
}

/** Parses one Apex file (or the source given for that path); never throws on bad source (errors are returned). */
export function readApex(path, source = readFileSync(path, 'utf8')) {
    const errors = [];
    class Collect extends ApexErrorListener {
        apexSyntaxError(line, column, message) {
            errors.push(`${line}:${column} ${message}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(source, new Collect());
    const isTrigger = path.endsWith('.trigger');
    const tree = isTrigger ? parser.triggerUnit() : parser.compilationUnit();
    const info = {
        path,
        name: basename(path).replace(/\.(cls|trigger)$/, ''),
        isTrigger,
        errors,
        isTest: false,
        sharing: null,
        methods: [],
        soql: [],
        dynamicQueries: [],
        /** Static fields of every class in the file: name and the class they belong to (their declaring context). */
        staticFields: []
    };
    if (errors.length) return info;
    if (!isTrigger) {
        const typeDeclaration = tree.typeDeclaration();
        const modifiers = typeDeclaration.modifier_list();
        info.isTest = annotationsOf(modifiers).has('istest');
        const keywords = keywordsOf(modifiers);
        info.sharing = ['withsharing', 'withoutsharing', 'inheritedsharing'].find((k) => keywords.has(k)) ?? null;
    }
    class Visitor extends ApexParserBaseVisitor {
        visitMethodDeclaration(ctx) {
            const body = ctx.parentCtx?.parentCtx;
            const modifiers = body?.modifier_list ? body.modifier_list() : [];
            info.methods.push({
                name: ctx.id().getText(),
                topLevel: classDepth(ctx) === 1,
                annotations: annotationsOf(modifiers),
                keywords: keywordsOf(modifiers),
                params: (ctx.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map((p) =>
                    p.id().getText()
                ),
                line: ctx.start.line,
                classBody: enclosingClassBody(ctx),
                // The method's own tokens, for names used in its body.
                tokenRange: [ctx.start.tokenIndex, ctx.stop?.tokenIndex ?? ctx.start.tokenIndex]
            });
            return this.visitChildren(ctx);
        }

        visitFieldDeclaration(ctx) {
            const body = ctx.parentCtx?.parentCtx;
            const modifiers = body?.modifier_list ? body.modifier_list() : [];
            if (keywordsOf(modifiers).has('static')) {
                for (const declarator of ctx.variableDeclarators().variableDeclarator_list()) {
                    info.staticFields.push({ name: declarator.id().getText(), classBody: enclosingClassBody(ctx) });
                }
            }
            return this.visitChildren(ctx);
        }

        visitSoqlLiteral(ctx) {
            info.soql.push({ text: ctx.getText(), line: ctx.start.line });
            return this.visitChildren(ctx);
        }
    }
    new Visitor().visit(tree);
    const tokens = parser
        .getTokenStream()
        .tokens.filter((t) => t.channel === 0)
        .map((t) => ({ text: t.text, line: t.line, index: t.tokenIndex }));
    info.tokens = tokens;
    for (let i = 0; i + 3 < tokens.length; i++) {
        if (tokens[i + 1].text !== '.' || tokens[i + 3].text !== '(') continue;
        const call = `${tokens[i].text}.${tokens[i + 2].text}`.toLowerCase();
        if (DYNAMIC_QUERY.has(call)) info.dynamicQueries.push({ call, line: tokens[i].line });
    }
    return info;
}
