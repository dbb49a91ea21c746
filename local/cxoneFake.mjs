// Starts the project's CXone fake (test/cxone/fakeCxoneServer.ts) beside the local console, on 127.0.0.1 and a free
// port, with its dialer clock following real time, for `npm start -- --dialer cxone` and the CXone-mode browser
// tests. Node 20 runs JavaScript only, so the fake is transpiled with the project's TypeScript into the cache.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOURCE = join(ROOT, 'test/cxone/fakeCxoneServer.ts');
const OUT = join(ROOT, 'node_modules/.cache/pc-cxone-fake');
const COMPILED = join(OUT, 'fakeCxoneServer.mjs');
/** How often the fake's dialer clock catches up with real time. */
const TICK_MS = 200;

function compile() {
    if (existsSync(COMPILED) && statSync(COMPILED).mtimeMs >= statSync(SOURCE).mtimeMs) return;
    mkdirSync(OUT, { recursive: true });
    // Its only other import is type-only (the contract harness), so the file transpiles alone.
    const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        fileName: SOURCE
    });
    writeFileSync(COMPILED, outputText);
}

/**
 * Starts the fake. Resolves with it (its `baseUri`, `authorizeEndpoint`, `tokenEndpoint`, fault switches) and a
 * `stop()` that ends the clock and the server.
 */
export async function startCxoneFake() {
    compile();
    const { FakeCxoneServer } = await import(pathToFileURL(COMPILED).href);
    const fake = await FakeCxoneServer.start();
    let last = Date.now();
    let busy = false;
    const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        const now = Date.now();
        const elapsed = now - last;
        last = now;
        fake.advance(elapsed).finally(() => {
            busy = false;
        });
    }, TICK_MS);
    return {
        fake,
        stop: async () => {
            clearInterval(timer);
            await fake.stop();
        }
    };
}
