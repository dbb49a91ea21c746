// The simulated dialer's rules, one at a time, at their edges: which reason keeps a destination from being dialled
// and until when, what each outcome does to a destination, which destination the cadence picks next, the
// callback book, and how a dial plays out. Mutation testing showed the whole-dialer suites rarely reach an edge.
import { VirtualClock } from 'c/pcVirtualClock';
import type { Callback, Outcome, RescheduleRequest } from 'c/pcModel';
import {
    MAX_AMD,
    addAttempt,
    applyOutcome,
    attemptsHistory,
    callbackDestination,
    destination,
    generateCallingList,
    money,
    nextDial,
    unavailableReason
} from '../callingList';
import type { SimDestination, SimRecord } from '../callingList';
import { CallbackDesk } from '../callbackDesk';
import type { DeskHost, SimCallback } from '../callbackDesk';
import { FORCED_OUTCOMES, drawPlan, isForcedOutcome, ringMs } from '../callPlan';
import { Rng } from '../prng';
import { E164, lexicallyBefore, serial } from '../rules';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 0, 5, 14, 0, 0);

function record(destinations: SimDestination[], changes: Partial<SimRecord> = {}): SimRecord {
    return {
        id: 'rec-1',
        skillId: 'skill-a',
        record: Object.freeze({
            id: 'rec-1',
            firstName: 'Ada',
            lastName: 'Abbott',
            timeZone: 'America/New_York',
            salesforceId: null,
            fields: Object.freeze({})
        }),
        destinations,
        attempts: [],
        answerBias: 1,
        finalized: false,
        cadenceCursor: 0,
        nextEligibleAt: NOW,
        hold: 'queue',
        ...changes
    };
}

const phone = (order: number, changes: Partial<SimDestination> = {}): SimDestination => ({
    ...destination(`d${order}`, 'Phone', `Phone ${order}`, `+1212555000${order}`, order, 5),
    ...changes
});

describe('simulated dialer: why a destination cannot be dialed (SP-3, SP-5)', () => {
    it('SP-3 a ready destination has no reason; each blocking state gives its own reason', () => {
        const cases: [Partial<SimDestination>, string | null][] = [
            [{}, null],
            [{ dnc: true }, 'DNC'],
            [{ active: false }, 'DestinationNotActive'],
            [{ inCadence: false }, 'DestinationNotInCadence'],
            [{ attempts: 5 }, 'Exhausted'],
            [{ attempts: 4 }, null],
            [{ amdCount: MAX_AMD }, 'MaxAnsweringMachineDetections'],
            [{ amdCount: MAX_AMD - 1 }, null],
            [{ stopped: true }, 'LastOutcomeNotActiveForCalling'],
            [{ presentedUntil: NOW + 1 }, 'Presented'],
            [{ presentedUntil: NOW }, null],
            [{ retryAt: NOW + 1 }, 'LastOutcomeNotActiveForCalling'],
            [{ retryAt: NOW }, null]
        ];
        for (const [changes, reason] of cases) {
            const d = phone(1, changes);
            expect([changes, unavailableReason(record([d]), d, NOW)]).toEqual([changes, reason]);
        }
        const d = phone(1);
        expect(unavailableReason(record([d], { finalized: true }), d, NOW)).toBe('Finalized');
    });

    it('SP-3 the permanent reason is named before a passing one, in the order the guide lists them', () => {
        const all = {
            dnc: true,
            active: false,
            inCadence: false,
            attempts: 5,
            amdCount: MAX_AMD,
            stopped: true,
            presentedUntil: NOW + MINUTE,
            retryAt: NOW + MINUTE
        };
        const order = ['DNC', 'DestinationNotActive', 'DestinationNotInCadence', 'Exhausted'];
        const d = phone(1, all);
        expect(unavailableReason(record([d], { finalized: true }), d, NOW)).toBe('Finalized');
        const seen: (string | null)[] = [];
        const cleared: Partial<SimDestination>[] = [
            {},
            { dnc: false },
            { active: true },
            { inCadence: true },
            { attempts: 0 },
            { amdCount: 0 },
            { stopped: false },
            { presentedUntil: null }
        ];
        let state: Partial<SimDestination> = all;
        for (const step of cleared) {
            state = { ...state, ...step };
            const x = phone(1, state);
            seen.push(unavailableReason(record([x]), x, NOW));
        }
        expect(seen).toEqual([
            ...order,
            'MaxAnsweringMachineDetections',
            'LastOutcomeNotActiveForCalling',
            'Presented',
            'LastOutcomeNotActiveForCalling'
        ]);
    });

    it('SP-2 Attempts History gives when a destination held back for a while is available again, and none for good', () => {
        const presented = phone(1, { presentedUntil: NOW + 10 * MINUTE, retryAt: NOW + 5 * MINUTE });
        const retrying = phone(2, { retryAt: NOW + 5 * MINUTE });
        const stopped = phone(3, { stopped: true, retryAt: NOW + 5 * MINUTE });
        const ready = phone(4, { retryAt: NOW - MINUTE });
        const rec = record([presented, retrying, stopped, ready]);
        const h = attemptsHistory(rec, NOW);
        expect(h.recordId).toBe('rec-1');
        expect(h.destinations.map((d) => [d.unavailableReason, d.availableAt])).toEqual([
            ['Presented', NOW + 10 * MINUTE],
            ['LastOutcomeNotActiveForCalling', NOW + 5 * MINUTE],
            ['LastOutcomeNotActiveForCalling', null],
            [null, null]
        ]);
        expect(Object.isFrozen(h.destinations)).toBe(true);
        expect(Object.isFrozen(h.attempts)).toBe(true);
    });

    it('SP-4 attempts are numbered per destination and carry its description', () => {
        const a = phone(1);
        const b = phone(2);
        const rec = record([a, b]);
        addAttempt(rec, a, NOW - 3 * MINUTE, 'NoAnswer');
        addAttempt(rec, b, NOW - 2 * MINUTE, 'Busy');
        addAttempt(rec, a, NOW - MINUTE, 'AnsweringMachine');
        const h = attemptsHistory(rec, NOW);
        expect(h.attempts).toEqual([
            {
                number: 1,
                destinationId: 'd1',
                destinationDescription: 'Phone 1',
                at: NOW - 3 * MINUTE,
                outcome: 'NoAnswer'
            },
            {
                number: 1,
                destinationId: 'd2',
                destinationDescription: 'Phone 2',
                at: NOW - 2 * MINUTE,
                outcome: 'Busy'
            },
            {
                number: 2,
                destinationId: 'd1',
                destinationDescription: 'Phone 1',
                at: NOW - MINUTE,
                outcome: 'AnsweringMachine'
            }
        ]);
        expect(h.destinations.map((d) => [d.attempts, d.lastOutcome])).toEqual([
            [2, 'AnsweringMachine'],
            [1, 'Busy']
        ]);
    });
});

describe('simulated dialer: what an outcome does to a destination (SP-3, SP-5)', () => {
    /** The reason the destination gives `after` ms after the outcome, and just before. */
    function after(
        outcome: Outcome,
        ms: number
    ): [string | null, string | null, { amdCount: number; finalized: boolean }] {
        const d = phone(1);
        const rec = record([d]);
        applyOutcome(rec, d, outcome, NOW);
        expect(d.lastOutcome).toBe(outcome);
        return [
            unavailableReason(rec, d, NOW + ms - 1),
            unavailableReason(rec, d, NOW + ms),
            { amdCount: d.amdCount, finalized: rec.finalized }
        ];
    }

    it('SP-5 a no answer, busy, machine, abandoned or rescheduled number rests for its retry delay, then is ready', () => {
        const wait: [Outcome, number][] = [
            ['NoAnswer', 20 * MINUTE],
            ['Busy', 5 * MINUTE],
            ['AnsweringMachine', 45 * MINUTE],
            ['Abandoned', 30 * MINUTE],
            ['Rescheduled', 24 * 60 * MINUTE]
        ];
        for (const [outcome, ms] of wait) {
            const [before, at] = after(outcome, ms);
            expect([outcome, before, at]).toEqual([outcome, 'LastOutcomeNotActiveForCalling', null]);
        }
        expect(after('AnsweringMachine', 1)[2]).toEqual({ amdCount: 1, finalized: false });
        expect(after('NoAnswer', 1)[2]).toEqual({ amdCount: 0, finalized: false });
    });

    it('SP-5 a requeued record is Presented for half an hour', () => {
        expect(after('Requeued', 30 * MINUTE).slice(0, 2)).toEqual(['Presented', null]);
    });

    it('SP-5 a fax, refusal or wrong number stops the destination for good; a bad number deactivates it; DNC is DNC', () => {
        for (const outcome of ['Fax', 'Refused', 'WrongNumber'] as const)
            expect(after(outcome, 365 * 24 * 60 * MINUTE)[1]).toBe('LastOutcomeNotActiveForCalling');
        expect(after('BadNumber', 1)[1]).toBe('DestinationNotActive');
        expect(after('DoNotCall', 1)[1]).toBe('DNC');
    });

    it('SP-5 a sale, a completed call or one routed to another agent finalizes the record', () => {
        for (const outcome of ['Sale', 'Completed', 'RoutedToAnotherAgent'] as const) {
            const [, reason, state] = after(outcome, 1);
            expect([outcome, reason, state.finalized]).toEqual([outcome, 'Finalized', true]);
        }
    });

    it('SP-5 a live answer awaiting its disposition, or a snooze, leaves the destination ready', () => {
        for (const outcome of ['Live', 'Snoozed'] as const) {
            const [before, at, state] = after(outcome, 1);
            expect([outcome, before, at, state]).toEqual([outcome, null, null, { amdCount: 0, finalized: false }]);
        }
    });
});

describe('simulated dialer: which destination comes next (SP-5)', () => {
    it('SP-5 the cadence takes the destination after the one dialled last, wrapping round', () => {
        const picks = [0, 1, 2, 3].map((cursor) => {
            const rec = record([phone(1), phone(2), phone(3)], { cadenceCursor: cursor });
            const next = nextDial(rec, NOW);
            return typeof next === 'object' && 'dest' in next ? next.dest.cadenceOrder : next;
        });
        expect(picks).toEqual([1, 2, 3, 1]);
    });

    it('SP-5 only a phone destination that may be called now is dialled', () => {
        const sms = { ...destination('s', 'Sms', 'SMS', '+12125550009', 1, 5) };
        const blocked = phone(2, { dnc: true });
        const ready = phone(3);
        const next = nextDial(record([sms, blocked, ready]), NOW);
        expect(next).toEqual({ dest: ready });
    });

    it('SP-5 a record resting between attempts is looked at again when its rest ends', () => {
        const rec = record([phone(1)], { nextEligibleAt: NOW + MINUTE });
        expect(nextDial(rec, NOW)).toEqual({ at: NOW + MINUTE });
        expect(nextDial(rec, NOW + MINUTE)).toEqual({ dest: rec.destinations[0] });
    });

    it('SP-5 with every phone held back for a while, the dialer looks again when the first is free', () => {
        const rec = record([
            phone(1, { presentedUntil: NOW + 10 * MINUTE, retryAt: NOW + 15 * MINUTE }),
            phone(2, { retryAt: NOW + 12 * MINUTE }),
            phone(3, { stopped: true, retryAt: NOW + MINUTE })
        ]);
        expect(nextDial(rec, NOW)).toEqual({ at: NOW + 12 * MINUTE });
        const resting = record([phone(1, { retryAt: NOW + 2 * MINUTE })], { nextEligibleAt: NOW + 5 * MINUTE });
        expect(nextDial(resting, NOW)).toEqual({ at: NOW + 5 * MINUTE });
    });

    it('SP-5 a number presented a moment ago is looked at again when its presentation ends; the earliest held phone wins in any order', () => {
        expect(nextDial(record([phone(1, { presentedUntil: NOW + 10 * MINUTE })]), NOW)).toEqual({
            at: NOW + 10 * MINUTE
        });
        const rec = record([
            phone(1, { retryAt: NOW + 5 * MINUTE }),
            phone(2, { retryAt: NOW + 20 * MINUTE }),
            phone(3, { presentedUntil: NOW + 8 * MINUTE })
        ]);
        expect(nextDial(rec, NOW)).toEqual({ at: NOW + 5 * MINUTE });
    });

    it('SP-5 a finalized record, or one whose phones are all blocked for good, is never dialled', () => {
        expect(nextDial(record([phone(1)], { finalized: true }), NOW)).toBe('never');
        expect(nextDial(record([phone(1, { dnc: true }), phone(2, { attempts: 5 })]), NOW)).toBe('never');
        expect(nextDial(record([]), NOW)).toBe('never');
    });
});

describe('simulated dialer: callbacks (RS-4)', () => {
    it('RS-4 a callback dials the record phone with that number, else one Callback destination, replaced each time', () => {
        const home = phone(1);
        const sms = destination('s', 'Sms', 'SMS', '+12125550777', 4, 5);
        const rec = record([home, sms]);
        expect(callbackDestination(rec, home.value)).toBe(home);
        const first = callbackDestination(rec, '+12125550777');
        expect(first).not.toBe(sms);
        expect([first.id, first.kind, first.description, first.value]).toEqual([
            'rec-1-callback',
            'Phone',
            'Callback',
            '+12125550777'
        ]);
        expect(unavailableReason(rec, first, NOW)).toBeNull();
        const second = callbackDestination(rec, '+12125550888');
        expect(rec.destinations.filter((d) => d.description === 'Callback')).toEqual([second]);
        expect(second.value).toBe('+12125550888');
        expect(rec.destinations).toHaveLength(3);
    });

    interface Desk {
        desk: CallbackDesk;
        clock: VirtualClock;
        here: string[];
        elsewhere: string[];
        dueCount: number;
        canTake: (cb: Callback) => boolean;
        others: boolean;
    }

    function desk(): Desk {
        const clock = new VirtualClock(NOW);
        const state: Desk = {
            desk: undefined as unknown as CallbackDesk,
            clock,
            here: [],
            elsewhere: [],
            dueCount: 0,
            canTake: () => false,
            others: false
        };
        const host: DeskHost = {
            clock,
            agentCanTake: (cb) => state.canTake(cb),
            otherAgentsAvailable: () => state.others,
            deliverHere: (e: SimCallback) => state.here.push(e.callback.notes),
            deliverElsewhere: (e: SimCallback) => state.elsewhere.push(e.callback.notes),
            fellDue: () => {
                state.dueCount += 1;
            }
        };
        state.desk = new CallbackDesk(host);
        return state;
    }

    const request = (notes: string, at: number, deliverTo: 'Me' | 'Skill'): RescheduleRequest => ({
        number: '+12125550123',
        at,
        timeZone: 'America/New_York',
        deliverTo,
        notes
    });

    it('RS-4 a booked callback carries the request, holds its record and falls due at its instant', () => {
        const d = desk();
        const rec = record([phone(1)]);
        const cb = d.desk.book(rec, request('call back', NOW + 10 * MINUTE, 'Me'), 'skill-a');
        expect(cb).toEqual({
            id: 'callback-1',
            recordId: 'rec-1',
            contactName: 'Ada Abbott',
            number: '+12125550123',
            deliverTo: 'Me',
            dueAt: NOW + 10 * MINUTE,
            timeZone: 'America/New_York',
            notes: 'call back',
            skillId: 'skill-a'
        });
        expect(rec.hold).toBe('callback');
        expect(d.desk.book(rec, request('again', NOW + 20 * MINUTE, 'Me'), 'skill-a').id).toBe('callback-2');
        expect(d.desk.nextAt()).toBe(NOW + 10 * MINUTE);
        d.clock.advance(10 * MINUTE - 1);
        expect(d.dueCount).toBe(0);
        d.clock.advance(1);
        expect(d.dueCount).toBe(1);
        // Past its instant it is no longer "next".
        expect(d.desk.nextAt()).toBe(NOW + 20 * MINUTE);
        d.desk.done('callback-2');
        expect(d.desk.nextAt()).toBeNull();
    });

    it('RS-4 the earliest booked callback is next, whatever the booking order', () => {
        const d = desk();
        const rec = record([phone(1)]);
        d.desk.book(rec, request('late', NOW + 30 * MINUTE, 'Me'), 'skill-a');
        d.desk.book(rec, request('early', NOW + 10 * MINUTE, 'Me'), 'skill-a');
        d.desk.book(rec, request('middle', NOW + 20 * MINUTE, 'Me'), 'skill-a');
        expect(d.desk.nextAt()).toBe(NOW + 10 * MINUTE);
    });

    it('RS-4 due callbacks go out in due order: the first this agent can take is delivered to it, one at a time', () => {
        const d = desk();
        const rec = record([phone(1)]);
        d.desk.book(rec, request('first', NOW + MINUTE, 'Me'), 'skill-a');
        d.desk.book(rec, request('second', NOW + 2 * MINUTE, 'Me'), 'skill-a');
        d.clock.advance(3 * MINUTE);
        expect(d.here).toEqual([]);
        expect(d.desk.waiting((cb) => cb.notes === 'second')).toBe(true);
        expect(d.desk.waiting((cb) => cb.notes === 'third')).toBe(false);
        d.canTake = () => true;
        expect(d.desk.dispatch()).toBe(true);
        expect(d.here).toEqual(['first']);
        expect(d.desk.dispatch()).toBe(true);
        expect(d.here).toEqual(['first', 'second']);
        expect(d.desk.dispatch()).toBe(false);
        expect(d.desk.waiting(() => true)).toBe(false);
    });

    it('RS-4 a skill callback this agent cannot take goes to another agent when one is free; one for Me waits', () => {
        const d = desk();
        const rec = record([phone(1)]);
        d.desk.book(rec, request('mine', NOW + MINUTE, 'Me'), 'skill-a');
        d.desk.book(rec, request('skill 1', NOW + 2 * MINUTE, 'Skill'), 'skill-a');
        d.desk.book(rec, request('skill 2', NOW + 3 * MINUTE, 'Skill'), 'skill-a');
        d.clock.advance(5 * MINUTE);
        expect(d.elsewhere).toEqual([]);
        d.others = true;
        expect(d.desk.dispatch()).toBe(false);
        // Both skill callbacks, one after the other in the same pass; the agent's own one still waits.
        expect(d.elsewhere).toEqual(['skill 1', 'skill 2']);
        expect(d.desk.waiting((cb) => cb.notes === 'mine')).toBe(true);
        expect(d.desk.waiting((cb) => cb.deliverTo === 'Skill')).toBe(false);
        d.canTake = (cb) => cb.deliverTo === 'Me';
        expect(d.desk.dispatch()).toBe(true);
        expect(d.here).toEqual(['mine']);
    });
});

describe('simulated dialer: how a dial plays out', () => {
    /** An Rng whose draws are the given numbers, then 0. */
    function draws(...values: number[]): Rng {
        let i = 0;
        return { next: () => values[i++] ?? 0 } as unknown as Rng;
    }

    it('CL-1 the roll decides the outcome: live answers in proportion to how readily the contact answers', () => {
        const outcomeAt = (roll: number, bias = 1) => drawPlan(draws(roll / 100), bias).outcome;
        // With bias 1, 30 % live, then the rest in fixed shares: machine 34 %, no answer 36 %, busy 13 %,
        // bad number 10 %, fax 7 %.
        expect(outcomeAt(0)).toBe('Live');
        expect(outcomeAt(29.99)).toBe('Live');
        expect(outcomeAt(30)).toBe('AnsweringMachine');
        expect(outcomeAt(53.79)).toBe('AnsweringMachine');
        expect(outcomeAt(53.81)).toBe('NoAnswer');
        expect(outcomeAt(78.99)).toBe('NoAnswer');
        expect(outcomeAt(79.01)).toBe('Busy');
        expect(outcomeAt(88.09)).toBe('Busy');
        expect(outcomeAt(88.11)).toBe('BadNumber');
        expect(outcomeAt(95.09)).toBe('BadNumber');
        expect(outcomeAt(95.11)).toBe('Fax');
        expect(outcomeAt(99.99)).toBe('Fax');
        // A contact twice as ready to answer: 60 % live.
        expect(outcomeAt(59.99, 2)).toBe('Live');
        expect(outcomeAt(60.01, 2)).toBe('AnsweringMachine');
    });

    it('CL-1 each step of a dial lasts within its range, and a no answer rings until the dialer gives up', () => {
        const low = drawPlan(draws(0, 0, 0, 0, 0, 0), 1);
        const high = drawPlan(draws(0, 0.99999, 0.99999, 0.99999, 0.99999, 0.99999), 1);
        expect([low.dialMs, low.ringAnswerMs, low.ringNoAnswerMs, low.amdMs, low.talkMs]).toEqual([
            800, 3_000, 24_000, 1_500, 60_000
        ]);
        expect([high.dialMs, high.ringAnswerMs, high.ringNoAnswerMs, high.amdMs, high.talkMs]).toEqual([
            2_499, 14_999, 29_999, 3_499, 419_996
        ]);
        expect(ringMs({ ...low, outcome: 'NoAnswer' })).toBe(24_000);
        expect(ringMs({ ...low, outcome: 'Live' })).toBe(3_000);
        expect(ringMs({ ...low, outcome: 'Busy' })).toBe(3_000);
    });

    it('AM-1 the simulator panel can force exactly the six dial outcomes', () => {
        expect(FORCED_OUTCOMES).toEqual(['Live', 'AnsweringMachine', 'Fax', 'BadNumber', 'NoAnswer', 'Busy']);
        for (const o of FORCED_OUTCOMES) expect(isForcedOutcome(o)).toBe(true);
        for (const v of ['live', 'Sale', '', null, 3, ['Live']]) expect(isForcedOutcome(v)).toBe(false);
    });
});

describe('simulated dialer: small rules', () => {
    it('RS-2 a callback or transfer number must be E.164: a plus, no leading zero, 7 to 15 digits', () => {
        for (const ok of ['+1234567', '+123456789012345', '+442079460000']) expect(E164.test(ok)).toBe(true);
        for (const bad of ['+123456', '+1234567890123456', '+0234567', '1234567', '+1234567 ', ' +1234567', '+12a4567'])
            expect(E164.test(bad)).toBe(false);
    });

    it('CL-5 the call most likely answered next is chosen key by key; equal keys rank neither first', () => {
        expect(lexicallyBefore([1, 2], [1, 3])).toBe(true);
        expect(lexicallyBefore([1, 3], [1, 2])).toBe(false);
        expect(lexicallyBefore([0, 9], [1, 0])).toBe(true);
        expect(lexicallyBefore([1, 2], [1, 2])).toBe(false);
    });

    it('PV-6 an id the dialer issued reads back as its number (closed, not unknown); any other id as none', () => {
        expect(serial('call-12', 'call-')).toBe(12);
        expect(serial('preview-3', 'preview-')).toBe(3);
        expect(serial('x-call-12', 'call-')).toBeNaN();
        expect(serial('call-x', 'call-')).toBeNaN();
    });
});

describe('simulated dialer: the generated list (SP-2)', () => {
    it('SP-2 records go to the skills in exactly their shares', () => {
        const list = generateCallingList(new Rng(5), 40, NOW, ['a', 'b', 'c'], [0.25, 0.5, 0.25]);
        const count = (s: string) => list.filter((r) => r.skillId === s).length;
        expect([count('a'), count('b'), count('c')]).toEqual([10, 20, 10]);
        expect(list.slice(0, 5).map((r) => r.skillId)).toEqual(['a', 'a', 'a', 'a', 'a']);
        expect(list[0]!.id).toBe('rec-0001');
        expect(list[39]!.id).toBe('rec-0040');
    });

    it('SP-2 balances read as money in the zone currency, with grouped thousands and two decimals', () => {
        const rng = { int: () => 1_234_567 } as unknown as Rng;
        expect(money(rng, '$')).toBe('$12,345.67');
        expect(money({ int: () => 5 } as unknown as Rng, '€')).toBe('€0.05');
        expect(money({ int: () => 100_000 } as unknown as Rng, '£')).toBe('£1,000.00');
    });

    it('SP-2 earlier attempts lie before the list starts, oldest first', () => {
        const list = generateCallingList(new Rng(8), 20, NOW, ['a'], [1]);
        for (const r of list) {
            const at = r.attempts.map((a) => a.at);
            expect(at.every((t) => t < NOW)).toBe(true);
            expect(at).toEqual([...at].sort((x, y) => x - y));
        }
    });
});
