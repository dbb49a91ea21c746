// What mutation testing showed the election suite left open: how a tab treats what other tabs (or anything else
// on the channel) send, what stop() tells the others and its own listeners, the claim race, the two-leader split,
// and the timings a tab uses when none are given. A "probe" is a bare channel end that reads and writes the wire
// as another tab would.
import { TabLeader, browserTabLeader } from 'c/pcTabLeader';
import { ChannelHub, MemoryLocks } from 'test-support/tabs';
import { SteppedClock } from 'test-support/clocks';
import { decide, election } from 'test-support/election';
import { flush } from 'test-support/time';
import type { MemoryChannel } from 'test-support/tabs';

interface Probe {
    readonly heard: unknown[];
    send(message: unknown): void;
    /** The wire types heard from `from`, in order. */
    typesFrom(from: string): string[];
}

function probe(hub: ChannelHub): Probe {
    const channel: MemoryChannel = hub.open();
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    return {
        heard,
        send: (message) => channel.postMessage(message),
        typesFrom: (from) =>
            heard
                .filter((m): m is { t: string; from: string } => (m as { from?: unknown }).from === from)
                .map((m) => m.t)
    };
}

describe('c/pcTabLeader (what other tabs say)', () => {
    it('BX-2 a lone tab leads once the claim window has passed with no answer', async () => {
        const { hub, clock, tab } = election();
        const p = probe(hub);
        const t = tab('m');
        const decided = decide(t);
        await clock.advance(200);
        // Still asking who leads, not yet claiming.
        expect(decided.leads).toBeNull();
        expect(p.typesFrom('m')).toEqual(['who']);
        await clock.advance(300);
        expect(p.typesFrom('m').slice(0, 2)).toEqual(['who', 'claim']);
        await clock.advance(300);
        expect(decided.leads).toBe(true);
        expect(t.isLeader()).toBe(true);
        t.stop();
    });

    it('BX-2 a leader announces itself about every half second, so followers never take over', async () => {
        const { hub, clock, loneLeader } = election();
        const p = probe(hub);
        const t = await loneLeader('m');
        const before = p.typesFrom('m').filter((x) => x === 'hb').length;
        await clock.advance(5_000);
        const beats = p.typesFrom('m').filter((x) => x === 'hb').length - before;
        expect(beats).toBeGreaterThanOrEqual(9);
        expect(beats).toBeLessThanOrEqual(11);
        t.stop();
    });

    it('BX-2 a leader answers a newly opened tab asking who leads, and a rival claim, with its heartbeat', async () => {
        const { hub, clock, loneLeader } = election();
        const t = await loneLeader('m');
        const p = probe(hub);
        p.send({ t: 'who', from: 'x' });
        await flush();
        expect(p.typesFrom('m')).toEqual(['hb']);
        p.send({ t: 'claim', from: 'a' });
        await flush();
        expect(p.typesFrom('m')).toEqual(['hb', 'hb']);
        // A claim, even from a lower id, does not unseat a running leader.
        await clock.advance(3_000);
        expect(t.isLeader()).toBe(true);
        t.stop();
    });

    it('BX-2 a follower does not answer who leads or a claim', async () => {
        const { hub, loneLeader, follows } = election();
        const leader = await loneLeader('a');
        const follower = await follows('b', 1_000);
        const p = probe(hub);
        p.send({ t: 'who', from: 'x' });
        p.send({ t: 'claim', from: 'x' });
        await flush();
        expect(p.typesFrom('b')).toEqual([]);
        leader.stop();
        follower.stop();
    });

    it('BX-2 of two tabs claiming at once the lower id leads, whichever tab it is', async () => {
        for (const [rival, expected] of [
            ['a', false],
            ['z', true]
        ] as const) {
            const { hub, clock, tab } = election();
            const p = probe(hub);
            const t = tab('m');
            const decided = decide(t);
            // Let the claim window open, then claim as a rival within it.
            // eslint-disable-next-line no-await-in-loop
            await clock.advance(260);
            expect(p.typesFrom('m')).toContain('claim');
            p.send({ t: 'claim', from: rival });
            // eslint-disable-next-line no-await-in-loop
            await clock.advance(300);
            expect(decided.leads).toBe(expected);
            t.stop();
        }
    });

    it('BX-2 a heartbeat heard while claiming makes the tab follow, and it claims again when the lease runs out', async () => {
        const { hub, clock, tab } = election();
        const p = probe(hub);
        const t = tab('m');
        const decided = decide(t);
        await clock.advance(260);
        // A higher id's heartbeat still means a leader exists.
        p.send({ t: 'hb', from: 'z' });
        await clock.advance(300);
        expect(decided.leads).toBe(false);
        // The leader then goes silent: within the lease plus a claim window the tab leads.
        const changes: boolean[] = [];
        t.onChange((leading) => changes.push(leading));
        await clock.advance(1_000);
        expect(t.isLeader()).toBe(false);
        await clock.advance(1_000);
        expect(t.isLeader()).toBe(true);
        expect(changes).toEqual([true]);
        t.stop();
    });

    it('BX-2 of two leaders after a split the higher id steps down and the lower id keeps leading', async () => {
        const { hub, clock, loneLeader } = election();
        const t = await loneLeader('m');
        const changes: boolean[] = [];
        t.onChange((leading) => changes.push(leading));
        const p = probe(hub);
        p.send({ t: 'hb', from: 'z' });
        await flush();
        expect(t.isLeader()).toBe(true);
        p.send({ t: 'hb', from: 'a' });
        await flush();
        expect(t.isLeader()).toBe(false);
        expect(changes).toEqual([false]);
        // Having stepped down it stops beating; once the lower id falls silent it takes over again.
        const beatsAfter = p.heard.length;
        await clock.advance(1_000);
        expect(p.heard.slice(beatsAfter)).toEqual([]);
        await clock.advance(1_500);
        expect(t.isLeader()).toBe(true);
        expect(changes).toEqual([false, true]);
        t.stop();
    });

    it('BX-2 a leader that stops tells the others at once, so a follower leads within one claim window', async () => {
        const { hub, clock, loneLeader, follows } = election();
        const a = await loneLeader('a');
        const b = await follows('b', 600);
        const p = probe(hub);
        const aChanges: boolean[] = [];
        a.onChange((leading) => aChanges.push(leading));
        a.stop();
        expect(a.isLeader()).toBe(false);
        expect(aChanges).toEqual([false]);
        await flush();
        expect(p.typesFrom('a')).toEqual(['resign']);
        await clock.advance(300);
        expect(b.isLeader()).toBe(true);
        // A stopped tab sends nothing more and hears nothing.
        await clock.advance(3_000);
        expect(p.typesFrom('a')).toEqual(['resign']);
        expect(a.isLeader()).toBe(false);
        b.stop();
    });

    it('BX-2 a follower that stops says nothing and tells its listeners nothing; stop() twice is harmless', async () => {
        const { hub, clock, tab, loneLeader } = election();
        const a = await loneLeader('a');
        const b = tab('b');
        const started = b.start();
        await clock.advance(600);
        await started;
        const p = probe(hub);
        const bChanges: boolean[] = [];
        b.onChange((leading) => bChanges.push(leading));
        b.stop();
        b.stop();
        await clock.advance(600);
        expect(p.typesFrom('b')).toEqual([]);
        expect(bChanges).toEqual([]);
        expect(a.isLeader()).toBe(true);
        a.stop();
    });

    it('BX-2 start() again while running answers the current role and sends nothing', async () => {
        const { hub, loneLeader } = election();
        const t = await loneLeader('m');
        const p = probe(hub);
        expect(await t.start()).toBe(true);
        await flush();
        expect(p.typesFrom('m')).toEqual([]);
        t.stop();
    });

    it('BX-2 a resign from another tab makes a follower claim without waiting for the lease', async () => {
        const { hub, clock, tab } = election();
        const p = probe(hub);
        const t = tab('m');
        const started = t.start();
        await clock.advance(100);
        p.send({ t: 'hb', from: 'a' });
        await clock.advance(300);
        expect(await started).toBe(false);
        p.send({ t: 'resign', from: 'a' });
        await clock.advance(300);
        expect(t.isLeader()).toBe(true);
        t.stop();
    });

    it('BX-2 what is not a message of the election is ignored: no role change, no delivery', async () => {
        const { hub, clock, loneLeader } = election();
        const t = await loneLeader('m');
        const delivered: unknown[] = [];
        t.onMessage((data, from) => delivered.push([data, from]));
        const p = probe(hub);
        const junk: unknown[] = [
            null,
            'hb',
            42,
            { t: 'hb' },
            { t: 'hb', from: 1 },
            { t: 'app', data: 1 },
            { t: 'app', from: null, data: 1 },
            { t: 'noise', from: 'a' },
            // Its own id echoed back (a second channel end of the same tab).
            { t: 'hb', from: 'm' },
            { t: 'app', from: 'm', data: 'echo' }
        ];
        for (const message of junk) p.send(message);
        await clock.advance(2_000);
        expect(t.isLeader()).toBe(true);
        expect(delivered).toEqual([]);
        p.send({ t: 'app', from: 'x', data: { ok: true } });
        await flush();
        expect(delivered).toEqual([[{ ok: true }, 'x']]);
        t.stop();
    });

    it('BX-2 listeners removed get nothing more; a stopped tab neither posts nor delivers', async () => {
        const { hub, loneLeader } = election();
        const t = await loneLeader('m');
        const p = probe(hub);
        const delivered: unknown[] = [];
        const changes: boolean[] = [];
        const offMessage = t.onMessage((data) => delivered.push(data));
        const offChange = t.onChange((leading) => changes.push(leading));
        offMessage();
        offChange();
        p.send({ t: 'app', from: 'x', data: 1 });
        p.send({ t: 'hb', from: 'a' });
        await flush();
        expect(t.isLeader()).toBe(false);
        expect(delivered).toEqual([]);
        expect(changes).toEqual([]);
        t.stop();
        t.post({ after: 'stop' });
        await flush();
        expect(p.typesFrom('m')).not.toContain('app');
    });

    it('BX-2 a tab that stopped can join again and lead', async () => {
        const { clock, tab } = election();
        const t = tab('m');
        t.start().catch(() => undefined);
        // Stopped in the middle of its claim.
        await clock.advance(260);
        t.stop();
        const again = t.start();
        await clock.advance(1_000);
        expect(await again).toBe(true);
        t.stop();
    });

    it('BX-2 tabs opened without an id get distinct ids, and tell each other apart', async () => {
        const { hub, clock } = election();
        const a = new TabLeader({ name: 'pc-dialer', channel: hub.open(), clock });
        const b = new TabLeader({ name: 'pc-dialer', channel: hub.open(), clock });
        expect(a.tabId).not.toBe('');
        expect(a.tabId).not.toBe(b.tabId);
        const decided = Promise.all([a.start(), b.start()]);
        await clock.advance(2_000);
        expect((await decided).filter(Boolean)).toHaveLength(1);
        a.stop();
        b.stop();
    });

    it('BX-2 a tab that took over after a resign leads alone: one heartbeat every half second, no further claim', async () => {
        const { hub, clock, tab } = election();
        const p = probe(hub);
        const t = tab('m');
        t.start().catch(() => undefined);
        await clock.advance(100);
        p.send({ t: 'hb', from: 'a' });
        await clock.advance(300);
        // The old leader says goodbye twice (a retried send), the second time within the claim window.
        p.send({ t: 'resign', from: 'a' });
        await clock.advance(100);
        p.send({ t: 'resign', from: 'a' });
        await clock.advance(300);
        expect(t.isLeader()).toBe(true);
        const from = p.heard.length;
        // Past the lease the follower had armed before the resign.
        await clock.advance(5_000);
        const later = p.heard.slice(from).map((m) => (m as { t: string }).t);
        expect(later).not.toContain('claim');
        expect(later.length).toBeGreaterThanOrEqual(9);
        expect(later.length).toBeLessThanOrEqual(11);
        t.stop();
    });

    it('BX-2 a message that is null, or not an object, is ignored without an error', async () => {
        const clock = new SteppedClock();
        const channel: { onmessage: ((event: { readonly data: unknown }) => void) | null } & Record<string, unknown> = {
            onmessage: null,
            postMessage: () => undefined,
            close: () => undefined
        };
        const t = new TabLeader({
            name: 'pc-dialer',
            channel: channel as unknown as MemoryChannel,
            clock,
            tabId: 'm'
        });
        t.start().catch(() => undefined);
        for (const data of [null, undefined, 'hb', 7]) expect(() => channel.onmessage?.({ data })).not.toThrow();
        t.stop();
    });

    it('BX-2 a closed channel that throws on post does not break stop() or post()', async () => {
        const clock = new SteppedClock();
        const channel = {
            onmessage: null,
            postMessage: () => {
                throw new Error('closed');
            },
            close: () => undefined
        };
        const t = new TabLeader({ name: 'pc-dialer', channel, clock, tabId: 'm' });
        const started = t.start();
        await clock.advance(1_000);
        expect(await started).toBe(true);
        expect(() => t.post({ x: 1 })).not.toThrow();
        expect(() => t.stop()).not.toThrow();
        expect(channel.onmessage).toBeNull();
    });
});

describe('c/pcTabLeader (with Web Locks)', () => {
    it('BX-2 the lock holder announces itself every heartbeat; a follower does not take over on silence', async () => {
        const { hub, clock, tab } = election({ locks: true });
        const p = probe(hub);
        const a = tab('a');
        const b = tab('b');
        expect(await a.start()).toBe(true);
        expect(await b.start()).toBe(false);
        await clock.advance(2_000);
        const beats = p.typesFrom('a').filter((x) => x === 'hb').length;
        expect(beats).toBeGreaterThanOrEqual(4);
        expect(beats).toBeLessThanOrEqual(6);
        expect(p.typesFrom('b')).toEqual([]);
        // A resign or silence means nothing where the lock decides: b follows until the lock is free.
        p.send({ t: 'resign', from: 'a' });
        p.send({ t: 'hb', from: 'z' });
        await clock.advance(5_000);
        expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
        a.stop();
        await flush();
        expect(b.isLeader()).toBe(true);
        b.stop();
    });

    it('BX-2 while the lock is held a follower never takes over, even when the holder falls silent', async () => {
        const { hub, clock, locks, tab } = election({ locks: true });
        const channelOfA = hub.open();
        const a = new TabLeader({ name: 'pc-dialer', channel: channelOfA, locks, clock, tabId: 'a' });
        const b = tab('b');
        expect(await a.start()).toBe(true);
        expect(await b.start()).toBe(false);
        await clock.advance(1_000);
        // The holder's channel goes quiet (a frozen tab) but it still holds the lock.
        channelOfA.close();
        await clock.advance(10_000);
        expect(b.isLeader()).toBe(false);
        a.stop();
        await flush();
        expect(b.isLeader()).toBe(true);
        b.stop();
    });

    it('BX-2 a tab that hears the leader before its lock request is answered knows at once that it follows', async () => {
        const { hub, clock } = election();
        let answer: ((lock: unknown) => unknown) | null = null;
        const slowLocks = {
            request: (_name: string, _options: unknown, callback: (lock: unknown) => unknown) => {
                answer ??= callback;
                return new Promise<unknown>(() => undefined);
            }
        };
        const t = new TabLeader({ name: 'pc-dialer', channel: hub.open(), locks: slowLocks, clock, tabId: 'm' });
        const decided = decide(t);
        const p = probe(hub);
        p.send({ t: 'hb', from: 'z' });
        await flush();
        expect(decided.leads).toBe(false);
        t.stop();
    });

    it('BX-2 a heartbeat does not unseat the lock holder, whatever its id', async () => {
        const { hub, clock, tab } = election({ locks: true });
        const t = tab('m');
        expect(await t.start()).toBe(true);
        const p = probe(hub);
        p.send({ t: 'hb', from: 'a' });
        await clock.advance(2_000);
        expect(t.isLeader()).toBe(true);
        t.stop();
    });

    it('BX-2 a tab stopped while waiting for the lock never leads when it is freed', async () => {
        const { tab, startPair } = election({ locks: true });
        const [a, b] = await startPair('a', 'b');
        b.stop();
        const c = tab('c');
        expect(await c.start()).toBe(false);
        a.stop();
        await flush();
        expect(b.isLeader()).toBe(false);
        // The lock went on to the next waiting tab.
        expect(c.isLeader()).toBe(true);
        c.stop();
    });

    it('BX-2 a follower with locks is told of the change only when it takes over', async () => {
        const { clock, startPair } = election({ locks: true });
        const [a, b] = await startPair('a', 'b');
        const changes: boolean[] = [];
        b.onChange((leading) => changes.push(leading));
        await clock.advance(2_000);
        expect(changes).toEqual([]);
        a.stop();
        await flush();
        expect(changes).toEqual([true]);
        b.stop();
        expect(changes).toEqual([true, false]);
    });
});

describe('browserTabLeader', () => {
    const g = globalThis as { BroadcastChannel?: unknown; navigator?: { locks?: unknown } };
    const saved = g.BroadcastChannel;
    afterEach(() => {
        g.BroadcastChannel = saved;
    });

    it('BX-2 without BroadcastChannel there is no election (the tab works alone)', () => {
        delete g.BroadcastChannel;
        expect(browserTabLeader('pc-dialer-x')).toBeNull();
    });

    it('BX-2 with BroadcastChannel and Web Locks the lock decides, and nothing is asked on the channel', async () => {
        const posted: unknown[] = [];
        g.BroadcastChannel = class {
            onmessage = null;
            postMessage(m: unknown): void {
                posted.push(m);
            }
            close(): void {
                /* nothing to release in the stand-in */
            }
        };
        Object.defineProperty(navigator, 'locks', { value: new MemoryLocks(), configurable: true });
        try {
            const t = browserTabLeader('pc-dialer-x');
            expect(await t?.start()).toBe(true);
            expect(posted.map((m) => (m as { t: string }).t)).toEqual(['hb']);
            t?.stop();
        } finally {
            delete (navigator as { locks?: unknown }).locks;
        }
    });

    it('BX-2 with BroadcastChannel and no Web Locks the heartbeat election runs on the named channel', async () => {
        const names: string[] = [];
        const posted: unknown[] = [];
        g.BroadcastChannel = class {
            onmessage = null;
            constructor(name: string) {
                names.push(name);
            }
            postMessage(m: unknown): void {
                posted.push(m);
            }
            close(): void {
                /* nothing to release in the stand-in */
            }
        };
        const t = browserTabLeader('pc-dialer-x');
        expect(t).toBeInstanceOf(TabLeader);
        expect(names).toEqual(['pc-dialer-x']);
        // Without locks it asks who leads (the heartbeat election), rather than waiting on a lock.
        t?.start().catch(() => undefined);
        await flush();
        expect(posted).toEqual([{ t: 'who', from: t?.tabId }]);
        t?.stop();
    });
});
