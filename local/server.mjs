// A small static server for the local console, bound to 127.0.0.1 only: the page, the built bundle and
// the SLDS assets. No directory listings; nothing outside the three roots is ever served.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'local/dist');
const SLDS = join(ROOT, 'node_modules/@salesforce-ux/design-system/assets');
const INDEX = join(ROOT, 'local/index.html');
const SIGN_IN_PAGE = join(ROOT, 'local/signin.html');
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ico': 'image/x-icon'
};

/** Maps a URL path to a file under one of the roots, or null (no traversal out of a root). */
function fileFor(pathname, routes) {
    if (pathname === '/' || pathname === '/index.html') return INDEX;
    const route = routes.find((r) => pathname.startsWith(r.prefix));
    if (!route) return null;
    let rel;
    try {
        rel = decodeURIComponent(pathname.slice(route.prefix.length));
    } catch {
        return null;
    }
    const file = normalize(join(route.dir, rel));
    if (!file.startsWith(route.dir + sep)) return null;
    return existsSync(file) && statSync(file).isFile() ? file : null;
}

// Shown while the first build runs, so the URL answers at once and the page opens itself when ready.
const BUILDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><meta http-equiv="refresh" content="2" />
<title>Building the Personal Connection console</title></head>
<body><main><h1>Building the Personal Connection console…</h1>
<p>This page reloads itself every two seconds until the console is ready.</p></main></body></html>
`;

const SIGN_IN_STATE = /^[A-Za-z0-9_-]{16,128}$/;
const SIGN_IN_CODE = /^[A-Za-z0-9._~+/=-]{1,4096}$/;
const SIGN_IN_ERROR = /^[a-z_]{1,64}$/;

/**
 * The local console's stand-in for the sign-in's Apex (PersonalConnectionSignInController.saveSignIn and
 * PersonalConnectionController.collectSignIn), in memory, with the same checks: a state is answered once, and
 * collecting hands the answer out once.
 */
function localApex(pathname, req, res, signIns) {
    const answer = (status, body) =>
        res
            .writeHead(status, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' })
            .end(JSON.stringify(body));
    if (req.method !== 'POST') return answer(405, 'Rejected');
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
        text += chunk;
        if (text.length > 16_384) req.destroy();
    });
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(text);
        } catch {
            return answer(400, 'Rejected');
        }
        const state = typeof body?.state === 'string' ? body.state : '';
        if (!SIGN_IN_STATE.test(state)) return answer(400, 'Rejected');
        if (pathname === '/local-apex/saveSignIn') {
            const code = typeof body.code === 'string' ? body.code : '';
            const error = typeof body.error === 'string' ? body.error : '';
            if (signIns.has(state) || Boolean(code) === Boolean(error)) return answer(200, 'Rejected');
            if (code && !SIGN_IN_CODE.test(code)) return answer(200, 'Rejected');
            signIns.set(
                state,
                code
                    ? { status: 'code', code }
                    : { status: 'error', error: SIGN_IN_ERROR.test(error) ? error : 'error' }
            );
            return answer(200, 'saved');
        }
        if (pathname === '/local-apex/collectSignIn') {
            const saved = signIns.get(state);
            signIns.delete(state);
            return answer(200, saved ?? { status: 'pending' });
        }
        return answer(404, 'Rejected');
    });
}

/**
 * Starts the server on 127.0.0.1:port (0 picks a free port). Resolves with its URL and a close function
 * that also ends open keep-alive connections, so callers stop promptly. While `isReady()` is false the page
 * is a self-refreshing "building" notice and the bundle answers 503. `dist` serves a copy of the built
 * bundle instead of local/dist (the browser tests use one, so a rebuild elsewhere cannot change it mid-run).
 */
export function startServer({ port = 4173, host = '127.0.0.1', isReady = () => true, dist = DIST } = {}) {
    const routes = [
        { prefix: '/dist/', dir: resolve(dist) },
        { prefix: '/slds/', dir: SLDS }
    ];
    /** The in-memory Apex of the CXone sign-in: answers by state, each handed out once. */
    const signIns = new Map();
    const server = createServer((req, res) => {
        const { pathname } = new URL(req.url ?? '/', 'http://localhost');
        if (!isReady() && (pathname === '/' || pathname === '/index.html' || pathname.startsWith('/dist/'))) {
            const page = pathname.startsWith('/dist/') ? 'Building\n' : BUILDING_PAGE;
            res.writeHead(pathname.startsWith('/dist/') ? 503 : 200, {
                'content-type': pathname.startsWith('/dist/') ? 'text/plain; charset=utf-8' : TYPES['.html'],
                'cache-control': 'no-store',
                'retry-after': '2'
            }).end(page);
            return;
        }
        if (pathname.startsWith('/local-apex/')) {
            localApex(pathname, req, res, signIns);
            return;
        }
        const file =
            pathname === '/apex/PersonalConnectionSignIn'
                ? SIGN_IN_PAGE
                : req.method === 'GET' || req.method === 'HEAD'
                  ? fileFor(pathname, routes)
                  : null;
        if (!file) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
            return;
        }
        res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'content-length': statSync(file).size,
            // The bundle changes on every build; never let a browser keep an old one.
            'cache-control': 'no-store'
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
    });
    return new Promise((resolveStart, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            const address = server.address();
            const url = `http://${host}:${address.port}/`;
            resolveStart({
                url,
                port: address.port,
                close: () =>
                    new Promise((done) => {
                        server.close(() => done());
                        server.closeAllConnections();
                    })
            });
        });
    });
}
