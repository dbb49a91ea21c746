// What the dialer's call events put on screen, at their edges (CL-1 .. CL-3, SP-1, SP-4, UB-7, RS-4, WU-2):
// which call the screen pop follows, what the lines limit lets through, routed notices, removed calls, callback
// notes and the marquee. Scripted dialer: every event is emitted by the test.
/* eslint-disable no-await-in-loop -- each status gets a fresh service, one after another */
import { ENDED_LINGER_MS, MARQUEE_MS, ROUTED_NOTICE_MS } from 'c/pcService';
import type { AgentMessage, Callback } from 'c/pcModel';
import { flush, pass } from 'test-support/time';
import { call, HISTORY, PREVIEW, RECORD, started, T0 } from 'test-support/scriptedService';

const OTHER = { ...RECORD, id: 'rec-2', salesforceId: null, firstName: 'Grace', lastName: 'Hopper' };

function callback(overrides: Partial<Callback> = {}): Callback {
    return {
        id: 'cb-1',
        recordId: 'rec-1',
        contactName: 'Ada Lovelace',
        number: '+13125550100',
        deliverTo: 'Me',
        dueAt: T0,
        timeZone: 'America/Chicago',
        notes: 'wants the morning',
        skillId: 'pc-1',
        ...overrides
    };
}

function message(overrides: Partial<AgentMessage> = {}): AgentMessage {
    return { id: 'm-1', kind: 'Callback', at: T0, text: 'Callback due', number: '+13125550100', ...overrides };
}

describe('c-pc-service which call the screen pop follows', () => {
    it('CL-2 a call reaching AMD pops its contact; the same call again loads nothing twice', async () => {
        const { dialer, gateway, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        expect(service.getState().screenPop).toBeNull();
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        expect(service.getState().screenPop?.forId).toBe('call-1');
        await flush();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().screenPop?.forId).toBe('call-1');
        expect(gateway.callCount('findContact')).toBe(1);
    });

    it('CL-2 an AMD on another line does not take the pop of a contact the agent is talking to, or holding', async () => {
        for (const status of ['Active', 'Held'] as const) {
            const { dialer, service } = await started();
            // A held call popped when it was answered.
            dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
            dialer.events.emit('callUpdated', call({ status, answeredAt: T0 }));
            dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'AMD', record: OTHER }));
            expect([status, service.getState().screenPop?.forId]).toEqual([status, 'call-1']);
        }
    });

    it('CL-2 an AMD on another line does not take the pop of a contact still in wrap-up', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1000 }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'AMD', record: OTHER }));
        expect(service.getState().screenPop?.forId).toBe('call-1');
    });

    it('CL-2 a later AMD takes the pop from an earlier machine-answered call nobody is talking to', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'AMD', record: OTHER }));
        expect(service.getState().screenPop?.forId).toBe('call-2');
        expect(service.getState().screenPop?.record.id).toBe('rec-2');
    });

    it('SP-1 a contact answering on another line takes the pop', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0, record: OTHER })
        );
        expect(service.getState().screenPop?.forId).toBe('call-2');
    });

    it('SP-1 an unanswered call that ends closes its own pop, not another call`s', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'AnsweringMachine' }));
        expect(service.getState().screenPop).toBeNull();

        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ id: 'call-3', line: 3, status: 'Ringing', record: OTHER }));
        dialer.events.emit('callUpdated', call({ id: 'call-3', line: 3, status: 'Ended', record: OTHER }));
        expect(service.getState().screenPop?.forId).toBe('call-2');
    });
});

describe('c-pc-service lines (CL-1)', () => {
    it('CL-1 a call on a line outside 1..N is refused once, and its later updates are dropped quietly', async () => {
        const { dialer, service } = await started({ linesPerAgent: 2 });
        dialer.events.emit('callUpdated', call({ id: 'zero', line: 0 }));
        dialer.events.emit('callUpdated', call({ id: 'three', line: 3 }));
        dialer.events.emit('callUpdated', call({ id: 'three', line: 3, status: 'Ringing' }));
        expect(service.getState().calls).toEqual([]);
        expect(service.getState().errors.map((e) => [e.code, e.detail])).toEqual([
            ['Protocol', 'call beyond the 2-line limit ignored'],
            ['Protocol', 'call beyond the 2-line limit ignored']
        ]);
        dialer.events.emit('callUpdated', call({ id: 'two', line: 2 }));
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['two']);
    });

    it('CL-1 a call in wrap-up does not hold a line: a new call may ring beside it', async () => {
        const { dialer, service } = await started({ linesPerAgent: 1 });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1000 }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Dialing', record: OTHER }));
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1', 'call-2']);
        expect(service.getState().errors).toEqual([]);
    });

    it('CL-1 a refused call the dialer has removed is forgotten: its id may come back as a new call', async () => {
        const { dialer, service } = await started({ linesPerAgent: 1 });
        dialer.events.emit('callUpdated', call());
        dialer.events.emit('callUpdated', call({ id: 'call-2' }));
        dialer.events.emit('callRemoved', { callId: 'call-2' });
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        dialer.events.emit('callUpdated', call({ id: 'call-2' }));
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-2']);
    });

    it('CL-1 a call first heard of as already ended is not shown, and is no error', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ended', endedAt: T0 }));
        expect(service.getState().calls).toEqual([]);
        expect(service.getState().errors).toEqual([]);
        expect(service.getState().scoreboard?.callsHandled).toBe(0);
    });

    it('WU-2 a call is counted once when it ends, however many updates follow', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        expect(service.getState().scoreboard?.callsHandled).toBe(0);
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 30_000 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 30_000 }));
        expect(service.getState().scoreboard).toMatchObject({ callsHandled: 1, liveConnects: 1, talkMs: 30_000 });
    });
});

describe('c-pc-service routed and removed calls (CL-3)', () => {
    it('CL-3 a call routed to another agent leaves the lines and shows a brief notice with the contact`s name', async () => {
        const { clock, dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callRouted', { callId: 'call-1', contactName: 'Ada Lovelace' });
        const state = service.getState();
        expect(state.calls).toEqual([]);
        expect(state.screenPop).toBeNull();
        expect(state.routed).toEqual([{ callId: 'call-1', contactName: 'Ada Lovelace', until: T0 + ROUTED_NOTICE_MS }]);
        await pass(clock, ROUTED_NOTICE_MS - 100, { step: 100 });
        expect(service.getState().routed).toHaveLength(1);
        await pass(clock, 200, { step: 100 });
        expect(service.getState().routed).toEqual([]);
    });

    it('CL-3 each routed notice goes at its own time, and a routed call leaves another call`s pop alone', async () => {
        const { clock, dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callRouted', { callId: 'gone-1', contactName: 'One' });
        await pass(clock, 2_000, { step: 500 });
        dialer.events.emit('callRouted', { callId: 'gone-2', contactName: 'Two' });
        expect(service.getState().screenPop?.forId).toBe('call-1');
        await pass(clock, 2_500, { step: 500 });
        expect(service.getState().routed.map((r) => r.contactName)).toEqual(['Two']);
        await pass(clock, 2_000, { step: 500 });
        expect(service.getState().routed).toEqual([]);
    });

    it('CL-4 the dialer removing a call with an unsaved wrap-up keeps the wrap-up; removing a live one takes it and its pop', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1000 }));
        dialer.events.emit('callRemoved', { callId: 'call-1' });
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1']);

        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        expect(service.getState().screenPop?.forId).toBe('call-2');
        dialer.events.emit('callRemoved', { callId: 'call-2' });
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1']);
        expect(service.getState().screenPop).toBeNull();
    });

    it('CL-4 removing a call not on screen changes nothing', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call());
        const before = service.getState();
        dialer.events.emit('callRemoved', { callId: 'nope' });
        expect(service.getState()).toBe(before);
    });
});

describe('c-pc-service callback notes and the marquee (RS-4, UB-7, AG-1)', () => {
    it('UB-7 a due callback`s notes show on its message and on its call', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callbackDue', callback());
        dialer.events.emit('agentMessage', message());
        expect(service.getState().messages[0]?.notes).toBe('wants the morning');
        dialer.events.emit('callUpdated', call({ direction: 'Callback' }));
        expect(service.getState().calls[0]?.callbackNotes).toBe('wants the morning');
    });

    it('UB-7 RS-4 a callback keeps its notes on its card through every status the dialer reports, to wrap-up', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callbackDue', callback());
        dialer.events.emit('agentMessage', message());
        dialer.events.emit('callUpdated', call({ direction: 'Callback', status: 'Ringing' }));
        const seen: Array<string | undefined> = [];
        for (const status of ['Active', 'Held', 'Active', 'Ended'] as const) {
            dialer.events.emit(
                'callUpdated',
                call({ direction: 'Callback', status, answeredAt: T0, endedAt: status === 'Ended' ? T0 : null })
            );
            seen.push(service.getState().calls[0]?.callbackNotes);
        }
        expect(seen).toEqual(Array(4).fill('wants the morning'));
    });

    it('UB-7 notes are shown only on callbacks of that number, and a message`s own notes win', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callbackDue', callback());
        dialer.events.emit('callUpdated', call({ direction: 'Outbound' }));
        expect(service.getState().calls[0]?.callbackNotes).toBeUndefined();
        dialer.events.emit('agentMessage', message({ id: 'm-2', number: '+13125550111' }));
        expect(service.getState().messages[0]?.notes).toBeUndefined();
        dialer.events.emit('agentMessage', message({ id: 'm-3', kind: 'Routed', text: 'routed' }));
        expect(service.getState().messages[0]?.notes).toBeUndefined();
        dialer.events.emit('agentMessage', message({ id: 'm-4', notes: 'its own' }));
        expect(service.getState().messages[0]?.notes).toBe('its own');
    });

    it('UB-7 a callback due again with blank notes drops the earlier notes; one that is not well formed is ignored', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callbackDue', callback());
        dialer.events.emit('callbackDue', { ...callback(), notes: 42 } as unknown as Callback);
        dialer.events.emit('agentMessage', message());
        expect(service.getState().messages[0]?.notes).toBe('wants the morning');
        dialer.events.emit('callbackDue', callback({ notes: '   ' }));
        dialer.events.emit('agentMessage', message({ id: 'm-2' }));
        expect(service.getState().messages[0]?.notes).toBeUndefined();
    });

    it('RS-4 a callback message runs in the marquee for five seconds; a newer one is not cut short by the older', async () => {
        const { clock, dialer, service } = await started();
        dialer.events.emit('agentMessage', message({ kind: 'Routed', id: 'r-1' }));
        expect(service.getState().marquee).toBeNull();
        dialer.events.emit('agentMessage', message());
        expect(service.getState().marquee?.id).toBe('m-1');
        await pass(clock, 3_000, { step: 500 });
        dialer.events.emit('agentMessage', message({ id: 'm-2' }));
        await pass(clock, 2_500, { step: 500 });
        expect(service.getState().marquee?.id).toBe('m-2');
        await pass(clock, MARQUEE_MS - 2_000, { step: 500 });
        expect(service.getState().marquee).toBeNull();
        expect(service.getState().messages.map((m) => m.id)).toEqual(['m-2', 'm-1', 'r-1']);
    });

    it('AG-1 dismissing the marquee hides it and keeps the message; with none showing it changes nothing', async () => {
        const { dialer, service } = await started();
        const before = service.getState();
        service.dismissMarquee();
        expect(service.getState()).toBe(before);
        dialer.events.emit('agentMessage', message());
        service.dismissMarquee();
        expect(service.getState().marquee).toBeNull();
        expect(service.getState().messages).toHaveLength(1);
    });
});

describe('c-pc-service Attempts History as the dialer updates it (SP-4, SP-5)', () => {
    it('SP-4 an update for the popped record shows in the pop; one for another record does not', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        const updated = { ...HISTORY, attempts: [] as typeof HISTORY.attempts, destinations: [] };
        dialer.events.emit('attemptsUpdated', { ...updated, recordId: 'rec-2' });
        expect(service.getState().screenPop?.attemptsHistory).toEqual(HISTORY);
        dialer.events.emit('attemptsUpdated', updated);
        expect(service.getState().screenPop?.attemptsHistory).toEqual(updated);
    });

    it('SP-4 where the admin turned Attempts History off, an update is not shown', async () => {
        const { dialer, service } = await started({ attemptsHistoryEnabled: false });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        const before = service.getState();
        dialer.events.emit('attemptsUpdated', HISTORY);
        expect(service.getState()).toBe(before);
        expect(before.screenPop?.attemptsHistory).toBeNull();
    });

    it('SP-5 an update for another record leaves the preview`s actions as they are', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('previewOffered', PREVIEW);
        await flush();
        const dnc = {
            ...HISTORY,
            recordId: 'rec-2',
            destinations: [{ ...HISTORY.destinations[0]!, unavailableReason: 'DNC' as const }]
        };
        dialer.events.emit('attemptsUpdated', dnc);
        expect(service.getState().preview?.actions).toContain('Accept');
    });
});

describe('c-pc-service calls at their edges (CL-1, SP-1, WU-1)', () => {
    it('CL-1 with every line busy a further call, even on a line within 1..N, is refused and named', async () => {
        const { dialer, service } = await started({ linesPerAgent: 3 });
        for (const line of [1, 2, 3]) dialer.events.emit('callUpdated', call({ id: `call-${line}`, line }));
        dialer.events.emit('callUpdated', call({ id: 'call-4', line: 3, status: 'Ringing' }));
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1', 'call-2', 'call-3']);
        expect(service.getState().errors.map((e) => [e.code, e.detail])).toEqual([
            ['Protocol', 'call beyond the 3-line limit ignored']
        ]);
    });

    it('WU-1 a call the dialer reports answered and ended in one update still gets its wrap-up', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0 + 1000, endedAt: T0 + 5000 }));
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ saved: false, error: null });
    });

    it('SP-1 an unanswered call ending beside one in wrap-up is logged, and leaves without taking the other`s pop', async () => {
        const { dialer, gateway, service, clock } = await started();
        const logged = jest.spyOn(gateway, 'logAttempt');
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 + 1000 }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Ringing', record: OTHER }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', line: 2, status: 'Ended', record: OTHER, outcome: 'NoAnswer' })
        );
        await flush();
        expect(logged.mock.calls.map(([log]) => log.dialerContactId)).toEqual(['call-2']);
        await pass(clock, ENDED_LINGER_MS + 100);
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1']);
        expect(service.getState().screenPop?.forId).toBe('call-1');
    });
});
