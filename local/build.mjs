// Builds the local console (local/entry.ts) into local/dist/ with rollup + @lwc/rollup-plugin, the real
// lightning-base-components and synthetic shadow, so the browser sees what Lightning Experience shows.
// Local-only stand-ins (labels, @salesforce/*, lightning/* modules LBC does not ship) live here, never in
// the deployable bundles. Run directly (`node local/build.mjs`) or import buildConsole().
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformAsync } from '@babel/core';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readLabels, LABELS_FILE } from '../scripts/labels.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');
const LOCAL_MODULES = join(ROOT, 'local/lwc');
const LBC_LIGHTNING = join(ROOT, 'node_modules/lightning-base-components/src/lightning');
/** Where the built console goes; served under /dist/. */
export const DIST = join(ROOT, 'local/dist');
const STAMP = join(DIST, '.built');
// Rollup's module cache, kept between runs: a rebuild after a small change re-transforms only the changed
// files instead of all of lightning-base-components (about 25 s on 2 cores).
const CACHE_FILE = join(ROOT, 'node_modules/.cache/pc-local-console/rollup-cache.json');

/** One alias record per bundle folder: the resolver's `dir` records expect <ns>/<name>/, not the sfdx layout. */
function bundleRecords(dir, namespace) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('__'))
        .flatMap((d) => {
            // .ts is the source of truth; the .js beside it is tsc output for deploy and may be stale.
            const ts = join(dir, d.name, `${d.name}.ts`);
            const js = join(dir, d.name, `${d.name}.js`);
            const path = existsSync(ts) ? ts : existsSync(js) ? js : null;
            return path ? [{ name: `${namespace}/${d.name}`, path }] : [];
        });
}

/** Every module record the build resolves: product bundles (c/*), local-only bundles (local/*), LBC. */
function moduleRecords() {
    const localNamespaces = existsSync(LOCAL_MODULES)
        ? readdirSync(LOCAL_MODULES, { withFileTypes: true }).filter((d) => d.isDirectory())
        : [];
    return [
        ...bundleRecords(LWC_DIR, 'c'),
        ...localNamespaces.flatMap((ns) => bundleRecords(join(LOCAL_MODULES, ns.name), ns.name)),
        { npm: 'lightning-base-components' }
    ];
}

/** Same recipe as @lwc/jest-transformer: babel preset-typescript, decorators kept (esbuild breaks `export default`). */
function stripTypeScript() {
    return {
        name: 'pc-strip-ts',
        async transform(code, id) {
            const file = id.split('?')[0];
            if (!file.endsWith('.ts') || file.includes(`${sep}node_modules${sep}`)) return null;
            const result = await transformAsync(code, {
                filename: file,
                babelrc: false,
                configFile: false,
                sourceMaps: true,
                plugins: [['@babel/plugin-syntax-decorators', { version: '2023-11' }]],
                presets: [['@babel/preset-typescript', { allowDeclareFields: true, onlyRemoveTypeImports: false }]]
            });
            return { code: result.code, map: result.map };
        }
    };
}

const STANDIN = '\0pc-standin:';

/** Platform modules outside an org: labels get their real values, the rest harmless local stand-ins. */
function platformStandIns(labels, warn) {
    const sources = {
        '@salesforce/user/Id': `export default '005000000000001AAA';`,
        '@salesforce/user/isGuest': `export default false;`,
        '@salesforce/community/Id': `export default undefined;`,
        // Outside an org the browser's zone and language stand in for the user's Salesforce settings.
        '@salesforce/i18n/timeZone': `export default Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';`,
        '@salesforce/i18n/locale': `export default navigator.language || 'en-US';`,
        'lightning/platformShowToastEvent': `export class ShowToastEvent extends CustomEvent {
            constructor(init) { super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: init }); }
        }`,
        'lightning/uiRecordApi': `export function getRecord() { return undefined; }
            export function getFieldValue(record, field) { return record?.fields?.[field?.fieldApiName ?? field]?.value; }
            export function notifyRecordUpdateAvailable() { return Promise.resolve(); }`,
        'lightning/messageService': `export const APPLICATION_SCOPE = 'APPLICATION_SCOPE';
            export function createMessageContext() { return {}; } export function releaseMessageContext() {}
            export function publish() {} export function subscribe() { return {}; } export function unsubscribe() {}
            export function MessageContext() {}`,
        // LBC's lightning/navigation re-exports the platform's force/navigation. Locally a record link goes to a
        // hash URL, so a click has a visible, harmless effect.
        'force/navigation': `const Navigate = Symbol('Navigate');
            const GenerateUrl = Symbol('GenerateUrl');
            const urlOf = (ref) => ref?.type === 'standard__recordPage'
                ? '#/lightning/r/' + (ref.attributes?.objectApiName ?? 'Record') + '/' + ref.attributes?.recordId + '/' + (ref.attributes?.actionName ?? 'view')
                : '#/' + encodeURIComponent(JSON.stringify(ref ?? {}));
            export function NavigationMixin(Base) {
                return class extends Base {
                    [Navigate](ref) { window.location.hash = urlOf(ref).slice(1); }
                    [GenerateUrl](ref) { return Promise.resolve(urlOf(ref)); }
                };
            }
            NavigationMixin.Navigate = Navigate;
            NavigationMixin.GenerateUrl = GenerateUrl;
            export class CurrentPageReference {
                constructor(callback) { this.callback = callback; }
                connect() { this.callback({ type: 'standard__navItemPage', attributes: { apiName: 'Personal_Connection' }, state: {} }); }
                update() {}
                disconnect() {}
            }`,
        // No console workspace locally: a Contact "tab" goes to the record's hash URL, as a record link does.
        'lightning/platformWorkspaceApi': `const show = (o) => { window.location.hash = '/lightning/r/Contact/' + o.recordId + '/view'; return Promise.resolve('local-tab'); };
            export function getAllTabInfo() { return Promise.resolve([]); }
            export function getFocusedTabInfo() { return Promise.resolve(null); }
            export function openTab(o) { return show(o); }
            export function openSubtab(_parent, o) { return show(o); }
            export function focusTab() { return Promise.resolve(); }`,
        'lightning/refresh': `export const RefreshEvent = class extends CustomEvent { constructor() { super('lightning__refreshevent', { bubbles: true, composed: true }); } };
            export function registerRefreshHandler() { return 0; } export function unregisterRefreshHandler() {}`
    };
    const prefixes = {
        // Components never call Apex (the gateway does); locally the in-memory gateway stands in, so any call fails loudly.
        '@salesforce/apex/': (rest) =>
            `export default function apex() { return Promise.reject(new Error('Apex is not available in the local console: ${rest}')); }`,
        '@salesforce/schema/': (rest) => {
            const [objectApiName, ...field] = rest.split('.');
            return `export default ${JSON.stringify(field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName })};`;
        },
        '@salesforce/resourceUrl/': (rest) => `export default ${JSON.stringify(`/resource/${rest}`)};`,
        '@salesforce/contentAssetUrl/': (rest) => `export default ${JSON.stringify(`/asset/${rest}`)};`,
        '@salesforce/messageChannel/': (rest) => `export default ${JSON.stringify({ channel: rest })};`,
        '@salesforce/customPermission/': () => `export default false;`,
        '@salesforce/userPermission/': () => `export default false;`
    };
    return {
        name: 'pc-platform-stand-ins',
        resolveId(source) {
            if (source.startsWith('@salesforce/label/c.')) return STANDIN + source;
            if (source in sources) {
                const lbcName = source.slice('lightning/'.length);
                if (source.startsWith('lightning/') && existsSync(join(LBC_LIGHTNING, lbcName))) return null;
                return STANDIN + source;
            }
            if (Object.keys(prefixes).some((p) => source.startsWith(p))) return STANDIN + source;
            return null;
        },
        load(id) {
            if (!id.startsWith(STANDIN)) return null;
            const source = id.slice(STANDIN.length);
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                if (!labels.has(name)) {
                    // Shown as its name, so a missing label is visible on screen instead of failing the whole build.
                    warn(`custom label c.${name} is not in ${LABELS_FILE}`);
                    return `export default ${JSON.stringify(name)};`;
                }
                return `export default ${JSON.stringify(labels.get(name))};`;
            }
            if (source in sources) return sources[source];
            const prefix = Object.keys(prefixes).find((p) => source.startsWith(p));
            return prefixes[prefix](source.slice(prefix.length));
        }
    };
}

/**
 * Resolves `lightning/<name>` straight to LBC's file. The LWC resolver finds the same file, but walks every
 * module record for each of the thousands of imports (icon templates included): about a third of a cold build.
 */
function fastLightningResolve() {
    const known = new Map();
    return {
        name: 'pc-fast-lightning-resolve',
        resolveId(source) {
            if (!source.startsWith('lightning/') || source.split('/').length !== 2) return null;
            if (!known.has(source)) {
                const name = source.slice('lightning/'.length);
                const file = join(LBC_LIGHTNING, name, `${name}.js`);
                known.set(source, existsSync(file) ? file : null);
            }
            return known.get(source);
        }
    };
}

/** Counts transformed modules, so a long build can show it is moving. */
function progress(onModule) {
    let count = 0;
    return {
        name: 'pc-progress',
        transform() {
            count += 1;
            onModule?.(count);
            return null;
        }
    };
}

/** Files whose change makes a build stale. */
function* sourceFiles() {
    const roots = [LWC_DIR, join(ROOT, 'local'), join(ROOT, LABELS_FILE)];
    const walk = function* (path) {
        if (!existsSync(path)) return;
        const st = statSync(path);
        if (st.isFile()) {
            yield { path, mtimeMs: st.mtimeMs };
            return;
        }
        for (const entry of readdirSync(path)) {
            const child = join(path, entry);
            if (child === DIST || entry === '__tests__' || entry === 'node_modules') continue;
            yield* walk(child);
        }
    };
    for (const root of roots) yield* walk(root);
}

/**
 * The LWC engine's mode: production by default, as in an org (no per-render User Timing marks, so the
 * benchmark measures what agents get); PC_DEV_BUILD=1 builds the development engine with its runtime warnings.
 */
export function buildMode() {
    return process.env.PC_DEV_BUILD ? 'development' : 'production';
}

/** True when local/dist was built in this mode after every source it depends on last changed. */
export function isBuildFresh() {
    if (!existsSync(STAMP)) return false;
    if (readFileSync(STAMP, 'utf8').split(' ')[0] !== buildMode()) return false;
    const built = statSync(STAMP).mtimeMs;
    for (const file of sourceFiles()) {
        if (file.path.endsWith('.js') && existsSync(file.path.replace(/\.js$/, '.ts'))) continue;
        if (file.mtimeMs > built) return false;
    }
    return true;
}

/**
 * What a cached build depends on beyond each file's own text: the file names in every bundle (a new
 * template changes what a component's implicit import resolves to), this script and the compiler versions.
 */
function cacheKey(records) {
    const hash = createHash('sha256');
    for (const record of records) {
        if (!record.path) continue;
        hash.update(
            `${record.name}=${relative(ROOT, record.path)}:${readdirSync(dirname(record.path)).sort().join(',')}\n`
        );
    }
    hash.update(readFileSync(fileURLToPath(import.meta.url)));
    for (const pkg of ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup']) {
        hash.update(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json')));
    }
    return hash.digest('hex');
}

function readCache(key) {
    try {
        const saved = JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
        return saved.key === key ? saved.cache : undefined;
    } catch {
        return undefined;
    }
}

function writeCache(key, cache) {
    if (!cache) return;
    // ASTs are most of the cache's size and rollup re-parses quickly; transforms are what is slow.
    const modules = cache.modules.map((m) => ({ ...m, ast: undefined }));
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ key, cache: { ...cache, modules } }));
}

/**
 * Builds the console into local/dist. `onProgress(modules)` is called as modules are transformed.
 * Resolves with the build's wall time and warnings (LBC's own template warnings are filtered out).
 */
export async function buildConsole({ onProgress, log = console.error } = {}) {
    const started = Date.now();
    const warnings = [];
    const warn = (message) => warnings.push(message);
    const records = moduleRecords();
    const mode = buildMode();
    const key = `${mode}:${cacheKey(records)}`;
    const cache = process.env.PC_NO_BUILD_CACHE ? undefined : readCache(key);
    const bundle = await rollup({
        input: { main: join(ROOT, 'local/entry.ts') },
        cache,
        perf: Boolean(process.env.PC_BUILD_PERF),
        plugins: [
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify(mode), 'import.meta.env.SSR': 'false' }
            }),
            platformStandIns(readLabels(join(ROOT, LABELS_FILE)), warn),
            fastLightningResolve(),
            progress(onProgress),
            stripTypeScript(),
            lwc({
                rootDir: ROOT,
                modules: records,
                enableDynamicComponents: true,
                // LBC's gate stub opens every gate, so the combobox calls attachInternals(); synthetic shadow needs this.
                enableSyntheticElementInternals: true
            }),
            nodeResolve({ extensions: ['.mjs', '.js', '.ts', '.json'] })
        ],
        onwarn(w) {
            if (w.code === 'CIRCULAR_DEPENDENCY' || w.code === 'THIS_IS_UNDEFINED') return;
            if (/node_modules[\\/]lightning-base-components/.test(w.id || w.loc?.file || '')) return;
            warn(`${w.code ?? 'WARN'} ${w.message}`);
        }
    });
    rmSync(DIST, { recursive: true, force: true });
    await bundle.write({
        dir: DIST,
        format: 'esm',
        entryFileNames: '[name].js',
        // Icon templates are dynamic imports: rollup needs an output dir for their chunks.
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Off by default: source maps of LBC cost several seconds per build; PC_SOURCEMAP=1 turns them on.
        sourcemap: Boolean(process.env.PC_SOURCEMAP)
    });
    if (process.env.PC_BUILD_PERF) console.error(bundle.getTimings());
    writeCache(key, bundle.cache);
    await bundle.close();
    mkdirSync(DIST, { recursive: true });
    writeFileSync(STAMP, `${mode} ${new Date().toISOString()}\n`);
    for (const w of warnings) log(`build warning: ${w}`);
    return { ms: Date.now() - started, warnings, cached: Boolean(cache) };
}

// `node local/build.mjs [--if-stale]`: builds, or with --if-stale only when a source is newer than the build.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const rel = relative(process.cwd(), DIST) || '.';
    if (process.argv.includes('--if-stale') && isBuildFresh()) {
        console.error(`The console in ${rel} is newer than its sources; not rebuilt`);
    } else {
        build(rel);
    }
}

function build(rel) {
    buildConsole({
        onProgress: (n) => {
            if (process.stderr.isTTY && n % 25 === 0) process.stderr.write(`\rBuilding the console: ${n} modules`);
        }
    }).then(
        ({ ms }) =>
            console.error(
                `${process.stderr.isTTY ? '\n' : ''}Built the console into ${rel} in ${(ms / 1000).toFixed(1)} s`
            ),
        (e) => {
            console.error(`\nBuild failed: ${e.message}`);
            process.exitCode = 1;
        }
    );
}
