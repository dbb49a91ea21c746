/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// BX-2 across tabs with the CXone adapter: one tab polls and drives the session, the others mirror it
// through the tab-sharing wrapper and take over.
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import { SharedDialer } from 'c/pcTabShare';
import type { FetchLike } from 'c/pcCxoneAuth';
import { TabLeader } from 'c/pcTabLeader';
import { record, signIn, testOptions, until } from '../../../../../../test/cxone/cxoneHarness';
import { FakeCxoneServer } from '../../../../../../test/cxone/fakeCxoneServer';
import { ChannelHub, MemoryLocks } from 'test-support/tabs';

// Real HTTP on a shared 2-core machine: a generous bound, never a speed assertion.
jest.setTimeout(60_000);

interface Tab {
    readonly adapter: SharedDialer;
    readonly events: ReturnType<typeof record>;
    /** get-next-event requests this tab sent. */
    polls(): number;
}

let fake: FakeCxoneServer;
const tabs: SharedDialer[] = [];

afterEach(async () => {
    await Promise.all(tabs.splice(0).map((adapter) => adapter.disconnect()));
    await fake?.stop();
});

async function openTab(hub: ChannelHub, locks: MemoryLocks | null, id: string): Promise<Tab> {
    const auth = await signIn(fake);
    let polls = 0;
    const counting: FetchLike = (input, init) => {
        if (input.includes('/get-next-event')) polls += 1;
        return fetch(input, init);
    };
    const leader = new TabLeader({ name: 'pc-dialer-7001', channel: hub.open(), locks, tabId: id });
    const adapter = new SharedDialer(new CxoneAdapter(testOptions(fake, auth, { fetch: counting })), leader);
    tabs.push(adapter);
    return { adapter, events: record(adapter), polls: () => polls };
}

describe('c/pcCxoneAdapter across browser tabs', () => {
    it('BX-2 a second tab does not start a second session or poll; it mirrors and forwards commands', async () => {
        fake = await FakeCxoneServer.start();
        await fake.setPreviewMode(true);
        const hub = new ChannelHub();
        const locks = new MemoryLocks();
        const first = await openTab(hub, locks, 'tab-1');
        await first.adapter.connect();
        const second = await openTab(hub, locks, 'tab-2');
        const mirrored = await second.adapter.connect();

        expect(second.events.connection.at(-1)?.status).toBe('Mirroring');
        expect(mirrored.joined).toBe(true);
        // The leading tab's trouble shows in the mirroring tab too, as Mirroring with its detail (BX-5).
        await fake.settle();
        await fake.inject('droppedConnection');
        expect(await until(() => /Reconnecting/.test(second.events.connection.at(-1)?.detail ?? ''))).toBe(true);
        expect(second.events.connection.at(-1)?.status).toBe('Mirroring');
        expect(await until(() => first.events.connection.at(-1)?.status === 'Connected')).toBe(true);
        // Commands from the second tab go through the first; events come back mirrored.
        await second.adapter.loginToSkill('501');
        expect(await until(() => second.events.agentState.at(-1)?.status === 'Working')).toBe(true);
        await fake.advance(600);
        expect(await until(() => second.events.previewOffered.length === 1)).toBe(true);
        await new Promise((r) => setTimeout(r, 1500));

        expect(second.polls()).toBe(0);
        expect(first.polls()).toBeGreaterThan(0);
        expect(fake.metrics.sessionStarts).toBe(1);
        expect(fake.metrics.sessionJoins).toBe(0);
        expect(fake.metrics.maxConcurrentPolls).toBe(1);
        expect(first.events.previewOffered).toHaveLength(1);
    });

    it.each([
        ['Web Locks', true],
        ['the BroadcastChannel heartbeat', false]
    ])(
        'BX-2 closing the leading tab hands the session to the other (%s), which rejoins and drives it',
        async (_, withLocks) => {
            fake = await FakeCxoneServer.start();
            await fake.setPreviewMode(true);
            const hub = new ChannelHub();
            const locks = withLocks ? new MemoryLocks() : null;
            const first = await openTab(hub, locks, 'tab-1');
            await first.adapter.connect();
            const second = await openTab(hub, locks, 'tab-2');
            await second.adapter.connect();
            await first.adapter.loginToSkill('501');
            await fake.advance(600);
            expect(await until(() => second.events.previewOffered.length === 1)).toBe(true);
            const preview = second.events.previewOffered[0]!;

            await first.adapter.disconnect();
            expect(await until(() => second.events.connection.at(-1)?.status === 'Connected')).toBe(true);
            expect(fake.metrics.sessionJoins).toBe(1);
            expect(fake.metrics.sessionStarts).toBe(1);
            // The preview mirrored before the handover is still there to act on, sent once by the new leader.
            await second.adapter.acceptPreview(preview.id);
            await fake.advance(100);
            expect(await until(() => second.events.callUpdated.some((c) => c.id === preview.id))).toBe(true);
            expect(second.polls()).toBeGreaterThan(0);
            expect(fake.metrics.duplicateCommands).toBe(0);
            expect(fake.metrics.maxConcurrentPolls).toBe(1);
            // Mirrored without its contact, then offered again in full once this tab drives the session.
            const offers = second.events.previewOffered.filter((p) => p.id === preview.id);
            expect(offers.map((p) => p.record.firstName === '')).toEqual([true, false]);
        }
    );

    it('BX-2 BX-5 a tab that takes over while CXone is unreachable retries with back-off, then drives the session', async () => {
        fake = await FakeCxoneServer.start();
        const hub = new ChannelHub();
        const locks = new MemoryLocks();
        const first = await openTab(hub, locks, 'tab-1');
        await first.adapter.connect();
        const second = await openTab(hub, locks, 'tab-2');
        await second.adapter.connect();
        await fake.settle();
        const restarting = fake.restart(1500);
        await first.adapter.disconnect();
        expect(await until(() => second.events.connection.at(-1)?.status === 'Reconnecting')).toBe(true);
        expect(second.events.connection.at(-1)?.attempt).toBeGreaterThanOrEqual(1);
        await restarting;
        expect(await until(() => second.events.connection.at(-1)?.status === 'Connected', 10_000)).toBe(true);
        expect(second.events.connection.some((c) => c.status === 'Failed')).toBe(false);
        expect(second.polls()).toBeGreaterThan(0);
    });
});
