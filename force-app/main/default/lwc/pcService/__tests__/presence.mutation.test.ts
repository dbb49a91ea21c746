/**
 * WU-5 at its edges, on the real service, the simulated dialer and the in-memory Omni-Channel: Omni-Channel's status
 * read after the dialer's, a status the console already shows, logging out on either side, the agent re-picking the
 * status the console set, changes coalesced while a dialer command is in flight, and what a failure says (UB-6).
 */
import { DEFAULT_PRESENCE_MAP } from 'c/pcModel';
import type { PresenceMapping } from 'c/pcModel';
import type { PresencePort } from 'c/pcPresencePort';
import { pass, settle, until } from 'test-support/time';
import { startWorking } from 'test-support/serviceRig';
import { agentPicksInOmni, omniRig } from 'test-support/omniRig';

/** A port whose first status read answers only when `release` is called (Omni-Channel slow to load). */
function slowFirstRead(port: PresencePort): { port: PresencePort; release: () => void } {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
        release = resolve;
    });
    const slow: PresencePort = {
        name: port.name,
        // The answer is the status when asked, however late it arrives.
        getStatus: () => {
            const read = port.getStatus();
            return held.then(() => read);
        },
        setStatus: (s) => port.setStatus(s),
        logout: () => port.logout(),
        onChange: (l) => port.onChange(l)
    };
    return { port: slow, release: () => release() };
}

const offlineRow: PresenceMapping = {
    name: 'Offline',
    dialerState: 'LoggedOut',
    unavailableCode: '',
    presenceStatus: 'Offline',
    direction: 'Both'
};
const lunchRow: PresenceMapping = {
    name: 'Lunch',
    dialerState: 'Unavailable',
    unavailableCode: 'Lunch',
    presenceStatus: 'Lunch',
    direction: 'Both'
};

describe('WU-5 Omni-Channel`s status read after the dialer`s', () => {
    it('WU-5 dialer leads: a slow first status read does not hold the dialer`s state back, and it is set once', async () => {
        let slow: ReturnType<typeof slowFirstRead> | null = null;
        const rig = omniRig('DialerLeads', {
            initial: 'Away',
            port: (p) => (slow = slowFirstRead(p)).port
        });
        await startWorking(rig);
        await pass(rig.clock, 500);
        slow!.release();
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
        expect(rig.omni.control.view().toolkitSets).toBe(1);
    });

    it('WU-5 Salesforce leads: once Omni-Channel`s status is known, the dialer takes it', async () => {
        let slow: ReturnType<typeof slowFirstRead> | null = null;
        const rig = omniRig('SalesforceLeads', { initial: 'Away', port: (p) => (slow = slowFirstRead(p)).port });
        await startWorking(rig);
        await pass(rig.clock, 500);
        expect(rig.agentCommands()).toEqual([]);
        slow!.release();
        expect(await until(rig.clock, () => rig.state().agent.status === 'Unavailable', { maxMs: 5_000 })).toBe(true);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break']);
        expect(rig.omniStatus()).toBe('Away');
    });

    it('WU-5 off: a late status read changes nothing', async () => {
        let slow: ReturnType<typeof slowFirstRead> | null = null;
        const rig = omniRig('Off', { initial: 'Away', port: (p) => (slow = slowFirstRead(p)).port });
        await startWorking(rig);
        slow!.release();
        await pass(rig.clock, 2_000);
        expect(rig.omni.control.view().toolkitSets).toBe(0);
        expect(rig.agentCommands()).toEqual([]);
    });
});

describe('WU-5 each side as it already is', () => {
    it('WU-5 dialer leads: Omni-Channel already showing the mapped status is sent nothing', async () => {
        const rig = omniRig('DialerLeads', { initial: 'Available' });
        await startWorking(rig);
        await pass(rig.clock, 2_000);
        expect(rig.omniStatus()).toBe('Available');
        expect(rig.omni.control.view().toolkitSets).toBe(0);
    });

    it('WU-5 Salesforce leads: the dialer`s own change stays; the dialer is not sent back to Omni-Channel`s status', async () => {
        const rig = omniRig('SalesforceLeads', { initial: 'Available' });
        await startWorking(rig);
        await pass(rig.clock, 1_000);
        await settle(rig.clock, rig.service.setUnavailable('code-break'));
        await pass(rig.clock, 2_000);
        expect(rig.state().agent.status).toBe('Unavailable');
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break']);
    });

    it('WU-5 Salesforce leads: a status whose code the dialer already has sends nothing', async () => {
        const rig = omniRig('SalesforceLeads', { initial: 'Available', map: [...DEFAULT_PRESENCE_MAP, lunchRow] });
        await startWorking(rig);
        await pass(rig.clock, 1_000);
        await settle(rig.clock, rig.service.setUnavailable('code-lunch'));
        await agentPicksInOmni(rig, 'Lunch');
        await pass(rig.clock, 1_000);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-lunch']);
    });
});

describe('WU-5 logging out', () => {
    it('WU-5 dialer leads: logging out of the dialer logs the agent out of Omni-Channel where the map says so', async () => {
        const rig = omniRig('DialerLeads', { map: [...DEFAULT_PRESENCE_MAP, offlineRow] });
        await startWorking(rig);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
        await settle(rig.clock, rig.service.logout());
        expect(await until(rig.clock, () => rig.omniStatus() === null, { maxMs: 5_000 })).toBe(true);
        expect(rig.presenceErrors()).toEqual([]);
    });

    it('WU-5 Salesforce leads: logging out of Omni-Channel logs the dialer out once', async () => {
        const rig = omniRig('SalesforceLeads', { initial: 'Available', map: [...DEFAULT_PRESENCE_MAP, offlineRow] });
        await startWorking(rig);
        await pass(rig.clock, 1_000);
        await agentPicksInOmni(rig, null);
        expect(await until(rig.clock, () => rig.state().agent.status === 'LoggedOut', { maxMs: 10_000 })).toBe(true);
        await pass(rig.clock, 2_000);
        expect(rig.agentCommands()).toEqual(['logout']);
    });
});

describe('WU-5 once the console stops', () => {
    it('WU-5 both lead: after the console stops, neither side follows the other', async () => {
        const rig = omniRig('Both');
        await startWorking(rig);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
        await settle(rig.clock, rig.service.stop());
        await agentPicksInOmni(rig, 'Away');
        await pass(rig.clock, 2_000);
        expect(rig.agentCommands()).toEqual([]);
        expect(rig.omni.control.view().toolkitSets).toBe(1);
    });
});

describe('WU-5 loop safety and coalescing', () => {
    it('WU-5 both lead: the agent picking again the status the console set still reaches the dialer', async () => {
        const rig = omniRig('Both');
        await startWorking(rig);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
        await agentPicksInOmni(rig, 'Away');
        expect(await until(rig.clock, () => rig.state().agent.status === 'Unavailable', { maxMs: 5_000 })).toBe(true);
        await agentPicksInOmni(rig, 'Available');
        expect(await until(rig.clock, () => rig.state().agent.status !== 'Unavailable', { maxMs: 5_000 })).toBe(true);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break', 'setAvailable']);
    });

    it('WU-5 both lead: the dialer arriving where Omni-Channel sent it is not mirrored back, even where it maps elsewhere', async () => {
        // Lunch in Omni-Channel sends the dialer to Available, which would show as Available: no bounce.
        const map: readonly PresenceMapping[] = [
            { ...DEFAULT_PRESENCE_MAP[0]!, direction: 'ToOmni' },
            {
                name: 'Lunch',
                dialerState: 'Available',
                unavailableCode: '',
                presenceStatus: 'Lunch',
                direction: 'ToDialer'
            },
            DEFAULT_PRESENCE_MAP[2]!
        ];
        const rig = omniRig('Both', { map });
        await startWorking(rig);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
        await agentPicksInOmni(rig, 'Away');
        expect(await until(rig.clock, () => rig.state().agent.status === 'Unavailable', { maxMs: 5_000 })).toBe(true);
        await agentPicksInOmni(rig, 'Lunch');
        expect(await until(rig.clock, () => rig.state().agent.status !== 'Unavailable', { maxMs: 5_000 })).toBe(true);
        await pass(rig.clock, 2_000);
        expect(rig.omniStatus()).toBe('Lunch');
        expect(rig.omni.control.view().toolkitSets).toBe(1);
    });

    it('WU-5 Salesforce leads: two quick changes in Omni-Channel reach the dialer in order, the latest last', async () => {
        const rig = omniRig('SalesforceLeads', { initial: 'Available' });
        await startWorking(rig);
        await pass(rig.clock, 1_000);
        rig.omni.control.agentSets('Away');
        rig.omni.control.agentSets('Available');
        await pass(rig.clock, 3_000);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break', 'setAvailable']);
        expect(rig.state().agent.status).not.toBe('Unavailable');
    });
});

describe('UB-6 WU-5 what a presence failure says', () => {
    it('UB-6 WU-5 Omni-Channel that never answers is shown as a timeout after 10 s', async () => {
        const rig = omniRig('DialerLeads');
        await startWorking(rig);
        await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 });
        rig.omni.control.holdNext();
        await settle(rig.clock, rig.service.setUnavailable('code-break'));
        await pass(rig.clock, 11_000);
        expect(rig.presenceErrors()).toMatchObject([{ code: 'Timeout', detail: 'Omni-Channel: no answer in 10 s' }]);
    });

    it('UB-6 WU-5 a refusal that is not an Error is shown as rejected, and a Retry that fails again says so', async () => {
        let refuse = true;
        const rig = omniRig('DialerLeads', {
            port: (p) => ({
                name: p.name,
                getStatus: () => p.getStatus(),
                // A toolkit may reject with anything, not only an Error.
                setStatus: (s) => (refuse ? Promise.reject('no') : p.setStatus(s)),
                logout: () => p.logout(),
                onChange: (l) => p.onChange(l)
            })
        });
        await startWorking(rig);
        await pass(rig.clock, 1_000);
        expect(rig.presenceErrors()).toMatchObject([{ code: 'Unknown', detail: 'Omni-Channel: rejected' }]);
        const again = await settle(rig.clock, rig.service.retryPresence());
        expect(again).toMatchObject({ ok: false, error: { command: 'presence' } });
        refuse = false;
        expect(await settle(rig.clock, rig.service.retryPresence())).toEqual({ ok: true });
        expect(rig.omniStatus()).toBe('Available');
        expect(rig.presenceErrors()).toEqual([]);
    });
});
