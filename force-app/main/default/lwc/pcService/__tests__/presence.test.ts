/**
 * WU-5: Omni-Channel presence in step with the dialer's agent state, on the real service, the simulated dialer
 * and the in-memory Omni-Channel behind the org adapter, all on the virtual clock.
 */
import { InMemoryOmniChannel } from '../../../../../../local/memoryOmni';
import { OmniToolkitPresence } from 'c/pcOmniToolkit';
import { DEFAULT_PRESENCE_MAP } from 'c/pcModel';
import type { PresenceMapping } from 'c/pcModel';
import { PRESENCE_TIMEOUT_MS } from '../presenceSync';
import { flush, pass, settle, until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';
import { agentPicksInOmni, omniRig } from 'test-support/omniRig';

const withCodes: readonly PresenceMapping[] = [
    ...DEFAULT_PRESENCE_MAP,
    {
        name: 'Lunch',
        dialerState: 'Unavailable',
        unavailableCode: 'Lunch',
        presenceStatus: 'Lunch',
        direction: 'Both'
    }
];

describe('WU-5 Omni-Channel presence in step with the dialer', () => {
    it('WU-5 dialer leads: logging in, going Unavailable and Available set the mapped Omni-Channel status', async () => {
        const rig = omniRig('DialerLeads');
        await startWorking(rig);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);

        expect((await settle(rig.clock, rig.service.setUnavailable('code-break'))).ok).toBe(true);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Away', { maxMs: 5_000 })).toBe(true);

        expect((await settle(rig.clock, rig.service.setAvailable())).ok).toBe(true);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
        expect(rig.omni.control.view().toolkitSets).toBe(3);
    });

    it('WU-5 dialer leads: a change made in Omni-Channel does not reach the dialer', async () => {
        const rig = omniRig('DialerLeads');
        await startWorking(rig);
        await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 });
        await agentPicksInOmni(rig, 'Away');
        expect(rig.agentCommands()).toEqual([]);
        expect(rig.state().agent.status).not.toBe('Unavailable');
    });

    it('WU-5 a dialer call shows as busy in Omni-Channel, and Available comes back after its wrap-up', async () => {
        const rig = omniRig('DialerLeads', { preview: false });
        await startWorking(rig);
        rig.dialer.control.forceNextOutcome('Live');
        expect(await until(rig.clock, () => rig.state().calls.length > 0)).toBe(true);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Busy', { maxMs: 5_000 })).toBe(true);
        const callId = rig.state().calls[0]!.call.id;
        await settle(rig.clock, rig.service.endCall(callId));
        // Still busy through the wrap-up.
        await pass(rig.clock, 1_000);
        expect(rig.omniStatus()).toBe('Busy');
        await rig.service.setUnavailable('code-break');
        await settle(rig.clock, rig.service.saveDisposition(callId, 'disp-completed', ''));
        expect(await until(rig.clock, () => rig.state().calls.length === 0, { maxMs: 10_000 })).toBe(true);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Away', { maxMs: 5_000 })).toBe(true);
    });

    it('WU-5 Salesforce leads: going Unavailable in Omni-Channel sets the dialer Unavailable, Available sets it back', async () => {
        const rig = omniRig('SalesforceLeads', { map: withCodes });
        await startWorking(rig);
        await agentPicksInOmni(rig, 'Available');
        await agentPicksInOmni(rig, 'Lunch');
        expect(rig.state().agent.status).toBe('Unavailable');
        expect(rig.state().agent.unavailableCode?.id).toBe('code-lunch');
        await agentPicksInOmni(rig, 'Away');
        // Any code will do for Away, and the dialer is already Unavailable: nothing more is sent.
        await agentPicksInOmni(rig, 'Available');
        expect(rig.state().agent.status).not.toBe('Unavailable');
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-lunch', 'setAvailable']);
        // The dialer's own change does not lead: Omni-Channel keeps what the agent chose there.
        await settle(rig.clock, rig.service.setUnavailable('code-break'));
        await pass(rig.clock, 500);
        expect(rig.omniStatus()).toBe('Available');
    });

    it('WU-5 Salesforce leads: at login the dialer takes Omni-Channel status; a call shows busy, then the status before it', async () => {
        const rig = omniRig('SalesforceLeads', { preview: false });
        await settle(rig.clock, rig.service.start());
        await agentPicksInOmni(rig, 'Away');
        await settle(rig.clock, rig.service.loginToSkill('skill-collections'));
        expect(await until(rig.clock, () => rig.state().agent.status === 'Unavailable', { maxMs: 5_000 })).toBe(true);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break']);

        const rig2 = omniRig('SalesforceLeads', { preview: false });
        await settle(rig2.clock, rig2.service.start());
        await agentPicksInOmni(rig2, 'Available');
        await settle(rig2.clock, rig2.service.loginToSkill('skill-collections'));
        rig2.dialer.control.forceNextOutcome('Live');
        expect(await until(rig2.clock, () => rig2.omniStatus() === 'Busy')).toBe(true);
        const callId = rig2.state().calls[0]!.call.id;
        await settle(rig2.clock, rig2.service.setUnavailable('code-break'));
        await settle(rig2.clock, rig2.service.endCall(callId));
        await settle(rig2.clock, rig2.service.saveDisposition(callId, 'disp-completed', ''));
        expect(await until(rig2.clock, () => rig2.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);
    });

    it('WU-5 both lead: each side sets the other, and no change echoes back (loop safety)', async () => {
        const rig = omniRig('Both', { map: withCodes });
        await startWorking(rig);
        expect(await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 })).toBe(true);

        // Dialer side first: one toolkit call, and the dialer receives nothing back.
        await settle(rig.clock, rig.service.setUnavailable('code-lunch'));
        expect(await until(rig.clock, () => rig.omniStatus() === 'Lunch', { maxMs: 5_000 })).toBe(true);
        await pass(rig.clock, 2_000);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-lunch']);
        expect(rig.omni.control.view().toolkitSets).toBe(2);

        // Then Omni-Channel: one dialer command, and no toolkit call back.
        await agentPicksInOmni(rig, 'Available');
        await pass(rig.clock, 2_000);
        expect(rig.state().agent.status).not.toBe('Unavailable');
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-lunch', 'setAvailable']);
        expect(rig.omni.control.view().toolkitSets).toBe(2);
        expect(rig.omniStatus()).toBe('Available');
    });

    it('WU-5 both lead with a lopsided mapping: an Omni-led change is not mirrored back even where it maps elsewhere', async () => {
        // Away sends the dialer to Break, but Break would show as Lunch: without loop safety this would bounce.
        const map: readonly PresenceMapping[] = [
            {
                name: 'Available',
                dialerState: 'Available',
                unavailableCode: '',
                presenceStatus: 'Available',
                direction: 'Both'
            },
            {
                name: 'Away',
                dialerState: 'Unavailable',
                unavailableCode: 'code-break',
                presenceStatus: 'Away',
                direction: 'ToDialer'
            },
            {
                name: 'Break',
                dialerState: 'Unavailable',
                unavailableCode: 'code-break',
                presenceStatus: 'Lunch',
                direction: 'ToOmni'
            }
        ];
        const rig = omniRig('Both', { map });
        await startWorking(rig);
        await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 });
        await agentPicksInOmni(rig, 'Away');
        await pass(rig.clock, 3_000);
        expect(rig.state().agent.unavailableCode?.id).toBe('code-break');
        expect(rig.omniStatus()).toBe('Away');
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break']);
        expect(rig.omni.control.view().toolkitSets).toBe(1);
    });

    it('WU-5 off: neither side follows the other', async () => {
        const rig = omniRig('Off');
        await startWorking(rig);
        await settle(rig.clock, rig.service.setUnavailable('code-break'));
        await agentPicksInOmni(rig, 'Available');
        await pass(rig.clock, 2_000);
        expect(rig.omni.control.view().toolkitSets).toBe(0);
        expect(rig.agentCommands()).toEqual(['setUnavailable:code-break']);
        expect(rig.state().agent.status).toBe('Unavailable');
    });

    it('WU-5 a failed change is shown once with Retry, never blocks the dialer, and Retry sends it again', async () => {
        const rig = omniRig('DialerLeads');
        await startWorking(rig);
        await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 });
        rig.omni.control.failNext();
        expect((await settle(rig.clock, rig.service.setUnavailable('code-break'))).ok).toBe(true);
        await pass(rig.clock, 500);
        const errors = () => rig.state().errors.filter((e) => e.command === 'presence');
        expect(errors()).toHaveLength(1);
        expect(errors()[0]).toMatchObject({ source: 'OmniChannel', code: 'Rejected' });
        expect(rig.omniStatus()).toBe('Available');
        // The dialer went on: the agent is Unavailable there, and can go on working.
        expect(rig.state().agent.status).toBe('Unavailable');

        // A second failure replaces the first: one failure, one message.
        rig.omni.control.failNext();
        expect((await settle(rig.clock, rig.service.setAvailable())).ok).toBe(true);
        await pass(rig.clock, 500);
        expect(errors()).toHaveLength(1);

        const retried = await settle(rig.clock, rig.service.retryPresence());
        expect(retried.ok).toBe(true);
        expect(rig.omniStatus()).toBe('Available');
        expect(errors()).toHaveLength(0);
    });

    it('WU-5 Omni-Channel that never answers fails after the timeout, and the change is retried once', async () => {
        const rig = omniRig('DialerLeads');
        await startWorking(rig);
        await until(rig.clock, () => rig.omniStatus() === 'Available', { maxMs: 5_000 });
        rig.omni.control.holdNext();
        await settle(rig.clock, rig.service.setUnavailable('code-break'));
        await pass(rig.clock, PRESENCE_TIMEOUT_MS - 1_000);
        expect(rig.state().errors.filter((e) => e.command === 'presence')).toHaveLength(0);
        await pass(rig.clock, 2_000);
        expect(rig.state().errors.filter((e) => e.command === 'presence')).toMatchObject([{ code: 'Timeout' }]);
        const retried = await settle(rig.clock, rig.service.retryPresence());
        expect(retried.ok).toBe(true);
        expect(rig.omniStatus()).toBe('Away');
    });

    it('WU-5 changes while a status change is in flight are never doubled: the latest is sent once it settles', async () => {
        const omni = new InMemoryOmniChannel(undefined, null);
        const port = new OmniToolkitPresence(omni);
        const sets: string[] = [];
        let release: (() => void) | null = null;
        const original = port.setStatus.bind(port);
        port.setStatus = (apiName: string) => {
            sets.push(apiName);
            return new Promise((resolve, reject) => {
                release = () => {
                    original(apiName).then(resolve, reject);
                };
            });
        };
        const rig = makeRig({ preview: true, presence: port, settings: { presenceMode: 'DialerLeads' } });
        await startWorking(rig);
        await until(rig.clock, () => sets.length === 1, { maxMs: 5_000 });
        expect(sets).toEqual(['Available']);
        await settle(rig.clock, rig.service.setUnavailable('code-break'));
        await settle(rig.clock, rig.service.setAvailable());
        await settle(rig.clock, rig.service.setUnavailable('code-lunch'));
        await flush();
        expect(sets).toEqual(['Available']);
        release!();
        await pass(rig.clock, 500);
        expect(sets).toEqual(['Available', 'Away']);
        release!();
        await pass(rig.clock, 500);
        expect(sets).toEqual(['Available', 'Away']);
        expect(omni.control.view().status?.developerName).toBe('Away');
    });

    it('WU-5 without Omni-Channel the retry says so and nothing else changes', async () => {
        const rig = makeRig({ preview: true });
        await startWorking(rig);
        const result = await rig.service.retryPresence();
        expect(result).toMatchObject({ ok: false, error: { code: 'Unsupported', source: 'OmniChannel' } });
    });
});
