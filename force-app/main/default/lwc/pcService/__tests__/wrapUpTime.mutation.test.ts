// The wrap-up time limit at its edges (WU-1), the dialer's per-skill limits as untrusted data, and a confirmed
// warning carried onto the attempt's Task (CP-3). Scripted dialer on a virtual clock.
import { DEFAULT_RULE_SETS } from 'c/pcModel';
import type { DialerCapabilities, Disposition, Skill } from 'c/pcModel';
import { flush, pass } from 'test-support/time';
import { call, CAPS, ScriptedDialer, started, T0 } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

const DISPOSITIONS: Disposition[] = [
    { id: 'done', label: 'Completed', outcome: 'Completed', requiresNotes: false },
    { id: 'refused', label: 'Refused', outcome: 'Refused', requiresNotes: true }
];

function build(
    settings: Record<string, unknown> = {},
    options: { skills?: unknown[]; caps?: Partial<DialerCapabilities> } = {}
) {
    return started(settings, {
        contacts: [],
        prepare: (dialer) => {
            dialer.capabilities = () => ({ ...CAPS, ...options.caps });
            (dialer.listDispositions as jest.Mock).mockResolvedValue(DISPOSITIONS);
            if (options.skills) (dialer.listSkills as jest.Mock).mockResolvedValue(options.skills);
        }
    });
}

/** An answered call on `line` that has just ended: its wrap-up starts now. */
function endAnswered(dialer: ScriptedDialer, id = 'call-1', line = 1): void {
    dialer.events.emit('callUpdated', call({ id, line, status: 'Active', answeredAt: T0 }));
    dialer.events.emit('callUpdated', call({ id, line, status: 'Ended', answeredAt: T0, endedAt: T0 }));
}

describe('c-pc-service the wrap-up time limit (WU-1)', () => {
    it('WU-1 the deadline is the limit from the call`s end; at zero the default disposition is saved with no notes', async () => {
        const { clock, dialer, gateway, service } = await build({
            wrapUpLimitSeconds: 30,
            wrapUpDefaultDisposition: 'done',
            wrapUpAtZero: 'Disposition'
        });
        endAnswered(dialer);
        expect(service.getState().calls[0]?.wrapUp).toEqual({
            saved: false,
            error: null,
            deadline: T0 + 30_000,
            atZero: 'done'
        });
        await pass(clock, 29_000, { step: 1_000 });
        expect(dialer.disposition).not.toHaveBeenCalled();
        await pass(clock, 1_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledWith('call-1', 'done', '');
        expect(gateway.tasks().map((t) => t.log.dispositionLabel)).toEqual(['Completed']);
        expect(service.getState().calls).toEqual([]);
    });

    it('WU-1 at zero a default that needs notes is still saved: the time ran out, not the agent', async () => {
        const { clock, dialer, service } = await build({
            wrapUpLimitSeconds: 10,
            wrapUpDefaultDisposition: 'refused',
            wrapUpAtZero: 'Disposition'
        });
        endAnswered(dialer);
        await pass(clock, 10_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledWith('call-1', 'refused', '');
        expect(service.getState().calls).toEqual([]);
    });

    it('WU-1 a default the skill does not offer falls back to Unavailable with the first reason, and the form stays', async () => {
        const { clock, dialer, service } = await build({
            wrapUpLimitSeconds: 10,
            wrapUpDefaultDisposition: 'not-offered',
            wrapUpAtZero: 'Disposition'
        });
        endAnswered(dialer);
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        await pass(clock, 10_000, { step: 1_000 });
        expect(dialer.disposition).not.toHaveBeenCalled();
        expect(dialer.setUnavailable).toHaveBeenCalledWith('break');
        const [ended, live] = service.getState().calls;
        expect(ended?.wrapUp).toMatchObject({ saved: false, timedOut: true });
        expect(live?.wrapUp).toBeNull();
    });

    it('WU-1 at zero with Unavailable chosen, an agent already Unavailable is not sent it again', async () => {
        const { clock, dialer, service } = await build({ wrapUpLimitSeconds: 10, wrapUpAtZero: 'Unavailable' });
        endAnswered(dialer);
        dialer.events.emit('agentState', {
            ...service.getState().agent,
            status: 'Unavailable',
            unavailableCode: { id: 'break', label: 'Break' }
        });
        await pass(clock, 10_000, { step: 1_000 });
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ timedOut: true });
        expect(dialer.setUnavailable).not.toHaveBeenCalled();
    });

    it('WU-1 at zero with no unavailable reason to use, the form stays and nothing is sent', async () => {
        const { clock, dialer, service } = await build({ wrapUpLimitSeconds: 10, wrapUpAtZero: 'Unavailable' });
        dialer.listUnavailableCodes.mockResolvedValueOnce([]);
        await service.stop();
        await service.start();
        await flush();
        endAnswered(dialer);
        await pass(clock, 10_000, { step: 1_000 });
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ timedOut: true });
        expect(dialer.setUnavailable).not.toHaveBeenCalled();
    });

    it('WU-1 a save on its way when the time runs out is left to finish: nothing else is sent', async () => {
        const { clock, dialer, service } = await build({
            wrapUpLimitSeconds: 10,
            wrapUpDefaultDisposition: 'done',
            wrapUpAtZero: 'Disposition'
        });
        endAnswered(dialer);
        const answer = holdOnce(dialer.disposition);
        const saving = service.saveDisposition('call-1', 'refused', 'said no');
        await pass(clock, 11_000, { step: 1_000 });
        expect(dialer.disposition).toHaveBeenCalledTimes(1);
        expect(service.getState().calls[0]?.wrapUp).not.toHaveProperty('timedOut');
        answer();
        expect((await saving).ok).toBe(true);
        expect(dialer.disposition).toHaveBeenCalledTimes(1);
    });

    it('WU-1 with Unavailable chosen, a save on its way when the time runs out leaves the agent as they are', async () => {
        const { clock, dialer, service } = await build({ wrapUpLimitSeconds: 10, wrapUpAtZero: 'Unavailable' });
        endAnswered(dialer);
        const answer = holdOnce(dialer.disposition);
        const saving = service.saveDisposition('call-1', 'done', '');
        await pass(clock, 11_000, { step: 1_000 });
        expect(dialer.setUnavailable).not.toHaveBeenCalled();
        expect(service.getState().calls[0]?.wrapUp).not.toHaveProperty('timedOut');
        answer();
        expect((await saving).ok).toBe(true);
    });

    it('WU-1 with Unavailable chosen, the default disposition set for the other choice is not saved', async () => {
        const { clock, dialer, service } = await build({
            wrapUpLimitSeconds: 10,
            wrapUpDefaultDisposition: 'done',
            wrapUpAtZero: 'Unavailable'
        });
        endAnswered(dialer);
        await pass(clock, 10_000, { step: 1_000 });
        expect(dialer.disposition).not.toHaveBeenCalled();
        expect(dialer.setUnavailable).toHaveBeenCalledWith('break');
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ timedOut: true });
    });

    it('WU-1 each wrap-up runs out on its own: another call`s wrap-up keeps its time', async () => {
        const { clock, dialer, service } = await build({ wrapUpLimitSeconds: 10, wrapUpAtZero: 'Unavailable' });
        endAnswered(dialer);
        await pass(clock, 5_000, { step: 1_000 });
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', line: 2, status: 'Ended', answeredAt: T0, endedAt: T0 + 5_000 })
        );
        await pass(clock, 5_000, { step: 1_000 });
        const [first, second] = service.getState().calls;
        expect(first?.wrapUp).toMatchObject({ timedOut: true });
        expect(second?.wrapUp).toEqual({ saved: false, error: null, deadline: T0 + 15_000 });
    });

    it('WU-1 of two calls in wrap-up, the later one runs out at its own deadline, the earlier one as it was', async () => {
        const { clock, dialer, service } = await build({ wrapUpLimitSeconds: 10, wrapUpAtZero: 'Unavailable' });
        endAnswered(dialer);
        await pass(clock, 5_000, { step: 1_000 });
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', line: 2, status: 'Ended', answeredAt: T0, endedAt: T0 + 5_000 })
        );
        await pass(clock, 9_000, { step: 1_000 });
        expect(service.getState().calls[1]?.wrapUp).not.toHaveProperty('timedOut');
        await pass(clock, 1_000, { step: 1_000 });
        expect(service.getState().calls.map((v) => [v.call.id, v.wrapUp])).toEqual([
            ['call-1', { saved: false, error: null, deadline: T0 + 10_000, timedOut: true }],
            ['call-2', { saved: false, error: null, deadline: T0 + 15_000, timedOut: true }]
        ]);
    });

    it('WU-1 a wrap-up whose save failed still runs out: the default is then saved', async () => {
        const { clock, dialer, gateway, service } = await build({
            wrapUpLimitSeconds: 10,
            wrapUpDefaultDisposition: 'done',
            wrapUpAtZero: 'Disposition'
        });
        endAnswered(dialer);
        gateway.failNext('logAttempt', 'Network');
        expect((await service.saveDisposition('call-1', 'refused', 'said no')).ok).toBe(false);
        await pass(clock, 10_000, { step: 1_000 });
        // The dialer has the agent's disposition; the log goes through with it, not with the default.
        expect(dialer.disposition).toHaveBeenCalledTimes(1);
        expect(gateway.tasks().map((t) => t.log.dispositionLabel)).toEqual(['Refused']);
        expect(service.getState().calls).toEqual([]);
    });

    it('WU-1 a call id the dialer reuses after its wrap-up was saved is not timed out by the first wrap-up`s timer', async () => {
        const { clock, dialer, service } = await build({ wrapUpLimitSeconds: 10, wrapUpAtZero: 'Unavailable' });
        endAnswered(dialer);
        expect((await service.saveDisposition('call-1', 'done', '')).ok).toBe(true);
        await pass(clock, 5_000, { step: 1_000 });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 + 5_000 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0 + 5_000, endedAt: T0 + 5_000 }));
        await pass(clock, 6_000, { step: 1_000 });
        expect(service.getState().calls[0]?.wrapUp).toEqual({ saved: false, error: null, deadline: T0 + 15_000 });
        expect(dialer.setUnavailable).not.toHaveBeenCalled();
        await pass(clock, 5_000, { step: 1_000 });
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ timedOut: true });
    });
});

describe('c-pc-service the dialer`s skill limits as untrusted data (WU-1)', () => {
    it('WU-1 a sane per-skill limit is kept; a nonsense one is dropped, leaving the skill', async () => {
        const skills = [
            { id: 'a', name: 'A', isPersonalConnection: true, wrapUpSeconds: 45 },
            { id: 'b', name: 'B', isPersonalConnection: true, wrapUpSeconds: -3 },
            { id: 'c', name: 'C', isPersonalConnection: false, wrapUpSeconds: 'soon' },
            { id: 'd', name: 'D', isPersonalConnection: true }
        ];
        const { service } = await build({}, { skills });
        const shown: readonly Skill[] = service.getState().skills;
        expect(shown).toEqual([
            { id: 'a', name: 'A', isPersonalConnection: true, wrapUpSeconds: 45 },
            { id: 'b', name: 'B', isPersonalConnection: true },
            { id: 'c', name: 'C', isPersonalConnection: false },
            { id: 'd', name: 'D', isPersonalConnection: true }
        ]);
        expect(shown[1]).not.toHaveProperty('wrapUpSeconds');
    });

    it('WU-1 the admin`s limit for the skill the agent works applies, not that of the first skill listed', async () => {
        const skills = [
            { id: 'pc-0', name: 'PC Zero', isPersonalConnection: true },
            { id: 'pc-1', name: 'PC One', isPersonalConnection: true }
        ];
        const { dialer, service } = await build({ wrapUpSkillLimits: { 'pc-0': 50, 'pc-1': 20 } }, { skills });
        expect(service.getState().agent.skillId).toBe('pc-1');
        endAnswered(dialer);
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ deadline: T0 + 20_000 });
    });

    it('WU-1 the skill worked sets the wrap-up limit', async () => {
        const skills = [{ id: 'pc-1', name: 'PC One', isPersonalConnection: true, wrapUpSeconds: 20 }];
        const { dialer, service } = await build({}, { skills });
        endAnswered(dialer);
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ deadline: T0 + 20_000 });
    });
});

describe('c-pc-service a confirmed warning on the Task (CP-3)', () => {
    it('CP-3 a transfer the agent confirmed past a warning is noted on that call`s Task, and only on it', async () => {
        const ruleSets = DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Federal' ? { ...r, mode: 'Warn' as const } : r));
        const { dialer, gateway, service } = await build({ ruleSets }, { caps: { transferKinds: ['Number'] } });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const warned = await service.transfer('call-1', { kind: 'Number', value: '+14155550123' });
        expect((await service.confirmCompliance(warned.ok ? '' : warned.error.id)).ok).toBe(true);
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1_000 }));
        await service.saveDisposition('call-1', 'done', 'handed over');
        const notes = gateway.tasks()[0]?.log.notes ?? '';
        expect(notes.startsWith('handed over\n')).toBe(true);
        expect(notes).toContain('US_Federal');
        // The next call of the same record carries no override.
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Ended' }));
        await flush();
        expect(gateway.tasks()[1]?.log.notes).toBe('');
    });
});
