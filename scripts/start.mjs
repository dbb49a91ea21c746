// `npm start`: builds the local console (unless local/dist is newer than every source; `--rebuild` forces it)
// and serves it on http://127.0.0.1:$PORT (default 4173): the real agent console on the simulated dialer and
// in-memory Salesforce data, with the Dialer simulator panel beside it. `--dialer cxone` also starts the project's
// CXone fake on 127.0.0.1 (a free port) and prints the console's address on the real CXone adapter against it.
import { buildConsole, isBuildFresh } from '../local/build.mjs';
import { startCxoneFake } from '../local/cxoneFake.mjs';
import { startServer } from '../local/server.mjs';

const dialerAt = process.argv.indexOf('--dialer');
const dialer = dialerAt >= 0 ? process.argv[dialerAt + 1] : 'simulated';
if (dialer !== 'simulated' && dialer !== 'cxone') {
    console.error(`--dialer must be simulated or cxone, not "${dialer}"`);
    process.exit(2);
}

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(2);
}

async function build() {
    if (!process.argv.includes('--rebuild') && isBuildFresh()) {
        console.log('The console build in local/dist is up to date.');
        return;
    }
    const started = Date.now();
    let modules = 0;
    const tty = process.stdout.isTTY;
    const line = () => `Building the console… ${modules} modules, ${Math.round((Date.now() - started) / 1000)} s`;
    // A line every few seconds off a TTY (CI logs), an updating line on one.
    const ticker = setInterval(
        () => (tty ? process.stdout.write(`\r${line()}`) : console.log(line())),
        tty ? 500 : 5000
    );
    console.log('Building the console (30-60 s on 2 cores the first time)…');
    try {
        const { ms } = await buildConsole({ onProgress: (n) => (modules = n) });
        if (tty) process.stdout.write('\n');
        console.log(`Built in ${(ms / 1000).toFixed(1)} s.`);
    } finally {
        clearInterval(ticker);
    }
}

// The server answers at once with a "building" page that reloads itself; the console replaces it when built.
let ready = false;
let server;
try {
    server = await startServer({ port, isReady: () => ready });
} catch (e) {
    console.error(
        e.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another one.` : `Could not start: ${e.message}`
    );
    process.exit(1);
}
const cxone = dialer === 'cxone' ? await startCxoneFake() : null;
const stop = async (signal) => {
    console.log(`\n${signal}: stopping the console server.`);
    await cxone?.stop();
    await server.close();
    process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
console.log(`Serving on ${server.url} (the page says it is building until the console is ready)`);
try {
    await build();
} catch (e) {
    console.error(`\nThe console failed to build: ${e.message}`);
    await server.close();
    process.exit(1);
}
ready = true;
console.log(`The Personal Connection console is ready: ${server.url}`);
// Three lines dialing in real time with the agent already on a skill: the console is seen working at once (LC-1).
if (cxone) {
    const query = new URLSearchParams({
        dialer: 'cxone',
        cxone: cxone.fake.baseUri,
        cxoneControl: cxone.controlUri
    });
    console.log(`CXone mode (the real CXone adapter against the fake at ${cxone.fake.baseUri}):`);
    console.log(`${server.url}?${query}   (Ctrl+C stops)`);
} else {
    console.log(
        `Known start: ${server.url}?seed=1&lines=3&preview=off&speed=1&skill=skill-collections   (Ctrl+C stops)`
    );
}
