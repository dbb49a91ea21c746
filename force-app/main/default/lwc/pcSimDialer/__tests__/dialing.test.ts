import type { Call } from 'c/pcModel';
import type { ForcedOutcome } from 'c/pcSimDialer';
import { reach } from 'test-support/time';
import type { EventRecorder } from 'test-support/recorders';
import { callWhere, send, working, workShift } from 'test-support/simDialer';

/** The statuses one call went through, from the events. */
function statuses(events: EventRecorder, callId: string): string[] {
    const out: string[] = [];
    for (const c of events.of('callUpdated')) {
        if (c.id === callId && out.at(-1) !== c.status) out.push(c.status);
    }
    return out;
}

describe('c-pc-sim-dialer dialing', () => {
    const paths: ReadonlyArray<[ForcedOutcome, string[]]> = [
        ['Live', ['Dialing', 'Ringing', 'AMD', 'Active']],
        ['AnsweringMachine', ['Dialing', 'Ringing', 'AMD', 'Ended']],
        ['Fax', ['Dialing', 'Ringing', 'AMD', 'Ended']],
        ['NoAnswer', ['Dialing', 'Ringing', 'Ended']],
        ['BadNumber', ['Dialing', 'Ended']],
        ['Busy', ['Dialing', 'Ended']]
    ];
    for (const [outcome, expected] of paths) {
        it(`CL-1 AM-2 a ${outcome} dial goes ${expected.join(' -> ')} and records its outcome`, async () => {
            const { dialer, events } = await working({ preview: false });
            dialer.control.forceNextOutcome(outcome);
            const first = await callWhere(dialer, () => true);
            await reach(dialer.control, () => events.of('attemptsUpdated').some((h) => h.recordId === first.record.id));
            expect(statuses(events, first.id)).toEqual(expected);
            const last = events
                .of('callUpdated')
                .filter((c) => c.id === first.id)
                .at(-1)!;
            // A live call stays for the agent; every other outcome closes the call at once (AM-2).
            expect(last.outcome).toBe(outcome === 'Live' ? null : outcome);
            expect(events.of('callRemoved').some((r) => r.callId === first.id)).toBe(outcome !== 'Live');
            const history = events
                .of('attemptsUpdated')
                .filter((h) => h.recordId === first.record.id)
                .at(-1)!;
            expect(history.attempts.at(-1)).toMatchObject({ destinationId: first.destinationId, outcome });
        });
    }

    it('CL-1 answered calls wait for machine detection: AMD comes after Ringing, and the steps take seconds', async () => {
        const { dialer, events } = await working({ preview: false });
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        const steps = events.of('callUpdated').filter((c) => c.id === active.id);
        const since = (s: string): number => steps.find((c) => c.status === s)!.statusSince;
        expect(since('Ringing') - since('Dialing')).toBeGreaterThanOrEqual(800);
        expect(since('AMD') - since('Ringing')).toBeGreaterThanOrEqual(3_000);
        expect(since('Active') - since('AMD')).toBeGreaterThanOrEqual(1_500);
        expect(active.answeredAt).toBe(since('Active'));
    });

    for (const lines of [1, 2, 3]) {
        it(`CL-1 on ${lines} line(s) the dialer fills exactly ${lines} line(s) and never more`, async () => {
            const { dialer, events } = await working({ preview: false, lines });
            for (let i = 0; i < 12; i++) dialer.control.forceNextOutcome('NoAnswer');
            let peak = 0;
            const set = new Set<string>();
            dialer.on('callUpdated', (c) => {
                set.add(c.id);
                peak = Math.max(peak, set.size);
            });
            dialer.on('callRemoved', (r) => set.delete(r.callId));
            await workShift(dialer, 0.05, 10_000);
            expect(peak).toBe(lines);
            const used = new Set(events.of('callUpdated').map((c) => c.line));
            expect([...used].sort()).toEqual(Array.from({ length: lines }, (_, i) => i + 1));
        });
    }

    it('CL-1 setLines changes the pacing from the next placement, and rejects out of range', async () => {
        const { dialer } = await working({ preview: false, lines: 1 });
        expect(() => dialer.control.setLines(0)).toThrow(RangeError);
        expect(() => dialer.control.setLines(4)).toThrow(RangeError);
        for (let i = 0; i < 6; i++) dialer.control.forceNextOutcome('NoAnswer');
        dialer.control.setLines(3);
        await reach(dialer.control, () => dialer.control.calls().length === 3);
        expect(dialer.control.view().lines).toBe(3);
    });

    it('CL-3 a second live answer while the agent is on a call is routed to another agent and removed', async () => {
        const { dialer, events } = await working({ preview: false, lines: 2 });
        dialer.control.forceNextOutcome('Live');
        dialer.control.forceNextOutcome('Live');
        const routed = await reach(dialer.control, () => events.last('callRouted'));
        const active = dialer.control.calls().find((c) => c.status === 'Active')!;
        expect(active).toBeDefined();
        expect(routed.callId).not.toBe(active.id);
        expect(routed.contactName).not.toBe('');
        expect(events.of('callRemoved').map((r) => r.callId)).toContain(routed.callId);
        expect(dialer.control.calls().map((c) => c.id)).not.toContain(routed.callId);
        const history = events
            .of('attemptsUpdated')
            .filter((h) => h.attempts.at(-1)!.outcome === 'RoutedToAnotherAgent');
        expect(history).toHaveLength(1);
    });

    it('CL-3 with no other agent free, the extra answer is abandoned instead', async () => {
        const { dialer, events } = await working({ preview: false, lines: 2, otherAgentsAvailable: false });
        dialer.control.forceNextOutcome('Live');
        dialer.control.forceNextOutcome('Live');
        const abandoned = await reach(dialer.control, () =>
            events.of('callUpdated').find((c) => c.outcome === 'Abandoned')
        );
        expect(abandoned.status).toBe('Ended');
        expect(events.of('callRouted')).toHaveLength(0);
        expect(events.of('callRemoved').map((r) => r.callId)).toContain(abandoned.id);
    });

    it('CL-5 exactly one unanswered call is most likely, and it is the one the agent gets next', async () => {
        const { dialer, events } = await working({ preview: false, lines: 3, seed: 99 });
        const latest = new Map<string, Call>();
        let checked = 0;
        const violations: string[] = [];
        dialer.on('callUpdated', (c) => {
            const before = latest.get(c.id);
            if (c.status === 'Active' && before && before.status === 'AMD') {
                if (!before.mostLikely) violations.push(`${c.id} became Active without being most likely`);
                checked += 1;
            }
            latest.set(c.id, c);
            const likely = [...latest.values()].filter(
                (x) => x.mostLikely && ['Dialing', 'Ringing', 'AMD'].includes(x.status)
            );
            if (likely.length > 1) violations.push(`${likely.length} calls most likely at once`);
        });
        dialer.on('callRemoved', (r) => latest.delete(r.callId));
        dialer.on('callRouted', (r) => latest.delete(r.callId));
        await workShift(dialer, 1, 20_000);
        expect(violations).toEqual([]);
        expect(checked).toBeGreaterThan(10);
        // Whenever calls are dialling, one of them carries the flag.
        const pending = dialer.control.calls().filter((c) => ['Dialing', 'Ringing', 'AMD'].includes(c.status));
        expect(pending.length === 0 || pending.filter((c) => c.mostLikely).length === 1).toBe(true);
        expect(events.of('callUpdated').some((c) => c.mostLikely)).toBe(true);
    });

    it('CL-5 when the live call ends, the next call delivered is the most likely one', async () => {
        const { dialer, events } = await working({ preview: false, lines: 3 });
        dialer.control.forceNextOutcome('Live');
        const first = await callWhere(dialer, (c) => c.status === 'Active');
        await send(dialer, dialer.endCall(first.id));
        await send(dialer, dialer.disposition(first.id, 'disp-refused', ''));
        // A fresh set is dialled; the agent's next call is the one flagged most likely beforehand.
        for (let i = 0; i < 3; i++) dialer.control.forceNextOutcome(i === 1 ? 'Live' : 'NoAnswer');
        const mark = events.all.length;
        const next = await callWhere(dialer, (c) => c.status === 'Active' && c.id !== first.id);
        const updates = events.all
            .slice(mark)
            .filter((e) => e.type === 'callUpdated')
            .map((e) => e.payload as Call);
        const answeredAt = updates.findIndex((c) => c.id === next.id && c.status === 'Active');
        const flagged = updates
            .slice(0, answeredAt)
            .filter((c) => c.mostLikely)
            .at(-1);
        expect(flagged?.id).toBe(next.id);
    });

    it('AM-1 AM-3 override is accepted only while Dialing, Ringing or AMD', async () => {
        expect.assertions(4);
        const { dialer } = await working({ preview: false });
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        await expect(send(dialer, dialer.overrideMachine(active.id, 'Fax'))).rejects.toMatchObject({
            code: 'InvalidState'
        });
        await send(dialer, dialer.endCall(active.id));
        await expect(send(dialer, dialer.overrideMachine(active.id, 'Fax'))).rejects.toMatchObject({
            code: 'InvalidState'
        });
        await expect(send(dialer, dialer.overrideMachine('call-999', 'Fax'))).rejects.toMatchObject({
            code: 'NotFound'
        });
        await expect(send(dialer, dialer.overrideMachine(active.id, 'Modem' as never))).rejects.toMatchObject({
            code: 'Rejected'
        });
    });

    it('AM-1 an override the capabilities do not offer rejects with Unsupported', async () => {
        expect.assertions(1);
        const { dialer } = await working({ preview: false, capabilities: { machineOverrides: ['AnsweringMachine'] } });
        dialer.control.forceNextOutcome('NoAnswer');
        const call = await callWhere(dialer, (c) => c.status === 'Ringing');
        await expect(send(dialer, dialer.overrideMachine(call.id, 'Fax'))).rejects.toMatchObject({
            code: 'Unsupported'
        });
    });

    it('AM-2 forceNextOutcome applies to the current undecided dial first', async () => {
        const { dialer } = await working({ preview: false });
        const call = await callWhere(dialer, (c) => c.status === 'Dialing');
        dialer.control.forceNextOutcome('Fax');
        expect(dialer.control.view().forced).toBeNull();
        const ended = await reach(dialer.control, () => dialer.control.calls().length === 0 || null);
        expect(ended).toBe(true);
        const history = dialer.control.attemptsHistory(call.record.id)!;
        expect(history.attempts.at(-1)!.outcome).toBe('Fax');
    });

    it('CL-4 transfer ends the call for wrap-up; bad targets reject', async () => {
        expect.assertions(4);
        const { dialer } = await working({ preview: false });
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        await expect(send(dialer, dialer.transfer(active.id, { kind: 'Number', value: '555' }))).rejects.toMatchObject({
            code: 'Rejected'
        });
        await expect(send(dialer, dialer.transfer(active.id, { kind: 'Skill', value: 'nope' }))).rejects.toMatchObject({
            code: 'NotFound'
        });
        await send(dialer, dialer.transfer(active.id, { kind: 'Skill', value: 'skill-inbound' }));
        expect(dialer.control.calls()[0]!.status).toBe('Ended');
        await send(dialer, dialer.disposition(active.id, 'disp-completed', ''));
        expect(dialer.control.calls()).toHaveLength(0);
    });

    it('CL-4 a disposition that needs notes, or is unknown, rejects and the call stays for wrap-up', async () => {
        expect.assertions(3);
        const { dialer } = await working({ preview: false });
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        await send(dialer, dialer.endCall(active.id));
        await expect(send(dialer, dialer.disposition(active.id, 'disp-dnc', ' '))).rejects.toMatchObject({
            code: 'Rejected'
        });
        await expect(send(dialer, dialer.disposition(active.id, 'disp-nope', ''))).rejects.toMatchObject({
            code: 'NotFound'
        });
        expect(dialer.control.calls()).toHaveLength(1);
    });

    it('CL-4 the contact hangs up after talking a while, leaving the call for wrap-up', async () => {
        const { dialer } = await working({ preview: false });
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        const ended = await callWhere(dialer, (c) => c.id === active.id && c.status === 'Ended', 600_000);
        expect(ended.outcome).toBe('Live');
        expect(ended.endedAt! - ended.answeredAt!).toBeGreaterThanOrEqual(60_000);
    });
});
