// The store and its error handling at their edges (UB-6, CP-3, BX-5): the snapshot before anything happened, what
// an error says, errors kept by reference when nothing changed, compliance stops and their confirmations, and
// starting again after a failed connect. Scripted dialer: every answer is set by the test.
import { ConsoleService } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_RULE_SETS, DEFAULT_SETTINGS } from 'c/pcModel';
import type { CommandResult, ConsoleState } from 'c/pcModel';
import type { PresencePort, PresenceStatus } from 'c/pcPresencePort';
import { flush } from 'test-support/time';
import { call, CAPS, ScriptedDialer, scripted, started, T0 } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

/** T0 is 07:00 in San Francisco: before the federal window (08:00–21:00). */
const SAN_FRANCISCO = '+14155550123';
const LOS_ANGELES = '+12135550123';

const FEDERAL_WARNS = DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Federal' ? { ...r, mode: 'Warn' as const } : r));

/** Not started; `settings` over the defaults on three lines. */
const build = (settings: Record<string, unknown> = {}) =>
    scripted({ settings: { ...DEFAULT_SETTINGS, linesPerAgent: 3, ...settings } });

/** Started, on a dialer that also transfers to numbers. */
async function transferring(settings: Record<string, unknown> = {}) {
    const rig = build(settings);
    rig.dialer.capabilities = () => ({ ...CAPS, transferKinds: ['Skill', 'Number'] });
    await rig.service.start();
    await flush();
    return rig;
}

function detailOf(result: CommandResult): [string, string, string | null] | null {
    return result.ok ? null : [result.error.code, result.error.detail, result.error.command];
}

describe('c-pc-service the snapshot before anything happened', () => {
    it('AV-1 before start the agent is logged out, disconnected, with nothing on screen', () => {
        const { service } = build();
        const state: ConsoleState = service.getState();
        expect(state.now).toBe(T0);
        expect(state.connection).toEqual({ status: 'Disconnected', detail: '', attempt: 0, nextRetryAt: null });
        expect(state.agent).toEqual({
            status: 'LoggedOut',
            skillId: null,
            skillName: null,
            unavailableCode: null,
            pending: null,
            since: T0
        });
        expect(state).toMatchObject({
            skills: [],
            unavailableCodes: [],
            dispositions: [],
            agentPending: [],
            calls: [],
            preview: null,
            screenPop: null,
            routed: [],
            messages: [],
            marquee: null,
            confirmation: null,
            errors: [],
            settingsProblems: []
        });
        expect(state.signIn).toBeUndefined();
        expect(Object.isFrozen(state)).toBe(true);
    });
});

describe('c-pc-service what an error says (UB-6)', () => {
    it('UB-6 a failure of an unknown kind is shown by its type only', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.hold.mockRejectedValueOnce(new TypeError('secret +13125550100'));
        expect(detailOf(await service.hold('call-1'))).toEqual(['Unknown', 'Unexpected TypeError', 'hold']);
        dialer.mute.mockRejectedValueOnce('a bare string');
        expect(detailOf(await service.mute('call-1'))).toEqual(['Unknown', 'Unexpected string', 'mute']);
        // One failure per call card: the mute's replaced the hold's, each from the dialer.
        expect(service.getState().errors.map((e) => `${e.command}:${e.source}`)).toEqual(['mute:Dialer']);
    });

    it('AD-3 settings Salesforce fails to give for an unknown reason are a configuration error', async () => {
        const { gateway, service } = build();
        const own = new ConsoleService({
            adapter: new ScriptedDialer(),
            gateway,
            clock: new VirtualClock({ startAt: T0 })
        });
        jest.spyOn(gateway, 'getSettings').mockRejectedValueOnce(new RangeError('bad'));
        await own.start();
        await flush();
        expect(own.getState().errors.map((e) => [e.source, e.code, e.detail, e.command])).toEqual([
            ['Configuration', 'Unknown', 'Unexpected RangeError', 'getSettings']
        ]);
        expect(service.getState().errors).toEqual([]);
    });

    it('UB-6 a second click while a command is on its way says so, and is not added to the error panel', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const answer = holdOnce(dialer.hold);
        const first = service.hold('call-1');
        const again = await service.hold('call-1');
        expect(detailOf(again)).toEqual(['InFlight', 'hold already sent', 'hold']);
        expect(again.ok ? null : again.error.source).toBe('Validation');
        expect(service.getState().errors).toEqual([]);
        answer();
        await first;
    });

    it('UB-6 a command that goes through leaves other commands` errors in place, as the same list', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('error', new DialerError('Network', 'blip'));
        const errors = service.getState().errors;
        expect((await service.setAvailable()).ok).toBe(true);
        expect(service.getState().errors).toBe(errors);
        expect((await service.loginToSkill('pc-1')).ok).toBe(true);
        expect(service.getState().errors).toBe(errors);
    });

    it('WU-5 retrying an Omni-Channel change where there is no Omni-Channel is refused as unsupported', async () => {
        const { service } = await started();
        const result = await service.retryPresence();
        expect(detailOf(result)).toEqual(['Unsupported', 'no Omni-Channel', 'presence']);
        expect(service.getState().errors.map((e) => e.source)).toEqual(['OmniChannel']);
    });
});

describe('c-pc-service Omni-Channel reports (WU-5)', () => {
    it('WU-5 an Omni-Channel change that goes through with no earlier failure publishes no new snapshot', async () => {
        let answer: () => void = () => undefined;
        const setStatus = jest.fn(
            (apiName: string) => new Promise<PresenceStatus>((r) => (answer = () => r({ apiName, label: apiName })))
        );
        const port: PresencePort = {
            name: 'scripted',
            getStatus: async () => null,
            setStatus,
            logout: async () => undefined,
            onChange: () => () => undefined
        };
        const { service } = scripted({
            settings: { ...DEFAULT_SETTINGS, presenceMode: 'DialerLeads' },
            presence: port
        });
        await service.start();
        await flush();
        expect(setStatus).toHaveBeenCalledWith('Available');
        const before = service.getState();
        answer();
        await flush();
        expect(service.getState()).toBe(before);
        expect(before.errors).toEqual([]);
    });
});

describe('c-pc-service compliance stops and their confirmation (CP-1, CP-3)', () => {
    it('CP-3 a refusal by two rules names both', async () => {
        // 06:30 in Miami: before both the federal window (08:00) and Florida's (08:00).
        const { dialer, service } = await started(
            {},
            {
                contacts: [],
                startAt: Date.UTC(2027, 0, 11, 11, 30),
                prepare: (d) => {
                    d.capabilities = () => ({ ...CAPS, transferKinds: ['Skill', 'Number'] });
                }
            }
        );
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const result = await service.transfer('call-1', { kind: 'Number', value: '+13055550100' });
        expect(result.ok ? null : result.error.detail).toBe('Block by US_Federal:Window,US_Florida:Window');
    });

    it('CP-3 a refusal names each rule and what it found', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const result = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        expect(result.ok ? null : result.error.detail).toBe('Block by US_Federal:Window');
        expect(result.ok ? null : result.error.source).toBe('Validation');
    });

    it('CP-3 a block cannot be confirmed: confirming its error is refused and nothing is sent', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const blocked = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        const id = blocked.ok ? '' : blocked.error.id;
        const confirmed = await service.confirmCompliance(id);
        expect(detailOf(confirmed)).toEqual(['NotFound', 'no warning to confirm', 'compliance']);
        expect(dialer.transfer).not.toHaveBeenCalled();
    });

    it('CP-3 a warning is confirmed once: the command goes, and confirming again is refused', async () => {
        const { dialer, service } = await transferring({ ruleSets: FEDERAL_WARNS });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const warned = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        expect(warned.ok ? null : warned.error.compliance?.verdict).toBe('Warn');
        expect(dialer.transfer).not.toHaveBeenCalled();
        const id = warned.ok ? '' : warned.error.id;
        expect((await service.confirmCompliance(id)).ok).toBe(true);
        expect(dialer.transfer).toHaveBeenCalledWith('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        expect((await service.confirmCompliance(id)).ok).toBe(false);
        expect(dialer.transfer).toHaveBeenCalledTimes(1);
    });

    it('CP-3 a newer warning for the same command replaces the older one: only the newer can be confirmed', async () => {
        const { dialer, service } = await transferring({ ruleSets: FEDERAL_WARNS });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const older = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        const newer = await service.transfer('call-1', { kind: 'Number', value: LOS_ANGELES });
        expect(service.getState().errors.map((e) => e.command)).toEqual(['transfer']);
        expect((await service.confirmCompliance(older.ok ? '' : older.error.id)).ok).toBe(false);
        expect(dialer.transfer).not.toHaveBeenCalled();
        expect((await service.confirmCompliance(newer.ok ? '' : newer.error.id)).ok).toBe(true);
        expect(dialer.transfer).toHaveBeenCalledWith('call-1', { kind: 'Number', value: LOS_ANGELES });
    });

    it('CP-3 a warning for one command stays confirmable when another command is warned', async () => {
        const rig = build({ ruleSets: FEDERAL_WARNS });
        const { dialer, service } = rig;
        dialer.capabilities = () => ({ ...CAPS, agentDial: true, transferKinds: ['Skill', 'Number'] });
        const dialNumber = jest.fn(async () => undefined);
        Object.assign(dialer, { dialNumber });
        await service.start();
        await flush();
        const dialWarned = await service.dial({ number: SAN_FRANCISCO, contactId: null });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.transfer('call-1', { kind: 'Number', value: LOS_ANGELES });
        expect(service.getState().errors.map((e) => e.command)).toEqual(['dial', 'transfer']);
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        expect((await service.confirmCompliance(dialWarned.ok ? '' : dialWarned.error.id)).ok).toBe(true);
        expect(dialNumber).toHaveBeenCalledTimes(1);
    });

    it('CP-3 a dismissed warning can no longer be confirmed', async () => {
        const { dialer, service } = await transferring({ ruleSets: FEDERAL_WARNS });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const warned = await service.transfer('call-1', { kind: 'Number', value: SAN_FRANCISCO });
        const id = warned.ok ? '' : warned.error.id;
        service.dismissError(id);
        expect(service.getState().errors).toEqual([]);
        expect((await service.confirmCompliance(id)).ok).toBe(false);
        expect(dialer.transfer).not.toHaveBeenCalled();
    });
});

describe('c-pc-service starting again after a failed connect (BX-5)', () => {
    it('BX-5 while the retry connects it shows Connecting with no old detail; a second Retry then sends nothing', async () => {
        const { dialer, service } = build();
        dialer.connect.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await service.start();
        await flush();
        expect(service.getState().connection).toMatchObject({ status: 'Failed', detail: 'down' });
        const answer = holdOnce(dialer.connect, () => dialer.session);
        const retry = service.start();
        expect(service.getState().connection).toMatchObject({ status: 'Connecting', detail: '' });
        answer();
        expect((await retry).ok).toBe(true);
        expect(dialer.connect).toHaveBeenCalledTimes(2);
    });

    it('BX-5 while the first connect is under way the console shows Connecting, with no detail', async () => {
        const { dialer, service } = build();
        const answer = holdOnce(dialer.connect, () => dialer.session);
        const starting = service.start();
        await flush();
        expect(service.getState().connection).toEqual({
            status: 'Connecting',
            detail: '',
            attempt: 0,
            nextRetryAt: null
        });
        answer();
        await starting;
    });

    it('BX-5 a Retry while the retry is connecting is refused as in flight', async () => {
        const { dialer, service } = build();
        dialer.connect.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await service.start();
        await flush();
        const answer = holdOnce(dialer.connect, () => dialer.session);
        const retry = service.start();
        // The dialer reports the connect failing meanwhile: the console shows Failed, but the retry is still out.
        dialer.events.emit('connection', { status: 'Failed', detail: 'down', attempt: 1, nextRetryAt: null });
        const second = await service.start();
        expect(detailOf(second)).toEqual(['InFlight', 'connect already sent', 'connect']);
        answer();
        await retry;
        expect(dialer.connect).toHaveBeenCalledTimes(2);
    });

    it('BX-5 a retry that failed again can be retried again; the console listens to the dialer once throughout', async () => {
        const { dialer, gateway, service } = build();
        dialer.connect.mockRejectedValueOnce(new DialerError('Network', 'down'));
        dialer.connect.mockRejectedValueOnce(new DialerError('Network', 'still down'));
        await service.start();
        expect((await service.start()).ok).toBe(false);
        expect(service.getState().connection).toMatchObject({ status: 'Failed', detail: 'still down' });
        expect((await service.start()).ok).toBe(true);
        await flush();
        expect(dialer.connect).toHaveBeenCalledTimes(3);
        expect(service.getState().connection.status).toBe('Connected');
        dialer.events.emit('agentMessage', { id: 'm-1', kind: 'Routed', at: T0, text: 'hello', number: null });
        expect(service.getState().messages).toHaveLength(1);
        expect(gateway.callCount('getSettings')).toBe(0);
    });
});
