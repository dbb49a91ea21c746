/**
 * What the local Dialer simulator panel may do to the world behind the console: force outcomes, move the
 * virtual clock, inject faults and change the admin settings. The composition root (main.ts) implements it
 * over the simulated dialer, the virtual clock and the in-memory gateway; the panel knows nothing else.
 */

/** Outcomes the panel can force on the next (or current) dial. */
export type SimOutcome = 'Live' | 'AnsweringMachine' | 'Fax' | 'BadNumber' | 'NoAnswer' | 'Busy';

/** Virtual clock pacing: 0 is paused, otherwise a multiple of real time. */
export type SimSpeed = 0 | 1 | 10 | 60 | 600;

/** The admin settings of AD-2 the local console can change (each change restarts the console). */
export interface LocalSettings {
    readonly lines: 1 | 2 | 3;
    readonly preview: boolean;
    readonly reschedule: boolean;
    readonly screenPops: boolean;
    readonly attemptsHistory: boolean;
}

/** What the panel shows. */
export interface SimulatorView {
    readonly now: number;
    /** The agent's IANA time zone, in which the clock is shown. */
    readonly timeZone: string;
    readonly speed: SimSpeed;
    readonly latencyMs: number;
    /** True while the next dialer command is armed to fail. */
    readonly failNext: boolean;
    /** The outcome armed for the next dial, if any. */
    readonly forced: SimOutcome | null;
    /** The last outcome forced onto a dial already in progress (it was used at once, not armed). */
    readonly applied: SimOutcome | null;
    readonly settings: LocalSettings;
    /** When the next scheduled callback is due, if one is. */
    readonly nextCallbackAt: number | null;
}

/** The panel's handle on the simulated world. */
export interface SimulatorDriver {
    view(): SimulatorView;
    /** Calls listener whenever the view may have changed; returns the unsubscribe. */
    subscribe(listener: () => void): () => void;
    forceOutcome(outcome: SimOutcome): void;
    advance(ms: number): void;
    advanceToNextCallback(): void;
    setSpeed(speed: SimSpeed): void;
    failNextCommand(): void;
    setLatency(ms: number): void;
    /** Restarts the console with these settings (the service reads settings once, at start). */
    applySettings(settings: LocalSettings): void;
}

/** The outcomes in the panel's order, with the names its buttons carry. */
export const SIM_OUTCOMES: ReadonlyArray<{ readonly value: SimOutcome; readonly label: string }> = [
    { value: 'Live', label: 'Live answer' },
    { value: 'AnsweringMachine', label: 'Answering machine' },
    { value: 'Fax', label: 'Fax' },
    { value: 'BadNumber', label: 'Bad number' },
    { value: 'NoAnswer', label: 'No answer' },
    { value: 'Busy', label: 'Busy' }
];

/** The speeds in the panel's order. */
export const SIM_SPEEDS: ReadonlyArray<{ readonly value: SimSpeed; readonly label: string }> = [
    { value: 0, label: 'Paused' },
    { value: 1, label: '1x' },
    { value: 10, label: '10x' },
    { value: 60, label: '60x' },
    // An 8-hour shift in under a minute: what the shift benchmark runs at.
    { value: 600, label: '600x' }
];
