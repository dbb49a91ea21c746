// The contact book at its edges: which contacts are lines of the agent's set, how a preview closes (timed out,
// withdrawn, the agent's action), which outcome an ended call carries, how lines are given out and kept, mute,
// and what a follower tab seeds and a session end clears. Mutation testing showed the adapter suites leave these
// open.
import { ContactBook } from '../contacts';
import type { BookContext, Emission } from '../contacts';
import type { ContactEvent } from '../protocol';
import { contactEvent } from '../../../../../../test/cxone/contactEvents';
import type { MachineOverride } from 'c/pcModel';
import type { PreviewClosedReason } from 'c/pcDialerPort';

const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);

interface Ctx extends BookContext {
    clock: number;
    overrides: Map<string, MachineOverride>;
    reasons: Map<string, PreviewClosedReason>;
}

function context(): Ctx {
    const ctx: Ctx = {
        clock: T0,
        overrides: new Map(),
        reasons: new Map(),
        actionsFor: (skillId) => (skillId === '501' ? ['Accept', 'Requeue'] : ['Accept']),
        overrideFor: (id) => ctx.overrides.get(id),
        closeReasonFor: (id) => ctx.reasons.get(id),
        now: () => ctx.clock
    };
    return ctx;
}

let tick = 0;
/** A contact event, each one a second after the one before unless `at` says otherwise. */
function contact(fields: Record<string, unknown>, at?: number): ContactEvent {
    tick += 1;
    return contactEvent({
        ScreenPopUrlVariables: { FirstName: 'Ada', LastName: 'Abbott' },
        LastStateChangeTimeUTC: new Date(at ?? T0 + tick * 1000).toISOString(),
        ...fields
    });
}

const types = (out: Emission[]) => out.map((e) => e.type);

function lastCall(out: Emission[]) {
    const updates = out.filter((e) => e.type === 'callUpdated');
    const last = updates[updates.length - 1];
    if (!last || last.type !== 'callUpdated') throw new Error(`no call update in ${types(out).join(',')}`);
    return last.event;
}

/** The outcome an ended call carries after the given events. */
function endedOutcome(ctx: Ctx, ...events: Record<string, unknown>[]): string | null {
    const book = new ContactBook();
    for (const e of events) book.apply(contact(e), ctx);
    return book.call('1')?.outcome ?? null;
}

describe('c/pcCxoneAdapter contact book, edges', () => {
    beforeEach(() => {
        tick = 0;
    });

    it('CL-1 consult, agent-leg, reskill and conference legs are not lines of the agent set', () => {
        const book = new ContactBook();
        const ctx = context();
        for (const callType of ['Consult', 'AGENTLEG', 'ReskillProxy', 'conference'])
            expect(book.apply(contact({ ContactID: callType, Status: 'Active', CallType: callType }), ctx)).toEqual([]);
        expect(types(book.apply(contact({ Status: 'Active', CallType: 'Outbound' }), ctx))).toEqual(['callUpdated']);
        expect(book.calls()).toHaveLength(1);
    });

    it('BX-5 two different events in the same millisecond both count; the same event twice counts once', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ Status: 'NaturalCallDialing' }, T0), ctx);
        expect(lastCall(book.apply(contact({ Status: 'NaturalCallRinging' }, T0), ctx)).status).toBe('Ringing');
        expect(book.apply(contact({ Status: 'NaturalCallRinging' }, T0), ctx)).toEqual([]);
        // The linked flag alone makes a new event.
        expect(
            lastCall(book.apply(contact({ Status: 'NaturalCallRinging', IsLinked: true }, T0), ctx)).mostLikely
        ).toBe(true);
    });

    it('CL-1 a call that changes nothing the agent sees is not announced again', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ Status: 'Active' }), ctx);
        // A newer event with the same status (e.g. after masking) is no news.
        expect(book.apply(contact({ Status: 'Active', IsLinked: false, FinalState: false, Timeout: 3 }), ctx)).toEqual(
            []
        );
        expect(types(book.apply(contact({ Status: 'Holding' }), ctx))).toEqual(['callUpdated']);
        expect(types(book.apply(contact({ Status: 'Active', DNIS: '+13125550999' }), ctx))).toEqual(['callUpdated']);
    });

    it('PV-1 a preview is offered once, with its record, number, skill actions, and a countdown where one is set', () => {
        const book = new ContactBook();
        const ctx = context();
        const offered = book.apply(
            contact({
                Status: 'Incoming',
                ComplianceRecord: true,
                Timeout: 30,
                ScreenPopUrlVariables: { Attempts: 2 }
            }),
            ctx
        );
        expect(offered).toEqual([
            {
                type: 'previewOffered',
                event: {
                    id: '1',
                    skillId: '501',
                    record: {
                        id: 'rec-1',
                        firstName: '',
                        lastName: '',
                        timeZone: null,
                        salesforceId: null,
                        fields: {}
                    },
                    destinationId: 'rec-1:phone',
                    number: '+13125550100',
                    attemptsSoFar: 2,
                    actions: ['Accept', 'Requeue'],
                    offeredAt: T0 + 1000,
                    // A compliance record is requeued at zero, never dialled.
                    timeout: { expiresAt: T0 + 31_000, atZero: 'Requeue' }
                }
            }
        ]);
        expect(book.apply(contact({ Status: 'Incoming', ComplianceRecord: true, Timeout: 30 }), ctx)).toEqual([]);
        expect(book.preview()?.id).toBe('1');
        expect(book.openPreview('1')?.id).toBe('1');
        expect(book.openPreview('2')).toBeNull();
        for (const timeout of [0, -5, undefined]) {
            const b = new ContactBook();
            const [e] = b.apply(contact({ Status: 'Incoming', IsRequireManualAccept: true, Timeout: timeout }), ctx);
            expect(e?.type === 'previewOffered' && e.event.timeout).toBeNull();
        }
    });

    it('BX-6 a preview the dialer ends: timed out once its countdown has run, else withdrawn, unless the agent acted', () => {
        const ctx = context();
        const close = (timeout: number | undefined, nowOffset: number, reason?: PreviewClosedReason) => {
            const book = new ContactBook();
            book.apply(contact({ Status: 'Incoming', IsRequireManualAccept: true, Timeout: timeout }, T0), ctx);
            ctx.clock = T0 + nowOffset;
            if (reason) ctx.reasons.set('1', reason);
            else ctx.reasons.clear();
            const out = book.apply(contact({ Status: 'Disconnected' }, T0 + 1), ctx);
            expect(book.preview()).toBeNull();
            // The contact is gone for good: later events change nothing.
            expect(book.apply(contact({ Status: 'Active' }, T0 + 2), ctx)).toEqual([]);
            return out;
        };
        expect(close(30, 30_000)).toEqual([{ type: 'previewClosed', event: { previewId: '1', reason: 'TimedOut' } }]);
        expect(close(30, 29_999)).toEqual([{ type: 'previewClosed', event: { previewId: '1', reason: 'Withdrawn' } }]);
        expect(close(undefined, 99_000)).toEqual([
            { type: 'previewClosed', event: { previewId: '1', reason: 'Withdrawn' } }
        ]);
        expect(close(30, 40_000, 'Snoozed')).toEqual([
            { type: 'previewClosed', event: { previewId: '1', reason: 'Snoozed' } }
        ]);
    });

    it('PV-3 a preview the agent requeued is closed once; its contact ending later shows nothing', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ Status: 'Incoming', IsRequireManualAccept: true }), ctx);
        expect(book.closePreview('1', 'Requeued')).toEqual([
            { type: 'previewClosed', event: { previewId: '1', reason: 'Requeued' } }
        ]);
        expect(book.closePreview('1', 'Requeued')).toEqual([]);
        expect(book.closePreview('nope', 'Requeued')).toEqual([]);
        expect(book.previewById('1')?.id).toBe('1');
        expect(book.apply(contact({ Status: 'Disconnected' }), ctx)).toEqual([]);
        expect(book.calls()).toEqual([]);
    });

    it('PV-2 a preview accepted by command stays known until its call starts, then becomes that call', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ Status: 'Incoming', IsRequireManualAccept: true }), ctx);
        expect(types(book.closePreview('1', 'Accepted'))).toEqual(['previewClosed']);
        expect(book.preview()).toBeNull();
        const out = book.apply(contact({ Status: 'NaturalCallDialing' }), ctx);
        expect(types(out)).toEqual(['callUpdated']);
        expect(lastCall(out)).toMatchObject({ id: '1', status: 'Dialing', direction: 'Outbound', line: 1 });
    });

    it('PV-2 an accepted preview that ends before it was ever dialled leaves nothing behind', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ Status: 'Incoming', IsRequireManualAccept: true }), ctx);
        book.closePreview('1', 'Accepted');
        expect(book.apply(contact({ Status: 'Disconnected' }), ctx)).toEqual([]);
        expect(book.apply(contact({ Status: 'Active' }), ctx)).toEqual([]);
    });

    it('CL-1 a contact that ends before it was ever seen live is nothing to show', () => {
        const book = new ContactBook();
        const ctx = context();
        expect(book.apply(contact({ Status: 'CallBackDisconnected' }), ctx)).toEqual([]);
        expect(book.apply(contact({ Status: 'Active' }), ctx)).toEqual([]);
        expect(book.call('1')).toBeNull();
    });

    it('CL-1 statuses: Dialing and Joined map; masking keeps the status the call had (Active when first seen)', () => {
        const book = new ContactBook();
        const ctx = context();
        expect(lastCall(book.apply(contact({ Status: 'Dialing' }), ctx)).status).toBe('Dialing');
        expect(book.apply(contact({ Status: 'Masking' }), ctx)).toEqual([]);
        expect(book.call('1')?.status).toBe('Dialing');
        expect(lastCall(book.apply(contact({ Status: 'Joined' }), ctx)).status).toBe('Active');
        expect(lastCall(book.apply(contact({ ContactID: '2', Status: 'Masking' }), ctx)).status).toBe('Active');
        const ended = lastCall(book.apply(contact({ Status: 'CallBackDisconnected' }), ctx));
        expect(ended.status).toBe('Ended');
    });

    it('CL-4 an ended call carries what the dialer recorded, else the agent override, else answered or not', () => {
        const ctx = context();
        expect(endedOutcome(ctx, { Status: 'Active' }, { Status: 'Disconnected', DisconnectCode: ' 102 ' })).toBe(
            'Refused'
        );
        expect(endedOutcome(ctx, { Status: 'Active' }, { Status: 'Disconnected', DisconnectCode: 'Sale' })).toBe(
            'Sale'
        );
        expect(endedOutcome(ctx, { Status: 'Active' }, { Status: 'Disconnected', DisconnectCode: '2' })).toBe(
            'Completed'
        );
        expect(endedOutcome(ctx, { Status: 'Active' }, { Status: 'Disconnected', DisconnectCode: 'whatever' })).toBe(
            'Completed'
        );
        expect(endedOutcome(ctx, { Status: 'NaturalCallRinging' }, { Status: 'Disconnected' })).toBe('NoAnswer');
        ctx.overrides.set('1', 'Fax');
        expect(endedOutcome(ctx, { Status: 'NaturalCallAMD' }, { Status: 'Disconnected' })).toBe('Fax');
        // The dialer's own word comes before the override.
        expect(endedOutcome(ctx, { Status: 'NaturalCallAMD' }, { Status: 'Disconnected', DisconnectCode: '1' })).toBe(
            'AnsweringMachine'
        );
        // A second end event keeps the first outcome.
        expect(
            endedOutcome(
                ctx,
                { Status: 'Active' },
                { Status: 'Disconnected', DisconnectCode: 'Sale' },
                { Status: 'Disconnected', DisconnectCode: 'Refused', FinalState: false, IsLinked: true }
            )
        ).toBe('Sale');
    });

    it('CL-3 every routed code removes the call and names the contact; an ordinary end stays until final', () => {
        const ctx = context();
        for (const code of ['routed', 'RoutedToAnotherAgent', 'Hopped']) {
            const book = new ContactBook();
            book.apply(contact({ Status: 'NaturalCallRinging' }), ctx);
            const out = book.apply(contact({ Status: 'Disconnected', DisconnectCode: code }), ctx);
            expect(out).toEqual([
                { type: 'callRouted', event: { callId: '1', contactName: 'Ada Abbott' } },
                { type: 'callRemoved', event: { callId: '1' } }
            ]);
            expect(book.calls()).toEqual([]);
        }
        const book = new ContactBook();
        book.apply(contact({ Status: 'Active', ScreenPopUrlVariables: { FirstName: 'Bo' } }), ctx);
        const ended = book.apply(contact({ Status: 'Disconnected' }), ctx);
        expect(types(ended)).toEqual(['callUpdated']);
        expect(book.calls()).toHaveLength(1);
        expect(types(book.apply(contact({ Status: 'Disconnected', FinalState: true }), ctx))).toEqual(['callRemoved']);
        expect(book.calls()).toEqual([]);
        const routedUnnamed = new ContactBook();
        routedUnnamed.apply(
            contact({ ContactID: '7', Status: 'Active', ScreenPopUrlVariables: { FirstName: 'Bo' } }),
            ctx
        );
        const [routed] = routedUnnamed.apply(
            contact({ ContactID: '7', Status: 'Disconnected', DisconnectCode: 'Routed' }),
            ctx
        );
        expect(routed).toEqual({ type: 'callRouted', event: { callId: '7', contactName: 'Bo' } });
    });

    it('CL-1 a call keeps its line, start, answer and end times, skill and number across events', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ Status: 'NaturalCallDialing', StartTimeUTC: new Date(T0).toISOString() }, T0 + 1000), ctx);
        const ringing = lastCall(book.apply(contact({ Status: 'NaturalCallRinging', Skill: '' }, T0 + 2000), ctx));
        expect(ringing).toMatchObject({ skillId: '501', startedAt: T0, statusSince: T0 + 2000, answeredAt: null });
        const active = lastCall(book.apply(contact({ Status: 'Active', DNIS: '' }, T0 + 3000), ctx));
        expect(active).toMatchObject({ number: '+13125550100', answeredAt: T0 + 3000, statusSince: T0 + 3000 });
        const linked = lastCall(book.apply(contact({ Status: 'Active', IsLinked: true }, T0 + 4000), ctx));
        expect(linked).toMatchObject({ statusSince: T0 + 3000, mostLikely: true });
        const held = lastCall(book.apply(contact({ Status: 'Holding' }, T0 + 5000), ctx));
        expect(held).toMatchObject({ answeredAt: T0 + 3000, statusSince: T0 + 5000, endedAt: null, outcome: null });
        const ended = lastCall(book.apply(contact({ Status: 'Disconnected', IsLinked: true }, T0 + 6000), ctx));
        expect(ended).toMatchObject({ endedAt: T0 + 6000, mostLikely: false, outcome: 'Completed', line: 1 });
        // A later end event (the dialer's final word) is no news, and keeps the first end time.
        expect(
            book.apply(contact({ Status: 'Disconnected', IsLinked: false, DisconnectCode: '0' }, T0 + 7000), ctx)
        ).toEqual([]);
        expect(book.call('1')?.endedAt).toBe(T0 + 6000);
    });

    it('RS-4 an inbound, incoming or personal-queue contact is a callback; any other an outbound call', () => {
        const ctx = context();
        const direction = (fields: Record<string, unknown>) =>
            lastCall(new ContactBook().apply(contact({ Status: 'Active', ...fields }), ctx)).direction;
        expect(direction({ IsInbound: true })).toBe('Callback');
        expect(direction({ Status: 'Incoming' })).toBe('Callback');
        expect(direction({ CallType: 'PersonalQueue' })).toBe('Callback');
        expect(direction({ CallType: 'Outbound' })).toBe('Outbound');
        expect(direction({})).toBe('Outbound');
    });

    it('CL-1 lines are given out lowest free first, a freed line is reused, and calls list by line', () => {
        const book = new ContactBook(2);
        const ctx = context();
        const line = (id: string) =>
            lastCall(book.apply(contact({ ContactID: id, Status: 'NaturalCallDialing' }), ctx)).line;
        expect([line('a'), line('b')]).toEqual([1, 2]);
        // More contacts than lines (a rejoin replaying state): numbered after the last.
        expect(line('c')).toBe(3);
        book.apply(contact({ ContactID: 'a', Status: 'Disconnected', FinalState: true }), ctx);
        expect(line('d')).toBe(1);
        expect(book.calls().map((c) => [c.id, c.line])).toEqual([
            ['d', 1],
            ['b', 2],
            ['c', 3]
        ]);
        expect(new ContactBook().calls()).toEqual([]);
    });

    it('CL-1 a line freed within the lines the agent has is given out again, even with more contacts than lines', () => {
        const book = new ContactBook(3);
        const ctx = context();
        const line = (id: string) =>
            lastCall(book.apply(contact({ ContactID: id, Status: 'NaturalCallDialing' }), ctx)).line;
        expect([line('a'), line('b'), line('c'), line('d')]).toEqual([1, 2, 3, 4]);
        book.apply(contact({ ContactID: 'c', Status: 'Disconnected', FinalState: true }), ctx);
        expect(line('e')).toBe(3);
    });

    it('CL-4 mute applies to the call in talk (or the one named), never to a dialling or ended call, and only once', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ ContactID: 'talk', Status: 'Active' }), ctx);
        book.apply(contact({ ContactID: 'held', Status: 'Holding' }), ctx);
        book.apply(contact({ ContactID: 'dial', Status: 'NaturalCallDialing' }), ctx);
        book.apply(contact({ ContactID: 'done', Status: 'Active' }), ctx);
        book.apply(contact({ ContactID: 'done', Status: 'Disconnected' }), ctx);
        const muted = book.setMuted(true);
        expect(muted.map((e) => e.type === 'callUpdated' && [e.event.id, e.event.muted])).toEqual([
            ['talk', true],
            ['held', true]
        ]);
        expect(book.setMuted(true)).toEqual([]);
        const named = book.setMuted(true, 'dial');
        expect(named.map((e) => e.type === 'callUpdated' && e.event.id)).toEqual(['dial']);
        expect(book.setMuted(true, 'done')).toEqual([]);
        expect(book.setMuted(false, 'talk').map((e) => e.type === 'callUpdated' && e.event.muted)).toEqual([false]);
        // A call that ends is no longer muted; one that goes on stays muted.
        expect(lastCall(book.apply(contact({ ContactID: 'held', Status: 'Active' }), ctx)).muted).toBe(true);
        expect(lastCall(book.apply(contact({ ContactID: 'held', Status: 'Disconnected' }), ctx)).muted).toBe(false);
    });

    it('BX-2 a tab taking over seeds the calls and the open preview it mirrored, and older events are ignored', () => {
        const ctx = context();
        const source = new ContactBook();
        source.apply(contact({ ContactID: 'c', Status: 'Active', IsLinked: true }, T0 + 5000), ctx);
        source.apply(contact({ ContactID: 'p', Status: 'Incoming', IsRequireManualAccept: true }, T0 + 6000), ctx);
        const book = new ContactBook();
        book.seed(source.calls(), source.preview());
        expect(book.calls()).toEqual(source.calls());
        expect(book.preview()).toEqual(source.preview());
        expect(book.apply(contact({ ContactID: 'c', Status: 'NaturalCallRinging' }, T0 + 4000), ctx)).toEqual([]);
        expect(
            book.apply(contact({ ContactID: 'p', Status: 'Incoming', IsRequireManualAccept: true }, T0 + 6000), ctx)
        ).toEqual([]);
        // The next line goes after the seeded one.
        expect(lastCall(book.apply(contact({ ContactID: 'n', Status: 'NaturalCallDialing' }), ctx)).line).toBe(2);
        // A preview already known is not replaced by the seed.
        const again = new ContactBook();
        again.apply(contact({ ContactID: 'p', Status: 'Incoming', ComplianceRecord: true, Timeout: 9 }, T0), ctx);
        const before = again.preview();
        again.seed([], source.preview());
        expect(again.preview()).toBe(before);
    });

    it('BX-5 a session end withdraws the open preview and removes every call, then forgets them', () => {
        const book = new ContactBook();
        const ctx = context();
        book.apply(contact({ ContactID: 'c', Status: 'Active' }), ctx);
        book.apply(contact({ ContactID: 'gone', Status: 'Active' }), ctx);
        book.apply(contact({ ContactID: 'gone', Status: 'Disconnected', FinalState: true }), ctx);
        book.apply(contact({ ContactID: 'p', Status: 'Incoming', IsRequireManualAccept: true }), ctx);
        expect(book.clear()).toEqual([
            { type: 'callRemoved', event: { callId: 'c' } },
            { type: 'previewClosed', event: { previewId: 'p', reason: 'Withdrawn' } }
        ]);
        expect(book.clear()).toEqual([]);
        expect([book.calls(), book.preview(), book.call('c'), book.previewById('p')]).toEqual([[], null, null, null]);
        // Forgotten: the same contact at an older time is new again.
        expect(types(book.apply(contact({ ContactID: 'c', Status: 'Active' }, T0), ctx))).toEqual(['callUpdated']);
    });
});
