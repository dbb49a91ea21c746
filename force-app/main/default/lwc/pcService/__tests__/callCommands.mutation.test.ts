// A call's commands at their edges (CL-4, AM-1 .. AM-3, WU-3, WU-4, CP-1): in which statuses each one goes, what
// the dialer must offer, one click at a time per command and call, and the checks before a number is dialed or a
// call is transferred to a number. Scripted dialer: the test sets every answer.
/* eslint-disable no-await-in-loop -- each status gets a fresh service, one after another */
import { ConsoleService } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_RULE_SETS, DEFAULT_SETTINGS } from 'c/pcModel';
import type { AgentDialRequest, CallStatus, CommandResult, DialerCapabilities } from 'c/pcModel';
import { flush } from 'test-support/time';
import { call, CAPS, PREVIEW, ScriptedDialer, T0, WORKING } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

/** T0 is 09:00 in Chicago and 07:00 in San Francisco: too early there for the federal window (08:00–21:00). */
const CHICAGO = '+13125550100';
const SAN_FRANCISCO = '+14155550123';

class FullDialer extends ScriptedDialer {
    dialNumber = jest.fn(async (_skillId: string, _request: AgentDialRequest) => undefined);
    dropVoicemail = jest.fn(async (_callId: string) => undefined);
}

async function build(
    caps: Partial<DialerCapabilities> = {},
    options: { gateway?: InMemorySalesforceGateway; settings?: Record<string, unknown> } = {}
) {
    const clock = new VirtualClock({ startAt: T0 });
    const dialer = new FullDialer();
    dialer.capabilities = () => ({
        ...CAPS,
        agentDial: true,
        voicemailDrop: true,
        transferKinds: ['Skill', 'Agent', 'Number'],
        ...caps
    });
    const gateway = options.gateway ?? new InMemorySalesforceGateway({ contacts: [] });
    const service = new ConsoleService({
        adapter: dialer,
        gateway,
        clock,
        settings: { ...DEFAULT_SETTINGS, linesPerAgent: 3, ...options.settings }
    });
    await service.start();
    await flush();
    return { clock, dialer, gateway, service };
}

function code(result: CommandResult): string | null {
    return result.ok ? null : result.error.code;
}

function errorsOf(service: ConsoleService): string[] {
    return service.getState().errors.map((e) => `${e.command}:${e.code}`);
}

/** A call in `status` on line 1 (answered when the status is one a person is on). */
function inStatus(status: CallStatus, id = 'call-1') {
    const answered = status === 'Active' || status === 'Held';
    return call({ id, status, answeredAt: answered ? T0 : null });
}

describe('c-pc-service call commands: in which statuses they go', () => {
    const table: Array<[string, (s: ConsoleService) => Promise<CommandResult>, CallStatus[], CallStatus[]]> = [
        ['hold', (s) => s.hold('call-1'), ['Active'], ['Held', 'Ringing']],
        ['resume', (s) => s.resume('call-1'), ['Held'], ['Active']],
        ['mute', (s) => s.mute('call-1'), ['Active', 'Held'], ['Ringing']],
        ['unmute', (s) => s.unmute('call-1'), ['Active', 'Held'], ['AMD']],
        ['end', (s) => s.endCall('call-1'), ['Dialing', 'Ringing', 'AMD', 'Active', 'Held'], []],
        ['transfer', (s) => s.transfer('call-1', { kind: 'Skill', value: 'pc-2' }), ['Active', 'Held'], ['Dialing']],
        ['override', (s) => s.overrideMachine('call-1', 'AnsweringMachine'), ['Dialing', 'Ringing', 'AMD'], ['Active']],
        ['voicemail', (s) => s.dropVoicemail('call-1'), ['AMD'], ['Ringing', 'Active']]
    ];

    it.each(table)(
        'CL-4 %s goes in the statuses it is for and is refused in others',
        async (key, send, ok, refused) => {
            for (const status of ok) {
                const { dialer, service } = await build();
                dialer.events.emit('callUpdated', inStatus(status));
                expect([status, code(await send(service))]).toEqual([status, null]);
            }
            for (const status of refused) {
                const { dialer, service } = await build();
                dialer.events.emit('callUpdated', inStatus(status));
                const result = await send(service);
                expect(result.ok ? null : [result.error.code, result.error.detail]).toEqual([
                    'InvalidState',
                    `${key} not allowed while ${status}`
                ]);
                expect(errorsOf(service)).toEqual([`${key}:InvalidState`]);
            }
        }
    );

    it('CL-4 a command for a call not on screen is refused as not found', async () => {
        const { dialer, service } = await build();
        expect(code(await service.hold('nope'))).toBe('NotFound');
        expect(code(await service.endCall('nope'))).toBe('NotFound');
        expect(dialer.hold).not.toHaveBeenCalled();
        expect(dialer.endCall).not.toHaveBeenCalled();
    });

    it('CL-4 an ended call can no longer be ended', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1000 }));
        expect(code(await service.endCall('call-1'))).toBe('InvalidState');
        expect(dialer.endCall).not.toHaveBeenCalled();
    });
});

describe('c-pc-service call commands: what the dialer must offer', () => {
    it('CL-4 hold and resume where the dialer has no hold are refused by name, and nothing is sent', async () => {
        const { dialer, service } = await build({ hold: false });
        dialer.events.emit('callUpdated', inStatus('Active'));
        const result = await service.hold('call-1');
        expect(result.ok ? null : [result.error.code, result.error.detail]).toEqual([
            'Unsupported',
            'hold is not offered by the dialer'
        ]);
        expect(code(await service.resume('call-1'))).toBe('Unsupported');
        expect(dialer.hold).not.toHaveBeenCalled();
    });

    it('CL-4 mute and unmute where the dialer has no mute are refused, and nothing is sent', async () => {
        const { dialer, service } = await build({ mute: false });
        dialer.events.emit('callUpdated', inStatus('Active'));
        expect(code(await service.mute('call-1'))).toBe('Unsupported');
        expect(code(await service.unmute('call-1'))).toBe('Unsupported');
        expect(dialer.mute).not.toHaveBeenCalled();
        expect(dialer.unmute).not.toHaveBeenCalled();
    });

    it('CL-4 a transfer to a kind of target the dialer does not offer is refused', async () => {
        const { dialer, service } = await build({ transferKinds: ['Skill'] });
        dialer.events.emit('callUpdated', inStatus('Active'));
        expect(code(await service.transfer('call-1', { kind: 'Agent', value: 'agent-7' }))).toBe('Unsupported');
        expect(dialer.transfer).not.toHaveBeenCalled();
        expect(code(await service.transfer('call-1', { kind: 'Skill', value: 'pc-2' }))).toBeNull();
        expect(dialer.transfer).toHaveBeenCalledWith('call-1', { kind: 'Skill', value: 'pc-2' });
    });

    it('WU-3 voicemail drop where the dialer does not offer it is refused; where it does, it is sent for that call', async () => {
        const none = await build({ voicemailDrop: false });
        none.dialer.events.emit('callUpdated', inStatus('AMD'));
        expect(code(await none.service.dropVoicemail('call-1'))).toBe('Unsupported');
        expect(none.dialer.dropVoicemail).not.toHaveBeenCalled();

        const some = await build();
        some.dialer.events.emit('callUpdated', inStatus('AMD'));
        expect(code(await some.service.dropVoicemail('call-1'))).toBeNull();
        expect(some.dialer.dropVoicemail).toHaveBeenCalledWith('call-1');
    });

    it('WU-3 a dialer that says it drops voicemail but has no way to is refused', async () => {
        const { dialer, service } = await build();
        (dialer as { dropVoicemail?: unknown }).dropVoicemail = undefined;
        dialer.events.emit('callUpdated', inStatus('AMD'));
        expect(code(await service.dropVoicemail('call-1'))).toBe('Unsupported');
    });
});

describe('c-pc-service call commands: one at a time', () => {
    it('CL-4 a second click of the same command on the same call sends nothing, other commands and calls go', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.events.emit('callUpdated', inStatus('Held', 'call-2'));
        const answer = holdOnce(dialer.mute);
        const first = service.mute('call-1');
        expect(service.getState().calls[0]?.pending).toEqual(['mute']);
        expect(code(await service.mute('call-1'))).toBe('InFlight');
        expect(service.getState().errors).toEqual([]);
        expect(code(await service.mute('call-2'))).toBeNull();
        expect(code(await service.hold('call-1'))).toBeNull();
        expect(service.getState().calls[0]?.pending).toEqual(['mute']);
        answer();
        expect(code(await first)).toBeNull();
        expect(service.getState().calls[0]?.pending).toEqual([]);
        expect(dialer.mute.mock.calls).toEqual([['call-1'], ['call-2']]);
        // Once the first answered, the command can be sent again.
        expect(code(await service.mute('call-1'))).toBeNull();
    });

    it('CL-4 after a failed command the same command can be sent again', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.endCall.mockRejectedValueOnce(new DialerError('Network', 'down'));
        expect(code(await service.endCall('call-1'))).toBe('Network');
        expect(errorsOf(service)).toEqual(['end:Network']);
        expect(service.getState().calls[0]?.pending).toEqual([]);
        expect(code(await service.endCall('call-1'))).toBeNull();
        expect(dialer.endCall).toHaveBeenCalledTimes(2);
    });
});

describe('c-pc-service transfer to a number (CL-4, CP-1)', () => {
    it('CL-4 a transfer number is sent in E.164, however it was typed', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        expect(code(await service.transfer('call-1', { kind: 'Number', value: '(312) 555-0199' }))).toBeNull();
        expect(dialer.transfer).toHaveBeenCalledWith('call-1', { kind: 'Number', value: '+13125550199' });
    });

    it('CL-4 a transfer number that is no number is refused and nothing is sent', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        const result = await service.transfer('call-1', { kind: 'Number', value: 'front desk' });
        expect(result.ok ? null : [result.error.code, result.error.detail]).toEqual([
            'Rejected',
            'invalid transfer number'
        ]);
        expect(dialer.transfer).not.toHaveBeenCalled();
    });

    it('CP-1 a transfer to a number where it is too early to call is refused naming the rule; nothing is sent', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        const result = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        expect(code(result)).toBe('Compliance');
        expect(result.ok ? null : result.error.compliance?.verdict).toBe('Block');
        expect(errorsOf(service)).toEqual(['transfer:Compliance']);
        expect(dialer.transfer).not.toHaveBeenCalled();
        // A block is not a warning: confirming anyway still sends nothing.
        expect(code(await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO }, true))).toBe(
            'Compliance'
        );
        expect(dialer.transfer).not.toHaveBeenCalled();
    });

    it('CP-1 a transfer of a call not on screen is refused as not found before any rule is asked', async () => {
        const { service } = await build();
        expect(code(await service.transfer('nope', { kind: 'Number', value: SAN_FRANCISCO }))).toBe('NotFound');
    });

    it('CL-4 a second transfer click while the first is on its way is refused as in flight, not re-checked', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        const answer = holdOnce(dialer.transfer);
        const first = service.transfer('call-1', { kind: 'Number', value: CHICAGO });
        expect(code(await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO }))).toBe('InFlight');
        answer();
        expect(code(await first)).toBeNull();
        expect(dialer.transfer).toHaveBeenCalledTimes(1);
    });
});

describe('c-pc-service a failed transfer stays with its call (UB-6, CP-3)', () => {
    const transferErrorOf = (service: ConsoleService) =>
        service.getState().calls.find((v) => v.call.id === 'call-1')?.transferError ?? null;

    it('UB-6 a transfer refused is kept on its call; the next one that goes through clears it and its message', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        const refused = await service.transfer('call-1', { kind: 'Number', value: 'front desk' });
        expect(refused.ok).toBe(false);
        expect(transferErrorOf(service)).toBe(refused.ok ? null : refused.error);
        expect(errorsOf(service)).toEqual(['transfer:Rejected']);
        expect(code(await service.transfer('call-1', { kind: 'Number', value: CHICAGO }))).toBeNull();
        expect(transferErrorOf(service)).toBeNull();
        expect(errorsOf(service)).toEqual([]);
        expect(dialer.transfer).toHaveBeenCalledTimes(1);
    });

    it('UB-6 a second refusal replaces the first on the call and in the errors; other failures stay', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.events.emit('callUpdated', { ...inStatus('Active', 'call-2'), line: 2 });
        await service.hold('call-9');
        const first = await service.transfer('call-1', { kind: 'Number', value: 'front desk' });
        const second = await service.transfer('call-1', { kind: 'Number', value: 'reception' });
        expect(transferErrorOf(service)).toBe(second.ok ? null : second.error);
        expect(first).not.toEqual(second);
        expect(errorsOf(service)).toEqual(['hold:NotFound', 'transfer:Rejected']);
        expect(service.getState().calls.find((v) => v.call.id === 'call-2')?.transferError ?? null).toBeNull();
    });

    it('UB-6 a transfer the dialer fails is kept on its call, and a second click while one is in flight changes nothing', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.transfer.mockRejectedValueOnce(new DialerError('Timeout', 'no answer'));
        const failed = await service.transfer('call-1', { kind: 'Skill', value: 'pc-2' });
        expect(transferErrorOf(service)?.code).toBe('Timeout');
        const answer = holdOnce(dialer.transfer);
        const pending = service.transfer('call-1', { kind: 'Skill', value: 'pc-2' });
        expect(code(await service.transfer('call-1', { kind: 'Skill', value: 'pc-2' }))).toBe('InFlight');
        expect(transferErrorOf(service)).toBe(failed.ok ? null : failed.error);
        answer();
        expect(code(await pending)).toBeNull();
        expect(transferErrorOf(service)).toBeNull();
    });

    it("UB-6 each call keeps its own transfer's failure; dismissing one leaves the other's", async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.events.emit('callUpdated', { ...inStatus('Active', 'call-2'), line: 2 });
        const second = await service.transfer('call-2', { kind: 'Number', value: 'reception' });
        const transferErrors = () => service.getState().calls.map((v) => v.transferError?.id ?? null);
        const secondId = second.ok ? '' : second.error.id;
        expect(transferErrors()).toEqual([null, secondId]);
        const first = await service.transfer('call-1', { kind: 'Number', value: 'front desk' });
        const firstId = first.ok ? '' : first.error.id;
        expect(transferErrors()).toEqual([firstId, secondId]);
        service.dismissError(secondId);
        expect(transferErrors()).toEqual([firstId, null]);
    });

    it('UB-6 a failure dismissed goes from its call and from the errors', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        const refused = await service.transfer('call-1', { kind: 'Number', value: 'front desk' });
        service.dismissError(refused.ok ? '' : refused.error.id);
        expect(transferErrorOf(service)).toBeNull();
        expect(errorsOf(service)).toEqual([]);
    });

    it('CP-3 a transfer a rule set only warns about is held on its call; confirmed, it goes once and clears it', async () => {
        const ruleSets = DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Federal' ? { ...r, mode: 'Warn' as const } : r));
        const { dialer, service } = await build({}, { settings: { ruleSets } });
        dialer.events.emit('callUpdated', inStatus('Active'));
        const held = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        expect(held.ok ? null : held.error.compliance?.verdict).toBe('Warn');
        expect(transferErrorOf(service)).toBe(held.ok ? null : held.error);
        expect(dialer.transfer).not.toHaveBeenCalled();
        expect(code(await service.confirmCompliance(held.ok ? '' : held.error.id))).toBeNull();
        expect(dialer.transfer).toHaveBeenCalledTimes(1);
        expect(transferErrorOf(service)).toBeNull();
        expect(errorsOf(service)).toEqual([]);
    });
});

describe('c-pc-service click-to-dial (WU-4)', () => {
    it('WU-4 dials the number in E.164 on the skill worked, linked to the Contact it came from', async () => {
        const { dialer, service } = await build();
        expect(await service.dial({ number: '312-555-0100', contactId: '003000000000001' })).toEqual({ ok: true });
        expect(dialer.dialNumber).toHaveBeenCalledWith('pc-1', { number: CHICAGO, contactId: '003000000000001' });
    });

    it('WU-4 a Contact id that is not text is sent as none', async () => {
        const { dialer, service } = await build();
        await service.dial({ number: CHICAGO, contactId: 42 as unknown as string });
        expect(dialer.dialNumber).toHaveBeenCalledWith('pc-1', { number: CHICAGO, contactId: null });
    });

    it('WU-4 where the dialer places no agent calls, dialing is refused', async () => {
        const off = await build({ agentDial: false });
        expect(code(await off.service.dial({ number: CHICAGO, contactId: null }))).toBe('Unsupported');
        expect(off.dialer.dialNumber).not.toHaveBeenCalled();
        const missing = await build();
        (missing.dialer as { dialNumber?: unknown }).dialNumber = undefined;
        expect(code(await missing.service.dial({ number: CHICAGO, contactId: null }))).toBe('Unsupported');
    });

    it('WU-4 a number that is not text, or not a number, is refused and nothing is sent', async () => {
        const { dialer, service } = await build();
        expect(code(await service.dial({ number: 3125550100 as unknown as string, contactId: null }))).toBe('Rejected');
        expect(code(await service.dial({ number: 'call me', contactId: null }))).toBe('Rejected');
        // A request that is no object at all (a page's dial request is untrusted) is refused the same way.
        expect(code(await service.dial(null as unknown as AgentDialRequest))).toBe('Rejected');
        expect(errorsOf(service)).toEqual(['dial:Rejected', 'dial:Rejected', 'dial:Rejected']);
        expect(dialer.dialNumber).not.toHaveBeenCalled();
    });

    it('WU-4 dialing needs the agent Working on a skill, with no call and no preview in hand', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('agentState', { ...WORKING, status: 'Unavailable' });
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBe('InvalidState');
        dialer.events.emit('agentState', { ...WORKING, skillId: null });
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBe('InvalidState');
        dialer.events.emit('agentState', WORKING);
        dialer.events.emit('callUpdated', inStatus('Dialing'));
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBe('InvalidState');
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        dialer.events.emit('previewOffered', PREVIEW);
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBe('InvalidState');
        dialer.events.emit('previewClosed', { previewId: PREVIEW.id, reason: 'Requeued' });
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBeNull();
        expect(dialer.dialNumber).toHaveBeenCalledTimes(1);
    });

    it('WU-4 a second dial while the first is on its way sends nothing; a failed dial is reported and can be sent again', async () => {
        const { dialer, service } = await build();
        const answer = holdOnce(dialer.dialNumber);
        const first = service.dial({ number: CHICAGO, contactId: null });
        await flush();
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBe('InFlight');
        answer();
        expect(code(await first)).toBeNull();
        expect(dialer.dialNumber).toHaveBeenCalledTimes(1);

        dialer.dialNumber.mockRejectedValueOnce(new DialerError('Rejected', 'busy'));
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBe('Rejected');
        expect(errorsOf(service)).toEqual(['dial:Rejected']);
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBeNull();
        expect(service.getState().errors).toEqual([]);
    });

    it('UB-6 WU-4 a click-to-dial that shows its own result: its failures are its command, and one dial at a time either way', async () => {
        const ruleSets = DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Federal' ? { ...r, mode: 'Warn' as const } : r));
        const { dialer, service } = await build({}, { settings: { ruleSets } });
        const held = await service.clickToDial({ number: SAN_FRANCISCO, contactId: null });
        expect(held.ok ? null : [held.error.command, held.error.compliance?.verdict]).toEqual(['clickToDial', 'Warn']);
        expect(errorsOf(service)).toEqual(['clickToDial:Compliance']);
        // Confirmed where it was shown: the held dial goes, once, and its failure is gone.
        expect(code(await service.confirmCompliance(held.ok ? '' : held.error.id))).toBeNull();
        expect(dialer.dialNumber).toHaveBeenCalledTimes(1);
        expect(errorsOf(service)).toEqual([]);
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        const answer = holdOnce(dialer.dialNumber);
        const first = service.dial({ number: CHICAGO, contactId: null });
        await flush();
        const second = await service.clickToDial({ number: CHICAGO, contactId: null });
        expect(second.ok ? null : [second.error.command, second.error.code]).toEqual(['clickToDial', 'InFlight']);
        answer();
        expect(code(await first)).toBeNull();
        expect(dialer.dialNumber).toHaveBeenCalledTimes(2);
    });

    it('CP-1 a dial where it is too early for the contact is refused naming the rule, and nothing is sent', async () => {
        const { dialer, service } = await build();
        const result = await service.dial({ number: SAN_FRANCISCO, contactId: null });
        expect(code(result)).toBe('Compliance');
        expect(errorsOf(service)).toEqual(['dial:Compliance']);
        expect(dialer.dialNumber).not.toHaveBeenCalled();
    });

    it('CP-1 a Salesforce look-up that fails does not stop the dial: the number alone is checked', async () => {
        const gateway = new InMemorySalesforceGateway({ contacts: [] });
        gateway.failNext('findContact', 'Network');
        const { dialer, service } = await build({}, { gateway });
        expect(code(await service.dial({ number: CHICAGO, contactId: null }))).toBeNull();
        expect(dialer.dialNumber).toHaveBeenCalledTimes(1);
        gateway.failNext('findContact', 'Network');
        expect(code(await service.dial({ number: SAN_FRANCISCO, contactId: null }))).toBe('Compliance');
        expect(dialer.dialNumber).toHaveBeenCalledTimes(1);
    });

    it('CP-1 the dial is checked against the Contact`s own place in Salesforce', async () => {
        // A Chicago number whose Contact lives in California (its zone field says so): 07:00 there, too early.
        const gateway = new InMemorySalesforceGateway({
            contacts: [
                {
                    id: '003000000000009',
                    name: 'Grace Hopper',
                    phone: CHICAGO,
                    email: null,
                    accountName: null,
                    title: null,
                    mailingCity: null,
                    fields: { TimeZone__c: 'America/Los_Angeles' },
                    dialerRecordId: null
                }
            ]
        });
        const settings = { contactTimeZoneField: 'TimeZone__c' };
        const { dialer, service } = await build({}, { gateway, settings });
        const result = await service.dial({ number: CHICAGO, contactId: '003000000000009' });
        expect(code(result)).toBe('Compliance');
        expect(dialer.dialNumber).not.toHaveBeenCalled();
    });
});

describe('c-pc-service a call that leaves while its command is on its way', () => {
    it('CL-4 a Hold answered after the dialer removed the call resolves, and nothing of the call comes back', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        const answer = holdOnce(dialer.hold);
        const holding = service.hold('call-1');
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        answer();
        expect(code(await holding)).toBeNull();
        expect(service.getState().calls).toEqual([]);
    });

    it('CL-4 a Hold refused after the dialer removed the call is reported, and nothing of the call comes back', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callUpdated', inStatus('Active'));
        let refuse: () => void = () => undefined;
        dialer.hold.mockImplementationOnce(
            () => new Promise<undefined>((_r, reject) => (refuse = () => reject(new DialerError('Network', 'gone'))))
        );
        const holding = service.hold('call-1');
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        refuse();
        expect(code(await holding)).toBe('Network');
        expect(service.getState().calls).toEqual([]);
        expect(errorsOf(service)).toEqual(['hold:Network']);
    });

    it('BX-1 a wrap-up save that fails after the call was routed away is reported, and the call does not come back', async () => {
        const { dialer, service } = await build();
        (dialer.listDispositions as jest.Mock).mockResolvedValue([
            { id: 'done', label: 'Completed', outcome: 'Completed', requiresNotes: false }
        ]);
        await service.loginToSkill('pc-1');
        dialer.events.emit('callUpdated', inStatus('Active'));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1_000 }));
        let refuse: () => void = () => undefined;
        dialer.disposition.mockImplementationOnce(
            () => new Promise<undefined>((_r, reject) => (refuse = () => reject(new DialerError('Network', 'gone'))))
        );
        const saving = service.saveDisposition('call-1', 'done', '');
        dialer.events.emit('callRouted', { callId: 'call-1', contactName: 'Ada Lovelace' });
        refuse();
        expect(code(await saving)).toBe('Network');
        expect(service.getState().calls).toEqual([]);
        expect(errorsOf(service)).toEqual(['disposition:Network']);
    });
});
