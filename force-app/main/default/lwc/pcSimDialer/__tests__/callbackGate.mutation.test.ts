// A due callback the console's calling rules hold (CP-1, RS-4), through the dialer port: held, it rings at the
// instant the rules name and not before; held for good, it never rings. No other suite sets a gate.
import type { CallbackVerdict } from 'c/pcDialerPort';
import type { Callback, Preview, RescheduleRequest } from 'c/pcModel';
import type { SimulatedDialer } from 'c/pcSimDialer';
import { pass, reach } from 'test-support/time';
import type { EventRecorder } from 'test-support/recorders';
import { send, working } from 'test-support/simDialer';

const MINUTE = 60_000;

async function offered(dialer: SimulatedDialer): Promise<Preview> {
    return reach(dialer.control, () => dialer.control.preview());
}

/** Reschedules the first preview for 30 minutes from now, to this agent; returns the callback. */
async function booked(): Promise<{ dialer: SimulatedDialer; events: EventRecorder; callback: Callback }> {
    const { dialer, events } = await working({ preview: true });
    const preview = await offered(dialer);
    const request: RescheduleRequest = {
        number: preview.number,
        deliverTo: 'Me',
        at: dialer.control.clock.now() + 30 * MINUTE,
        timeZone: 'America/Chicago',
        notes: ''
    };
    const callback = await send(dialer, dialer.reschedulePreview(preview.id, request));
    return { dialer, events, callback };
}

/** Virtual time moves a minute a step, letting the dialer's promises run between. */
const BY_MINUTE = { step: MINUTE, turns: 1 };

describe('c-pc-sim-dialer callback held by the calling rules', () => {
    it('CP-1 RS-4 a callback held until a later instant rings at that instant, not before, and only once', async () => {
        const { dialer, events, callback } = await booked();
        const verdicts: CallbackVerdict[] = [{ deliver: false, notBefore: callback.dueAt + 20 * MINUTE }];
        const asked: number[] = [];
        dialer.setCallbackGate((cb) => {
            asked.push(dialer.control.clock.now());
            expect(cb.id).toBe(callback.id);
            return verdicts.shift() ?? { deliver: true };
        });
        expect(dialer.control.advanceToNextCallback()).toBe(callback.dueAt);
        expect(events.of('callbackDue')).toEqual([]);
        expect(events.of('agentMessage').at(-1)!.text).toMatch(/held by the calling rules/);
        expect(dialer.control.nextCallbackAt()).toBe(callback.dueAt);
        await pass(dialer.control, 20 * MINUTE - 1, BY_MINUTE);
        expect(events.of('callbackDue')).toEqual([]);
        await pass(dialer.control, 1, BY_MINUTE);
        expect(events.of('callbackDue')).toEqual([callback]);
        expect(asked).toEqual([callback.dueAt, callback.dueAt + 20 * MINUTE]);
        expect(dialer.control.calls().filter((c) => c.direction === 'Callback')).toHaveLength(1);
    });

    it('CP-1 RS-4 a callback held until an instant already past rings at once', async () => {
        const { dialer, events, callback } = await booked();
        const verdicts: CallbackVerdict[] = [{ deliver: false, notBefore: callback.dueAt - 10 * MINUTE }];
        dialer.setCallbackGate(() => verdicts.shift() ?? { deliver: true });
        dialer.control.advanceToNextCallback();
        expect(events.of('callbackDue')).toEqual([callback]);
        expect(dialer.control.clock.now()).toBe(callback.dueAt);
    });

    it('CP-1 RS-4 a callback the rules refuse for good never rings and is no longer booked', async () => {
        const { dialer, events } = await booked();
        dialer.setCallbackGate(() => ({ deliver: false, notBefore: null }));
        dialer.control.advanceToNextCallback();
        await pass(dialer.control, 3 * 60 * MINUTE, BY_MINUTE);
        expect(events.of('callbackDue')).toEqual([]);
        expect(dialer.control.nextCallbackAt()).toBeNull();
    });
});
