import { TabLeader } from 'c/pcTabLeader';
import { ChannelHub, MemoryLocks, SteppedClock, flushMicrotasks } from '../../../../../../test/tabs/memoryTabs';

function tab(hub: ChannelHub, clock: SteppedClock, id: string, locks: MemoryLocks | null): TabLeader {
    return new TabLeader({ name: 'pc-dialer', channel: hub.open(), locks, clock, tabId: id });
}

/** Steps the clock until some tab leads; returns the dialer time it took. */
async function timeToLeader(clock: SteppedClock, tabs: TabLeader[], limitMs = 10_000): Promise<number> {
    const started = clock.now();
    for (let waited = 0; waited <= limitMs; waited += 50) {
        if (tabs.some((t) => t.isLeader())) return clock.now() - started;
        // Time is stepped in order: each step must finish before the next.
        // eslint-disable-next-line no-await-in-loop
        await clock.advance(50);
    }
    return Number.POSITIVE_INFINITY;
}

describe('c/pcTabLeader', () => {
    describe('with Web Locks', () => {
        it('BX-2 the first tab leads; a second tab follows', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const locks = new MemoryLocks();
            const a = tab(hub, clock, 'a', locks);
            const b = tab(hub, clock, 'b', locks);
            expect(await a.start()).toBe(true);
            expect(await b.start()).toBe(false);
            expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
        });

        it('BX-2 closing the leader tab hands over at once', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const locks = new MemoryLocks();
            const a = tab(hub, clock, 'a', locks);
            const b = tab(hub, clock, 'b', locks);
            await a.start();
            await b.start();
            const changes: boolean[] = [];
            b.onChange((leading) => changes.push(leading));
            a.stop();
            await flushMicrotasks();
            expect(b.isLeader()).toBe(true);
            expect(changes).toEqual([true]);
            b.stop();
        });
    });

    describe('with the BroadcastChannel heartbeat', () => {
        it('BX-2 exactly one of two tabs starting together leads', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const a = tab(hub, clock, 'a', null);
            const b = tab(hub, clock, 'b', null);
            const decided = Promise.all([a.start(), b.start()]);
            await clock.advance(2_000);
            expect(await decided).toEqual([true, false]);
            await clock.advance(10_000);
            expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
        });

        it('BX-2 a tab opened later follows the running leader', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const a = tab(hub, clock, 'm', null);
            const started = a.start();
            await clock.advance(1_000);
            expect(await started).toBe(true);
            const b = tab(hub, clock, 'a', null);
            const follows = b.start();
            await clock.advance(1_000);
            expect(await follows).toBe(false);
            await clock.advance(10_000);
            expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
        });

        it('BX-2 a leader that closes hands over within 2 s of dialer time', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const a = tab(hub, clock, 'a', null);
            const b = tab(hub, clock, 'b', null);
            a.start().catch(() => undefined);
            b.start().catch(() => undefined);
            await clock.advance(2_000);
            a.stop();
            expect(await timeToLeader(clock, [b])).toBeLessThanOrEqual(2_000);
            b.stop();
        });

        it('BX-2 a leader tab that dies without a word is replaced within 2 s of dialer time', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const channelOfA = hub.open();
            const a = new TabLeader({ name: 'pc-dialer', channel: channelOfA, clock, tabId: 'a' });
            const b = tab(hub, clock, 'b', null);
            const c = tab(hub, clock, 'c', null);
            a.start().catch(() => undefined);
            b.start().catch(() => undefined);
            c.start().catch(() => undefined);
            await clock.advance(2_000);
            expect([a.isLeader(), b.isLeader(), c.isLeader()]).toEqual([true, false, false]);
            // The tab is killed: its channel goes silent, no resign is sent.
            channelOfA.close();
            expect(await timeToLeader(clock, [b, c])).toBeLessThanOrEqual(2_000);
            await clock.advance(5_000);
            expect([b.isLeader(), c.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
            c.stop();
        });

        it('BX-2 application messages reach the other tabs only', async () => {
            const hub = new ChannelHub();
            const clock = new SteppedClock();
            const a = tab(hub, clock, 'a', null);
            const b = tab(hub, clock, 'b', null);
            a.start().catch(() => undefined);
            b.start().catch(() => undefined);
            const seenByA: unknown[] = [];
            const seenByB: unknown[] = [];
            a.onMessage((data) => seenByA.push(data));
            b.onMessage((data, from) => seenByB.push([data, from]));
            a.post({ hello: 1 });
            await flushMicrotasks();
            expect(seenByA).toEqual([]);
            expect(seenByB).toEqual([[{ hello: 1 }, 'a']]);
            a.stop();
            b.stop();
        });
    });
});
