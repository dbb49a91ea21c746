import { TabLeader } from 'c/pcTabLeader';
import { election } from 'test-support/election';
import { flush } from 'test-support/time';

describe('c/pcTabLeader', () => {
    describe('with Web Locks', () => {
        it('BX-2 the first tab leads; a second tab follows', async () => {
            const { tab } = election({ locks: true });
            const a = tab('a');
            const b = tab('b');
            expect(await a.start()).toBe(true);
            expect(await b.start()).toBe(false);
            expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
        });

        it('BX-2 closing the leader tab hands over at once', async () => {
            const { startPair } = election({ locks: true });
            const [a, b] = await startPair('a', 'b');
            const changes: boolean[] = [];
            b.onChange((leading) => changes.push(leading));
            a.stop();
            await flush();
            expect(b.isLeader()).toBe(true);
            expect(changes).toEqual([true]);
            b.stop();
        });
    });

    describe('with the BroadcastChannel heartbeat', () => {
        it('BX-2 exactly one of two tabs starting together leads', async () => {
            const { clock, tab } = election();
            const a = tab('a');
            const b = tab('b');
            const decided = Promise.all([a.start(), b.start()]);
            await clock.advance(2_000);
            expect(await decided).toEqual([true, false]);
            await clock.advance(10_000);
            expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
        });

        it('BX-2 a tab opened later follows the running leader', async () => {
            const { clock, tab } = election();
            const a = tab('m');
            const started = a.start();
            await clock.advance(1_000);
            expect(await started).toBe(true);
            const b = tab('a');
            const follows = b.start();
            await clock.advance(1_000);
            expect(await follows).toBe(false);
            await clock.advance(10_000);
            expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
        });

        it('BX-2 a leader that closes hands over within 2 s of dialer time', async () => {
            const { clock, tab, timeToLeader } = election();
            const a = tab('a');
            const b = tab('b');
            a.start().catch(() => undefined);
            b.start().catch(() => undefined);
            await clock.advance(2_000);
            a.stop();
            expect(await timeToLeader([b])).toBeLessThanOrEqual(2_000);
            b.stop();
        });

        it('BX-2 a leader tab that dies without a word is replaced within 2 s of dialer time', async () => {
            const { hub, clock, tab, timeToLeader } = election();
            const channelOfA = hub.open();
            const a = new TabLeader({ name: 'pc-dialer', channel: channelOfA, clock, tabId: 'a' });
            const b = tab('b');
            const c = tab('c');
            a.start().catch(() => undefined);
            b.start().catch(() => undefined);
            c.start().catch(() => undefined);
            await clock.advance(2_000);
            expect([a.isLeader(), b.isLeader(), c.isLeader()]).toEqual([true, false, false]);
            // The tab is killed: its channel goes silent, no resign is sent.
            channelOfA.close();
            expect(await timeToLeader([b, c])).toBeLessThanOrEqual(2_000);
            await clock.advance(5_000);
            expect([b.isLeader(), c.isLeader()]).toEqual([true, false]);
            a.stop();
            b.stop();
            c.stop();
        });

        it('BX-2 application messages reach the other tabs only', async () => {
            const { tab } = election();
            const a = tab('a');
            const b = tab('b');
            a.start().catch(() => undefined);
            b.start().catch(() => undefined);
            const seenByA: unknown[] = [];
            const seenByB: unknown[] = [];
            a.onMessage((data) => seenByA.push(data));
            b.onMessage((data, from) => seenByB.push([data, from]));
            a.post({ hello: 1 });
            await flush();
            expect(seenByA).toEqual([]);
            expect(seenByB).toEqual([[{ hello: 1 }, 'a']]);
            a.stop();
            b.stop();
        });
    });
});
