import { createElement } from 'lwc';
import SimulatorPanel from './lwc/local/simulatorPanel/simulatorPanel';
import { VirtualClock } from 'c/pcVirtualClock';
import type { LocalSettings, SimOutcome, SimSpeed, SimulatorDriver, SimulatorView } from './simulator';

const clock = new VirtualClock();
let speed: SimSpeed = 0;
let forced: SimOutcome | null = null;
let settings: LocalSettings = { lines: 1, preview: true, reschedule: true, screenPops: true, attemptsHistory: true };
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());
clock.onAdvance(notify);
const driver: SimulatorDriver = {
    view: (): SimulatorView => ({
        now: clock.now(),
        timeZone: 'America/New_York',
        speed,
        latencyMs: 0,
        failNext: false,
        forced,
        settings,
        nextCallbackAt: null
    }),
    subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
    },
    forceOutcome: (o) => {
        forced = o;
        notify();
    },
    advance: (ms) => clock.advance(ms),
    advanceToNextCallback: () => undefined,
    setSpeed: (s) => {
        speed = s;
        clock.setSpeed(s);
        notify();
    },
    failNextCommand: () => undefined,
    setLatency: () => undefined,
    applySettings: (s) => {
        settings = s;
        notify();
    }
};
const panel = createElement('local-simulator-panel', { is: SimulatorPanel });
Object.assign(panel, { driver });
(window as unknown as { __pcLocal: { ready: boolean } }).__pcLocal = { ready: true };
document.getElementById('simulator')!.appendChild(panel);
