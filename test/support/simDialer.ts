/** The simulated dialer's suites (pcSimDialer/__tests__): send a command while virtual time passes, work a shift. */
import { SimulatedDialer } from 'c/pcSimDialer';
import type { SimulatedDialerOptions } from 'c/pcSimDialer';
import type { Call } from 'c/pcModel';
import { EventRecorder } from './recorders';
import { flush, reach } from './time';

/** Monday 2026-01-05 14:00 UTC, 09:00 in New York. */
export const START = Date.UTC(2026, 0, 5, 14, 0, 0);

/** Sends a command, lets the dialer's latency pass, and returns its result. */
export async function send<T>(dialer: SimulatedDialer, command: Promise<T>, ms = 200): Promise<T> {
    dialer.control.advance(ms);
    await flush();
    return command;
}

/** Every event of the dialer, stamped with the dialer's own clock. */
export function recordEvents(dialer: SimulatedDialer): EventRecorder {
    return new EventRecorder(dialer, () => dialer.control.clock.now());
}

/** A connected dialer with the agent Working on PC Collections. */
export async function working(
    options: Partial<SimulatedDialerOptions> = {},
    skillId = 'skill-collections'
): Promise<{ dialer: SimulatedDialer; events: EventRecorder }> {
    const dialer = new SimulatedDialer({ seed: 11, startAt: START, ...options });
    const events = recordEvents(dialer);
    await send(dialer, dialer.connect());
    await send(dialer, dialer.loginToSkill(skillId));
    return { dialer, events };
}

/** The first call in the dialer's set matching `match`, once there is one. */
export function callWhere(dialer: SimulatedDialer, match: (c: Call) => boolean, maxMs?: number): Promise<Call> {
    return reach(dialer.control, () => dialer.control.calls().find(match), { maxMs: maxMs ?? 120_000 });
}

/**
 * Works a shift as an agent would: every live call is talked for `talkMs`, ended and given a
 * disposition. Returns how many calls were placed.
 */
export async function workShift(
    dialer: SimulatedDialer,
    hours: number,
    talkMs = 60_000,
    stepMs = 1_000
): Promise<{ calls: number; live: number }> {
    const seen = new Set<string>();
    let calls = 0;
    let live = 0;
    const off = dialer.on('callUpdated', (c) => {
        if (!seen.has(c.id) && c.status === 'Dialing') calls += 1;
        if (c.status === 'Active' && c.answeredAt === c.statusSince) live += 1;
        seen.add(c.id);
    });
    const offRemoved = dialer.on('callRemoved', (r) => seen.delete(r.callId));
    const offRouted = dialer.on('callRouted', (r) => seen.delete(r.callId));
    const end = dialer.control.clock.now() + hours * 3_600_000;
    while (dialer.control.clock.now() < end) {
        dialer.control.advance(stepMs);
        await flush();
        for (const call of dialer.control.calls()) {
            if (
                (call.status === 'Active' || call.status === 'Held') &&
                dialer.control.clock.now() - call.answeredAt! >= talkMs
            ) {
                dialer.endCall(call.id).catch(() => undefined);
            } else if (call.status === 'Ended') {
                const disposition = call.direction === 'Callback' ? 'disp-completed' : 'disp-call-back';
                dialer.disposition(call.id, disposition, 'worked').catch(() => undefined);
            }
        }
    }
    off();
    offRemoved();
    offRouted();
    return { calls, live };
}
