// What each finished attempt leaves in Salesforce (BX-1) and on the scoreboard (WU-2), field by field, and the
// wrap-up's own checks: the Task as logged, the Contact it links to, the retries of a failed log, the notes rules.
import { ENDED_LINGER_MS, LOG_RETRY_MS } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import type { Disposition } from 'c/pcModel';
import type { ContactQuery } from 'c/pcSalesforcePort';
import { flush, pass } from 'test-support/time';
import { call, RECORD, started, T0, WORKING } from 'test-support/scriptedService';
import { holdOnce, holdNext } from 'test-support/hold';

const ANSWERED_AT = T0 + 2_000;
const ENDED_AT = T0 + 65_400;

const DISPOSITIONS: Disposition[] = [
    { id: 'done', label: 'Completed', outcome: 'Completed', requiresNotes: false },
    { id: 'refused', label: 'Refused to pay', outcome: 'Refused', requiresNotes: true },
    { id: 'later', label: 'Call back later', outcome: 'Rescheduled', requiresNotes: false }
];

/** A started service logged in to a skill offering DISPOSITIONS. */
async function withDispositions(settings: Record<string, unknown> = {}) {
    const rig = await started(settings);
    (rig.dialer.listDispositions as jest.Mock).mockResolvedValue(DISPOSITIONS);
    await rig.service.loginToSkill('pc-1');
    return rig;
}

/** Talks to the contact from ANSWERED_AT and hangs up at ENDED_AT: the call is in wrap-up. */
async function talkedAndEnded(rig: Awaited<ReturnType<typeof started>>, id = 'call-1') {
    const { dialer, service } = rig;
    dialer.events.emit('callUpdated', call({ id, status: 'Ringing' }));
    dialer.events.emit('callUpdated', call({ id, status: 'Active', answeredAt: ANSWERED_AT }));
    await flush();
    dialer.events.emit('callUpdated', call({ id, status: 'Ended', answeredAt: ANSWERED_AT, endedAt: ENDED_AT }));
    await flush();
    expect(service.getState().calls.find((v) => v.call.id === id)?.wrapUp).toMatchObject({ saved: false });
}

function errorsOf(service: { getState(): { errors: readonly { command: string | null; code: string }[] } }): string[] {
    return service.getState().errors.map((e) => `${e.command}:${e.code}`);
}

describe('c-pc-service wrap-up: the Task logged', () => {
    it('BX-1 a saved wrap-up logs one Task with the disposition, the talk time, the notes and the Contact', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        rig.clock.advanceTo(ENDED_AT + 4_600);
        const result = await rig.service.saveDisposition('call-1', 'done', 'Paid in full');
        expect(result).toEqual({ ok: true });
        expect(rig.dialer.disposition).toHaveBeenCalledWith('call-1', 'done', 'Paid in full');
        expect(rig.gateway.tasks().map((t) => t.log)).toEqual([
            {
                dialerContactId: 'call-1',
                contactId: '003000000000001',
                recordId: 'rec-1',
                number: '+13125550100',
                direction: 'Outbound',
                outcome: 'Completed',
                dispositionLabel: 'Completed',
                durationSeconds: 63,
                notes: 'Paid in full',
                endedAt: ENDED_AT
            }
        ]);
        const state = rig.service.getState();
        expect(state.calls).toEqual([]);
        expect(state.confirmation).toMatchObject({ action: 'WrapUp', contactName: 'Ada Lovelace' });
        expect(state.scoreboard).toMatchObject({ wrapUps: 1, wrapUpMs: 4_600, callbacksBooked: 0 });
    });

    it('BX-1 talk time rounds to the nearest second, and a clock that ran backwards counts none', async () => {
        const rig = await withDispositions();
        const { dialer, service } = rig;
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1_499 }));
        await service.saveDisposition('call-1', 'done', '');
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Active', answeredAt: T0 + 9_000 }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', status: 'Ended', answeredAt: T0 + 9_000, endedAt: T0 + 8_000 })
        );
        await service.saveDisposition('call-2', 'done', '');
        expect(rig.gateway.tasks().map((t) => t.log.durationSeconds)).toEqual([1, 0]);
    });

    it('WU-2 a wrap-up whose disposition books a callback counts the callback', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        await rig.service.saveDisposition('call-1', 'later', '');
        expect(rig.service.getState().scoreboard).toMatchObject({ wrapUps: 1, callbacksBooked: 1 });
        expect(rig.gateway.tasks()[0]?.log).toMatchObject({
            outcome: 'Rescheduled',
            dispositionLabel: 'Call back later'
        });
    });

    it('WU-2 a call whose end time the dialer did not give counts its wrap-up from its last status change', async () => {
        const rig = await withDispositions();
        const { dialer, service, clock } = rig;
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit(
            'callUpdated',
            call({ status: 'Ended', answeredAt: T0, endedAt: null, statusSince: T0 + 10_000 })
        );
        clock.advanceTo(T0 + 25_000);
        await service.saveDisposition('call-1', 'done', '');
        expect(service.getState().scoreboard?.wrapUpMs).toBe(15_000);
        // With no end time the Task's end is when it was logged.
        expect(rig.gateway.tasks()[0]?.log).toMatchObject({ endedAt: T0 + 25_000, durationSeconds: 25 });
    });

    it('BX-1 an unanswered attempt is logged at once with its outcome, no disposition, no talk time, no notes', async () => {
        const { dialer, gateway, service, clock } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        clock.advanceTo(T0 + 30_000);
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'Busy', endedAt: T0 + 29_000 }));
        await flush();
        expect(gateway.tasks().map((t) => t.log)).toEqual([
            {
                dialerContactId: 'call-1',
                contactId: '003000000000001',
                recordId: 'rec-1',
                number: '+13125550100',
                direction: 'Outbound',
                outcome: 'Busy',
                dispositionLabel: null,
                durationSeconds: 0,
                notes: '',
                endedAt: T0 + 29_000
            }
        ]);
        // The line shows its outcome briefly, then goes.
        expect(service.getState().calls.map((v) => v.call.status)).toEqual(['Ended']);
        await pass(clock, ENDED_LINGER_MS);
        expect(service.getState().calls).toEqual([]);
    });

    it('BX-1 an unanswered attempt with no outcome is logged as No answer, ended when it was logged', async () => {
        const { dialer, gateway, clock } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        clock.advanceTo(T0 + 7_000);
        dialer.events.emit('callUpdated', call({ status: 'Ended' }));
        await flush();
        expect(gateway.tasks()[0]?.log).toMatchObject({ outcome: 'NoAnswer', endedAt: T0 + 7_000 });
    });
});

describe('c-pc-service wrap-up: the Contact a Task links to', () => {
    it('BX-1 the Contact found for the screen pop is linked without asking Salesforce again', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        expect(rig.gateway.callCount('findContact')).toBe(1);
        await rig.service.saveDisposition('call-1', 'done', '');
        expect(rig.gateway.callCount('findContact')).toBe(1);
        expect(rig.gateway.tasks()[0]?.log.contactId).toBe('003000000000001');
    });

    it('BX-1 with no pop, the Contact is looked up by the record; failing that the Task keeps the record`s Salesforce id', async () => {
        const { dialer, gateway } = await started();
        const record = { ...RECORD, salesforceId: '003OTHERID00001' };
        dialer.events.emit('callUpdated', call({ status: 'Dialing', record }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', record, outcome: 'NoAnswer' }));
        await flush();
        // Found by the dialer's record id, since no Contact has that Salesforce id.
        expect(gateway.tasks()[0]?.log.contactId).toBe('003000000000001');

        gateway.failNext('findContact', 'Network');
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Dialing', record }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Ended', record, outcome: 'NoAnswer' }));
        await flush();
        expect(gateway.tasks()[1]?.log.contactId).toBe('003OTHERID00001');
    });

    it('BX-1 the lookup of a Task`s Contact asks Salesforce for no Contact fields', async () => {
        const { dialer, gateway } = await started();
        const asked: ContactQuery[] = [];
        const find = gateway.findContact.bind(gateway);
        jest.spyOn(gateway, 'findContact').mockImplementation((q) => {
            asked.push(q);
            return find(q);
        });
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer' }));
        await flush();
        expect(asked).toEqual([
            { salesforceId: '003000000000001', dialerRecordId: 'rec-1', phone: '+13125550100', fields: [] }
        ]);
        expect(gateway.tasks()[0]?.log.contactId).toBe('003000000000001');
    });

    it('BX-1 a record with no Contact logs a Task linked to none', async () => {
        const { dialer, gateway } = await started();
        const record = { ...RECORD, id: 'rec-9', salesforceId: null };
        dialer.events.emit('callUpdated', call({ status: 'Dialing', record, number: '+14155550199' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', record, number: '+14155550199' }));
        await flush();
        expect(gateway.tasks()[0]?.log).toMatchObject({ contactId: null, recordId: 'rec-9' });
    });
});

describe('c-pc-service wrap-up: a failed log', () => {
    it('BX-1 a failed log of an unanswered attempt is shown and tried again later, once it goes through no more', async () => {
        const { dialer, gateway, service, clock } = await started();
        gateway.failNext('logAttempt', 'Network');
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer' }));
        await flush();
        expect(gateway.tasks()).toEqual([]);
        expect(service.getState().errors.map((e) => [e.command, e.source, e.code])).toEqual([
            ['logAttempt', 'Salesforce', 'Network']
        ]);
        await pass(clock, LOG_RETRY_MS[0]! - 1_000, { step: 1_000 });
        expect(gateway.callCount('logAttempt')).toBe(1);
        await pass(clock, 2_000, { step: 1_000 });
        expect(gateway.callCount('logAttempt')).toBe(2);
        expect(gateway.tasks()).toHaveLength(1);
        await pass(clock, 15 * 60_000, { step: 10_000 });
        expect(gateway.callCount('logAttempt')).toBe(2);
    });

    it('BX-1 an unanswered attempt the dialer reports ending again after a restart is not sent to Salesforce again', async () => {
        const { dialer, gateway, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer', endedAt: T0 }));
        await flush();
        expect(gateway.callCount('logAttempt')).toBe(1);
        await service.stop();
        // The dialer's session still lists the call as ringing, and then reports its end once more.
        dialer.session = { ...dialer.session, calls: [call({ status: 'Ringing' })] };
        await service.start();
        await flush();
        expect(service.getState().calls.map((v) => v.call.status)).toEqual(['Ringing']);
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer', endedAt: T0 }));
        await flush();
        expect(gateway.callCount('logAttempt')).toBe(1);
        expect(gateway.tasks()).toHaveLength(1);
    });

    it('BX-1 a log that keeps failing is tried as often as the retry plan says, then left to the error panel', async () => {
        const { dialer, gateway, service, clock } = await started();
        for (let i = 0; i <= LOG_RETRY_MS.length; i += 1) gateway.failNext('logAttempt', 'Network');
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer' }));
        await pass(clock, LOG_RETRY_MS.reduce((a, b) => a + b, 0) + 60 * 60_000, { step: 10_000 });
        expect(gateway.callCount('logAttempt')).toBe(LOG_RETRY_MS.length + 1);
        expect(service.getState().errors.filter((e) => e.command === 'logAttempt')).toHaveLength(
            LOG_RETRY_MS.length + 1
        );
        expect(gateway.tasks()).toEqual([]);
    });

    it('BX-1 a log failing after the console stopped is not reported, and not tried again', async () => {
        const { dialer, gateway, service, clock } = await started();
        gateway.failNext('logAttempt', 'Network');
        const release = holdNext(gateway, 'logAttempt', { every: true });
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer' }));
        await flush();
        await service.stop();
        release();
        await flush();
        expect(service.getState().errors).toEqual([]);
        await pass(clock, 60 * 60_000, { step: 60_000 });
        expect(gateway.logAttempt).toHaveBeenCalledTimes(1);
    });

    it('BX-1 a wrap-up whose log failed is retried without sending the disposition twice or logging twice', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        rig.gateway.failNext('logAttempt', 'Unauthorized');
        const failed = await rig.service.saveDisposition('call-1', 'done', 'first try');
        expect(failed.ok).toBe(false);
        const view = rig.service.getState().calls[0]!;
        expect(view.pending).toEqual([]);
        expect(view.wrapUp).toMatchObject({ saved: false, error: { code: 'Unauthorized', source: 'Salesforce' } });
        expect(errorsOf(rig.service)).toEqual(['disposition:Unauthorized']);
        const retried = await rig.service.saveDisposition('call-1', 'done', 'first try');
        expect(retried.ok).toBe(true);
        expect(rig.dialer.disposition).toHaveBeenCalledTimes(1);
        expect(rig.gateway.tasks()).toHaveLength(1);
        expect(rig.gateway.tasks()[0]?.log.notes).toBe('first try');
    });

    it('AV-3 after a logout, a call id the dialer uses again starts a wrap-up of its own: its disposition is sent and logged', async () => {
        const rig = await withDispositions();
        const { dialer, gateway, service } = rig;
        await talkedAndEnded(rig);
        gateway.failNext('logAttempt', 'Network');
        expect((await service.saveDisposition('call-1', 'refused', 'first call')).ok).toBe(false);
        dialer.events.emit('agentState', { ...WORKING, status: 'LoggedOut', skillId: null, skillName: null });
        expect(service.getState().calls).toEqual([]);
        dialer.events.emit('agentState', WORKING);
        await talkedAndEnded(rig);
        const logged = jest.spyOn(gateway, 'logAttempt');
        expect((await service.saveDisposition('call-1', 'done', 'second call')).ok).toBe(true);
        expect(dialer.disposition.mock.calls).toEqual([
            ['call-1', 'refused', 'first call'],
            ['call-1', 'done', 'second call']
        ]);
        expect(logged.mock.calls.map(([log]) => [log.dispositionLabel, log.notes])).toEqual([
            ['Completed', 'second call']
        ]);
    });
});

describe('c-pc-service wrap-up: logging out (AV-3) loses no Task (BX-1)', () => {
    const LOGGED_OUT = { ...WORKING, status: 'LoggedOut' as const, skillId: null, skillName: null };

    it('BX-1 AV-3 a wrap-up whose Task failed to log is logged at logout, with the disposition the dialer has, once', async () => {
        const rig = await withDispositions();
        const { dialer, gateway, service, clock } = rig;
        await talkedAndEnded(rig);
        gateway.failNext('logAttempt', 'Network');
        expect((await service.saveDisposition('call-1', 'refused', 'will pay Friday')).ok).toBe(false);
        expect(gateway.tasks()).toEqual([]);
        dialer.events.emit('agentState', LOGGED_OUT);
        expect(service.getState().calls).toEqual([]);
        await flush();
        expect(gateway.tasks().map((t) => t.log)).toEqual([
            expect.objectContaining({
                dialerContactId: 'call-1',
                outcome: 'Refused',
                dispositionLabel: 'Refused to pay',
                notes: 'will pay Friday',
                durationSeconds: 63
            })
        ]);
        await pass(clock, 60 * 60_000, { step: 60_000 });
        expect(gateway.callCount('logAttempt')).toBe(2);
        expect(dialer.disposition).toHaveBeenCalledTimes(1);
    });

    it('BX-1 AV-3 a Task that fails again after logout is shown and tried again on the retry plan', async () => {
        const rig = await withDispositions();
        const { dialer, gateway, service, clock } = rig;
        await talkedAndEnded(rig);
        gateway.failNext('logAttempt', 'Network');
        await service.saveDisposition('call-1', 'done', '');
        gateway.failNext('logAttempt', 'Network');
        dialer.events.emit('agentState', LOGGED_OUT);
        await flush();
        expect(gateway.tasks()).toEqual([]);
        expect(errorsOf(service)).toEqual(['disposition:Network', 'logAttempt:Network']);
        await pass(clock, LOG_RETRY_MS[0]! + 1_000, { step: 1_000 });
        expect(gateway.tasks().map((t) => t.log.dispositionLabel)).toEqual(['Completed']);
    });

    it('BX-1 AV-3 an answered call the agent never wrapped up is logged at logout with its outcome and no disposition', async () => {
        const rig = await withDispositions();
        const { dialer, gateway } = rig;
        await talkedAndEnded(rig);
        dialer.events.emit('agentState', LOGGED_OUT);
        await flush();
        expect(gateway.tasks().map((t) => t.log)).toEqual([
            expect.objectContaining({
                dialerContactId: 'call-1',
                dispositionLabel: null,
                notes: '',
                durationSeconds: 63
            })
        ]);
        expect(dialer.disposition).not.toHaveBeenCalled();
    });

    it('BX-1 AV-3 a wrap-up save in flight at logout logs its own Task: one, not two', async () => {
        const rig = await withDispositions();
        const { dialer, gateway, service } = rig;
        await talkedAndEnded(rig);
        const release = holdOnce(dialer.disposition);
        const saving = service.saveDisposition('call-1', 'done', 'paid');
        dialer.events.emit('agentState', LOGGED_OUT);
        await flush();
        expect(gateway.tasks()).toEqual([]);
        release();
        await saving;
        await flush();
        expect(gateway.tasks().map((t) => [t.log.dispositionLabel, t.log.notes])).toEqual([['Completed', 'paid']]);
        expect(gateway.callCount('logAttempt')).toBe(1);
    });

    it('BX-1 AV-3 an unanswered attempt logged when it ended is not logged again at logout', async () => {
        const rig = await withDispositions();
        const { dialer, gateway } = rig;
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer' }));
        await talkedAndEnded(rig, 'call-2');
        expect(gateway.callCount('logAttempt')).toBe(1);
        dialer.events.emit('agentState', LOGGED_OUT);
        await flush();
        expect(gateway.tasks().map((t) => [t.log.dialerContactId, t.log.outcome])).toEqual([
            ['call-1', 'NoAnswer'],
            ['call-2', 'Live']
        ]);
    });

    it('BX-1 of two calls in wrap-up, a failed save shows its error on the call saved, not on the other', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig, 'call-1');
        await talkedAndEnded(rig, 'call-2');
        rig.gateway.failNext('logAttempt', 'Network');
        expect((await rig.service.saveDisposition('call-2', 'done', '')).ok).toBe(false);
        const [first, second] = rig.service.getState().calls;
        expect(first?.wrapUp).toMatchObject({ saved: false, error: null });
        expect(second?.wrapUp).toMatchObject({ saved: false, error: { code: 'Network', source: 'Salesforce' } });
    });

    it('BX-1 a disposition the dialer refuses keeps the wrap-up with its error and sends it again on retry', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        rig.dialer.disposition.mockRejectedValueOnce(new DialerError('Rejected', 'no'));
        const failed = await rig.service.saveDisposition('call-1', 'done', '');
        expect(failed.ok).toBe(false);
        expect(rig.service.getState().calls[0]?.wrapUp).toMatchObject({
            saved: false,
            error: { code: 'Rejected', source: 'Dialer' }
        });
        expect(rig.gateway.tasks()).toEqual([]);
        expect((await rig.service.saveDisposition('call-1', 'done', '')).ok).toBe(true);
        expect(rig.dialer.disposition).toHaveBeenCalledTimes(2);
    });
});

describe('c-pc-service wrap-up: what is refused before anything is sent', () => {
    it('CL-4 a wrap-up for a call not on screen, or not ended, is refused', async () => {
        const rig = await withDispositions();
        const unknown = await rig.service.saveDisposition('nope', 'done', '');
        expect(unknown.ok ? null : unknown.error.code).toBe('NotFound');
        rig.dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const live = await rig.service.saveDisposition('call-1', 'done', '');
        expect(live.ok ? null : live.error.code).toBe('InvalidState');
        expect(rig.dialer.disposition).not.toHaveBeenCalled();
    });

    it('CL-4 a call that ended unanswered has no wrap-up: a disposition for it is refused and nothing is sent', async () => {
        const rig = await withDispositions();
        rig.dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        rig.dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'NoAnswer', endedAt: T0 }));
        await flush();
        expect(rig.service.getState().calls.map((v) => [v.call.status, v.wrapUp])).toEqual([['Ended', null]]);
        const result = await rig.service.saveDisposition('call-1', 'done', 'too late');
        expect(result.ok ? null : result.error.code).toBe('InvalidState');
        expect(rig.dialer.disposition).not.toHaveBeenCalled();
        expect(rig.gateway.tasks().map((t) => [t.log.outcome, t.log.dispositionLabel])).toEqual([['NoAnswer', null]]);
    });

    it('CL-4 of two calls in wrap-up, Save saves the one it names; the other stays in wrap-up', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig, 'call-1');
        await talkedAndEnded(rig, 'call-2');
        expect((await rig.service.saveDisposition('call-2', 'done', 'second call')).ok).toBe(true);
        expect(rig.dialer.disposition.mock.calls).toEqual([['call-2', 'done', 'second call']]);
        expect(rig.gateway.tasks().map((t) => [t.log.dialerContactId, t.log.notes])).toEqual([
            ['call-2', 'second call']
        ]);
        const left = rig.service.getState().calls;
        expect(left.map((v) => [v.call.id, v.wrapUp?.saved])).toEqual([['call-1', false]]);
    });

    it('CL-4 a second Save while the first is on its way sends nothing twice', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        const answer = holdOnce(rig.dialer.disposition);
        const first = rig.service.saveDisposition('call-1', 'done', '');
        expect(rig.service.getState().calls[0]?.pending).toEqual(['disposition']);
        const second = await rig.service.saveDisposition('call-1', 'done', '');
        expect(second.ok ? null : [second.error.code, second.error.command]).toEqual(['InFlight', 'disposition']);
        answer();
        expect((await first).ok).toBe(true);
        expect(rig.dialer.disposition).toHaveBeenCalledTimes(1);
    });

    it('WU-1 a disposition that needs notes is refused with blank notes, and nothing is sent', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        const result = await rig.service.saveDisposition('call-1', 'refused', '   ');
        expect(result.ok ? null : [result.error.code, result.error.detail]).toEqual([
            'Rejected',
            'this disposition needs notes'
        ]);
        expect(rig.dialer.disposition).not.toHaveBeenCalled();
        expect((await rig.service.saveDisposition('call-1', 'refused', 'said no')).ok).toBe(true);
    });

    it('CL-4 an unknown disposition is refused and nothing is sent', async () => {
        const rig = await withDispositions();
        await talkedAndEnded(rig);
        const result = await rig.service.saveDisposition('call-1', 'no-such', '');
        expect(result.ok ? null : result.error.code).toBe('NotFound');
        expect(rig.dialer.disposition).not.toHaveBeenCalled();
    });

    it('CL-4 notes are limited in characters as people count them: at the limit they go, one over is refused', async () => {
        const rig = await withDispositions({ notesMaxLength: 5 });
        await talkedAndEnded(rig);
        const over = await rig.service.saveDisposition('call-1', 'done', '😀😀😀😀😀😀');
        expect(over.ok ? null : [over.error.code, over.error.detail]).toEqual(['Rejected', 'notes over the limit']);
        expect(rig.dialer.disposition).not.toHaveBeenCalled();
        // Five emoji are ten UTF-16 units, but five characters.
        expect((await rig.service.saveDisposition('call-1', 'done', '😀😀😀😀😀')).ok).toBe(true);
    });
});
