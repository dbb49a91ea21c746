// A call card's commands after the dialer answers (UB-6, UB-7): a failure kept on its call with the action to send
// again, not left for the banner; a command that goes through clears it and, for the machine buttons and voicemail,
// is confirmed in words; so is a Logout once the dialer logged the agent out. Scripted dialer: the test sets answers.
import { ConsoleService } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import type { AgentState, CallAction, CallStatus, CommandResult } from 'c/pcModel';
import { flush } from 'test-support/time';
import { holdOnce } from 'test-support/hold';
import { call, CAPS, started, T0, WORKING } from 'test-support/scriptedService';
import type { ScriptedDialer } from 'test-support/scriptedService';

const LOGGED_OUT: AgentState = { ...WORKING, status: 'LoggedOut', skillId: null, skillName: null };

/** A started service whose dialer offers every machine button and voicemail drop, with a call in `status`. */
async function withCall(status: CallStatus = 'Dialing') {
    const rig = await started(
        {},
        {
            prepare: (dialer) => {
                dialer.capabilities = () => ({
                    ...CAPS,
                    machineOverrides: ['AnsweringMachine', 'Fax', 'BadNumber'],
                    voicemailDrop: true,
                    transferKinds: ['Skill']
                });
                Object.assign(dialer, { dropVoicemail: jest.fn(async () => undefined) });
            }
        }
    );
    const answered = status === 'Active' || status === 'Held';
    rig.dialer.events.emit('callUpdated', call({ status, answeredAt: answered ? T0 : null }));
    return rig;
}

const failureOf = (service: ConsoleService, id = 'call-1') =>
    service.getState().calls.find((v) => v.call.id === id)?.commandFailure ?? null;

const errorsOf = (service: ConsoleService) => service.getState().errors.map((e) => `${e.command}:${e.code}`);

const down = () => new DialerError('Network', 'socket closed');

describe('c-pc-service a failed call-card command stays with its call (UB-6)', () => {
    const table: Array<
        [
            CallAction,
            CallStatus,
            keyof ScriptedDialer | 'dropVoicemail',
            string,
            (s: ConsoleService) => Promise<CommandResult>
        ]
    > = [
        [
            'AnsweringMachine',
            'Ringing',
            'overrideMachine',
            'override',
            (s) => s.overrideMachine('call-1', 'AnsweringMachine')
        ],
        ['Fax', 'Dialing', 'overrideMachine', 'override', (s) => s.overrideMachine('call-1', 'Fax')],
        ['BadNumber', 'AMD', 'overrideMachine', 'override', (s) => s.overrideMachine('call-1', 'BadNumber')],
        ['Voicemail', 'AMD', 'dropVoicemail', 'voicemail', (s) => s.dropVoicemail('call-1')],
        ['Hold', 'Active', 'hold', 'hold', (s) => s.hold('call-1')],
        ['Resume', 'Held', 'resume', 'resume', (s) => s.resume('call-1')],
        ['Mute', 'Active', 'mute', 'mute', (s) => s.mute('call-1')],
        ['Unmute', 'Held', 'unmute', 'unmute', (s) => s.unmute('call-1')],
        ['EndCall', 'Active', 'endCall', 'end', (s) => s.endCall('call-1')]
    ];

    it.each(table)(
        'UB-6 AM-2 CL-4 a %s the dialer fails is kept on its call by action; sent again and through, it and its message go',
        async (action, status, method, key, send) => {
            const { dialer, service } = await withCall(status);
            (dialer[method as keyof ScriptedDialer] as jest.Mock).mockRejectedValueOnce(down());
            const failed = await send(service);
            expect(failed.ok).toBe(false);
            expect(failureOf(service)).toEqual({ action, error: failed.ok ? null : failed.error });
            expect(errorsOf(service)).toEqual([`${key}:Network`]);
            expect(service.getState().calls[0]?.pending).toEqual([]);
            expect((await send(service)).ok).toBe(true);
            expect(failureOf(service)).toBeNull();
            expect(service.getState().errors).toEqual([]);
            expect(dialer[method as keyof ScriptedDialer]).toHaveBeenCalledTimes(2);
        }
    );

    it('UB-6 a later failure on the call replaces the earlier one in the card and in the errors; other errors stay', async () => {
        const { dialer, service } = await withCall('Active');
        await service.hold('call-9');
        dialer.hold.mockRejectedValueOnce(down());
        await service.hold('call-1');
        dialer.mute.mockRejectedValueOnce(new DialerError('Timeout', 'no answer'));
        const second = await service.mute('call-1');
        expect(failureOf(service)).toEqual({ action: 'Mute', error: second.ok ? null : second.error });
        expect(errorsOf(service)).toEqual(['hold:NotFound', 'mute:Timeout']);
    });

    it('UB-6 a later command on the call that goes through puts the failure away; a success with none changes no error', async () => {
        const { dialer, service } = await withCall('Active');
        await service.hold('call-9');
        dialer.hold.mockRejectedValueOnce(down());
        await service.hold('call-1');
        expect((await service.mute('call-1')).ok).toBe(true);
        expect(failureOf(service)).toBeNull();
        expect(errorsOf(service)).toEqual(['hold:NotFound']);
        expect((await service.unmute('call-1')).ok).toBe(true);
        expect(errorsOf(service)).toEqual(['hold:NotFound']);
    });

    it("UB-6 AM-3 a second click while the first is on its way sends nothing and leaves the card's failure as it was", async () => {
        const { dialer, service } = await withCall('Dialing');
        dialer.overrideMachine.mockRejectedValueOnce(down());
        const failed = await service.overrideMachine('call-1', 'Fax');
        const answer = holdOnce(dialer.overrideMachine);
        const again = service.overrideMachine('call-1', 'Fax');
        expect((await service.overrideMachine('call-1', 'Fax')).ok).toBe(false);
        expect(failureOf(service)).toEqual({ action: 'Fax', error: failed.ok ? null : failed.error });
        expect(dialer.overrideMachine).toHaveBeenCalledTimes(2);
        answer();
        expect((await again).ok).toBe(true);
        expect(failureOf(service)).toBeNull();
    });

    it('UB-6 the failure stays through the dialer updating the call, and each call keeps its own', async () => {
        const { dialer, service } = await withCall('Ringing');
        dialer.events.emit('callUpdated', { ...call({ id: 'call-2', status: 'Ringing' }), line: 2 });
        dialer.overrideMachine.mockRejectedValueOnce(down());
        await service.overrideMachine('call-1', 'BadNumber');
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        expect(failureOf(service)?.action).toBe('BadNumber');
        expect(failureOf(service, 'call-2')).toBeNull();
        expect(errorsOf(service)).toEqual(['override:Network']);
    });

    it('UB-6 the failure goes with its call: when the call ends, when the dialer removes it, when it is routed', async () => {
        const ended = await withCall('Ringing');
        ended.dialer.overrideMachine.mockRejectedValueOnce(down());
        await ended.service.overrideMachine('call-1', 'Fax');
        ended.dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'Fax', endedAt: T0 }));
        expect(failureOf(ended.service)).toBeNull();
        expect(ended.service.getState().calls).toHaveLength(1);
        expect(ended.service.getState().errors).toEqual([]);

        const removed = await withCall('Active');
        removed.dialer.hold.mockRejectedValueOnce(down());
        await removed.service.hold('call-1');
        await removed.service.hold('call-9');
        removed.dialer.events.emit('callRemoved', { callId: 'call-1' });
        expect(removed.service.getState().calls).toEqual([]);
        expect(errorsOf(removed.service)).toEqual(['hold:NotFound']);

        const routed = await withCall('Ringing');
        routed.dialer.overrideMachine.mockRejectedValueOnce(down());
        await routed.service.overrideMachine('call-1', 'AnsweringMachine');
        routed.dialer.events.emit('callRouted', { callId: 'call-1', contactName: 'Ada Lovelace' });
        expect(routed.service.getState().errors).toEqual([]);
    });

    it('UB-6 a failure on the second line is kept on that call, not on the first', async () => {
        const { dialer, service } = await withCall('Ringing');
        dialer.events.emit('callUpdated', { ...call({ id: 'call-2', status: 'Ringing' }), line: 2 });
        dialer.overrideMachine.mockRejectedValueOnce(down());
        await service.overrideMachine('call-2', 'Fax');
        expect(failureOf(service, 'call-2')?.action).toBe('Fax');
        expect(failureOf(service, 'call-1')).toBeNull();
    });

    it.each(['removed', 'routed'] as const)(
        'UB-6 a call %s takes its own failure with it and leaves the other line`s in place',
        async (how) => {
            const { dialer, service } = await withCall('Ringing');
            dialer.events.emit('callUpdated', { ...call({ id: 'call-2', status: 'Ringing' }), line: 2 });
            dialer.overrideMachine
                .mockRejectedValueOnce(down())
                .mockRejectedValueOnce(new DialerError('Timeout', 'slow'));
            await service.overrideMachine('call-1', 'Fax');
            await service.overrideMachine('call-2', 'BadNumber');
            expect(errorsOf(service)).toEqual(['override:Network', 'override:Timeout']);
            if (how === 'removed') dialer.events.emit('callRemoved', { callId: 'call-1' });
            else dialer.events.emit('callRouted', { callId: 'call-1', contactName: 'Ada Lovelace' });
            expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-2']);
            expect(failureOf(service, 'call-2')?.action).toBe('BadNumber');
            expect(errorsOf(service)).toEqual(['override:Timeout']);
        }
    );

    it('UB-6 AV-3 at logout no card failure is left behind for the banner', async () => {
        const { dialer, service } = await withCall('Active');
        dialer.mute.mockRejectedValueOnce(down());
        await service.mute('call-1');
        await service.hold('call-9');
        dialer.events.emit('agentState', LOGGED_OUT);
        expect(errorsOf(service)).toEqual(['hold:NotFound']);
    });

    it('UB-6 a failure whose call left while it was on its way is still told, in the errors', async () => {
        const { dialer, service } = await withCall('Active');
        let fail: () => void = () => undefined;
        dialer.endCall.mockImplementationOnce(() => new Promise((_resolve, reject) => (fail = () => reject(down()))));
        const ending = service.endCall('call-1');
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        fail();
        expect((await ending).ok).toBe(false);
        expect(errorsOf(service)).toEqual(['end:Network']);
    });

    it('UB-6 CL-4 a failed transfer keeps to its transfer form, not the card', async () => {
        const { dialer, service } = await withCall('Active');
        dialer.transfer.mockRejectedValueOnce(down());
        await service.transfer('call-1', { kind: 'Skill', value: 'pc-2' });
        expect(failureOf(service)).toBeNull();
        expect(service.getState().calls[0]?.transferError?.code).toBe('Network');
        expect(errorsOf(service)).toEqual(['transfer:Network']);
    });

    it('UB-6 CL-4 a failed transfer stays in its form while the dialer updates the call, and goes with it when it ends', async () => {
        const { dialer, service } = await withCall('Active');
        dialer.transfer.mockRejectedValueOnce(down());
        await service.transfer('call-1', { kind: 'Skill', value: 'pc-2' });
        dialer.events.emit('callUpdated', call({ status: 'Held', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        expect(service.getState().calls[0]?.transferError?.code).toBe('Network');
        expect(errorsOf(service)).toEqual(['transfer:Network']);
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 }));
        expect(service.getState().calls[0]?.transferError ?? null).toBeNull();
        // Not left for the banner: the form it belonged to went with the call.
        expect(errorsOf(service)).toEqual([]);
    });
});

describe('c-pc-service confirms the machine buttons, voicemail and Logout (UB-7)', () => {
    it.each([
        ['AnsweringMachine', 'Ringing', (s: ConsoleService) => s.overrideMachine('call-1', 'AnsweringMachine')],
        ['Fax', 'Dialing', (s: ConsoleService) => s.overrideMachine('call-1', 'Fax')],
        ['BadNumber', 'AMD', (s: ConsoleService) => s.overrideMachine('call-1', 'BadNumber')],
        ['Voicemail', 'AMD', (s: ConsoleService) => s.dropVoicemail('call-1')]
    ] as const)(
        'UB-7 AM-2 WU-3 %s that went through is confirmed with the contact and number',
        async (action, status, send) => {
            const { service } = await withCall(status);
            expect((await send(service)).ok).toBe(true);
            expect(service.getState().confirmation).toMatchObject({
                action,
                contactName: 'Ada Lovelace',
                number: '+13125550100'
            });
        }
    );

    it('UB-7 a failed machine button confirms nothing; the call functions show in the call itself, not as a confirmation', async () => {
        const { dialer, service } = await withCall('Dialing');
        dialer.overrideMachine.mockRejectedValueOnce(down());
        await service.overrideMachine('call-1', 'Fax');
        expect(service.getState().confirmation).toBeNull();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.hold('call-1');
        await service.mute('call-1');
        expect(service.getState().confirmation).toBeNull();
    });

    it('UB-7 AV-3 a Logout is confirmed once the dialer logged the agent out, at once or after the call', async () => {
        const now = await started();
        now.dialer.logout.mockImplementationOnce(async () => {
            now.dialer.events.emit('agentState', LOGGED_OUT);
            return undefined;
        });
        expect((await now.service.logout()).ok).toBe(true);
        expect(now.service.getState().confirmation).toMatchObject({ action: 'Logout', contactName: '', number: '' });

        const later = await started();
        later.dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await later.service.logout();
        expect(later.service.getState().confirmation).toBeNull();
        later.dialer.events.emit('agentState', LOGGED_OUT);
        const said = later.service.getState().confirmation;
        expect(said?.action).toBe('Logout');
        // Once said, a later logged-out state from the dialer says nothing again.
        later.dialer.events.emit('agentState', WORKING);
        later.dialer.events.emit('agentState', LOGGED_OUT);
        await flush();
        expect(later.service.getState().confirmation).toBe(said);
    });

    it('UB-7 AV-3 a logout the agent did not choose, or one the dialer refused, is not confirmed', async () => {
        const own = await started();
        own.dialer.events.emit('agentState', LOGGED_OUT);
        expect(own.service.getState().confirmation).toBeNull();

        const refused = await started();
        refused.dialer.logout.mockRejectedValueOnce(new DialerError('Rejected', 'not now'));
        expect((await refused.service.logout()).ok).toBe(false);
        refused.dialer.events.emit('agentState', LOGGED_OUT);
        expect(refused.service.getState().confirmation).toBeNull();
    });
});
