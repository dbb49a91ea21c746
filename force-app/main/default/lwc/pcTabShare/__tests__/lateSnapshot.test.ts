// A second tab that stopped waiting for the leading tab's snapshot (the leading tab was still connecting,
// e.g. waiting for the agent's sign-in) still shows the session once the leading tab connects (BX-2).
import type { DialerAdapter, DialerEventMap, SessionInfo } from 'c/pcDialerPort';
import { AgentStatus, CallDirection, CallStatus } from 'c/pcModel';
import type { AgentState, Call } from 'c/pcModel';
import { SimulatedDialer } from 'c/pcSimDialer';
import { TabLeader } from 'c/pcTabLeader';
import { SharedDialer } from 'c/pcTabShare';
import { ChannelHub, MemoryLocks } from 'test-support/tabs';
import { SteppedClock } from 'test-support/clocks';
import { flush } from 'test-support/time';

const WORKING: AgentState = {
    status: AgentStatus.Working,
    skillId: 'skill-1',
    skillName: 'PC Collections',
    unavailableCode: null,
    pending: null,
    since: 1000
};

const CALL: Call = {
    id: 'call-1',
    line: 1,
    skillId: 'skill-1',
    record: { id: 'rec-1', firstName: 'Ada', lastName: 'Lovelace', timeZone: null, salesforceId: null, fields: {} },
    destinationId: 'd-1',
    number: '+13125550100',
    direction: CallDirection.Outbound,
    status: CallStatus.Active,
    mostLikely: false,
    muted: false,
    startedAt: 1000,
    statusSince: 1000,
    answeredAt: 1000,
    endedAt: null,
    outcome: null
};

/** The leading tab's adapter: its connect() waits until the test lets it finish (the agent signs in). */
function gatedAdapter(info: SessionInfo): { adapter: DialerAdapter; finishConnect: () => void } {
    const base = new SimulatedDialer({ seed: 1, lines: 1, preview: false });
    let finish: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => {
        finish = resolve;
    });
    const adapter = new Proxy(base, {
        get(target, prop, receiver) {
            if (prop === 'connect') return () => connected.then(() => info);
            if (prop === 'disconnect') return () => Promise.resolve();
            return Reflect.get(target, prop, receiver) as unknown;
        }
    }) as DialerAdapter;
    return { adapter, finishConnect: finish };
}

describe('c/pcTabShare: a snapshot after connect', () => {
    it('BX-2 a second tab whose snapshot request went unanswered shows the session the leading tab connects to later', async () => {
        const hub = new ChannelHub();
        const locks = new MemoryLocks();
        const clock = new SteppedClock();
        const session: SessionInfo = {
            sessionId: 's-1',
            agentId: 'a-1',
            joined: true,
            agent: WORKING,
            calls: [CALL],
            preview: null
        };
        const { adapter, finishConnect } = gatedAdapter(session);
        const leadTab = new TabLeader({ name: 'pc-late', channel: hub.open(), locks, tabId: 'tab-1', clock });
        const secondTab = new TabLeader({ name: 'pc-late', channel: hub.open(), locks, tabId: 'tab-2', clock });
        const leading = new SharedDialer(adapter, leadTab, { clock });
        const spare = new SimulatedDialer({ seed: 2, lines: 1, preview: false });
        const second = new SharedDialer(spare, secondTab, { clock, snapshotTimeoutMs: 2000 });
        const agentStates: DialerEventMap['agentState'][] = [];
        const calls: DialerEventMap['callUpdated'][] = [];
        second.on('agentState', (e) => agentStates.push(e));
        second.on('callUpdated', (e) => calls.push(e));

        const leaderConnected = leading.connect();
        await flush();
        const secondConnected = second.connect();
        // The leading tab is still connecting: it cannot answer, so the second tab stops waiting.
        await clock.advance(2500);
        const info = await secondConnected;
        expect(info.agent.status).toBe(AgentStatus.LoggedOut);

        finishConnect();
        await leaderConnected;
        await clock.advance(10);
        // What the leading tab now knows reaches the second tab's console, without the contact.
        expect(agentStates.map((a) => a.status)).toEqual([AgentStatus.Working]);
        expect(calls.map((c) => [c.id, c.status, c.number, c.record.firstName])).toEqual([
            ['call-1', CallStatus.Active, '', '']
        ]);
        // The same snapshot again (another tab asked for one) is no news.
        const bareCall = { ...CALL, number: '', record: { ...CALL.record, firstName: '', lastName: '' } };
        leadTab.post({ k: 'snap', info: { ...session, calls: [bareCall] }, caps: spare.capabilities() });
        await clock.advance(10);
        expect(agentStates).toHaveLength(1);
        expect(calls).toHaveLength(1);
        await second.disconnect();
        await leading.disconnect();
    });
});
