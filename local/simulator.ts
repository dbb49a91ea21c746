/**
 * What the local Dialer simulator panel may do to the world behind the console: force outcomes, move the
 * virtual clock, inject faults and change the admin settings. The composition root (main.ts) implements it
 * over the simulated dialer, the virtual clock and the in-memory gateway; the panel knows nothing else.
 */
import type { PreviewTimeoutAction, Settings } from 'c/pcModel';

/** Outcomes the panel can force on the next (or current) dial. */
export type SimOutcome = 'Live' | 'AnsweringMachine' | 'Fax' | 'BadNumber' | 'NoAnswer' | 'Busy';

/** Virtual clock pacing: 0 is paused, otherwise a multiple of real time. */
export type SimSpeed = 0 | 1 | 10 | 60 | 600;

/**
 * The admin settings the local console can change (LC-2: AD-2, CP-2, WU-1); each change restarts the console, which
 * reads them as it reads an org's: through the settings parser, a bad value reported and replaced (AD-3).
 */
export interface LocalSettings {
    readonly lines: 1 | 2 | 3;
    readonly preview: boolean;
    readonly reschedule: boolean;
    readonly screenPops: boolean;
    readonly attemptsHistory: boolean;
    /** The rest, in the model's own form. */
    readonly admin: LocalAdmin;
}

/** The admin settings beyond the AD-2 switches, as the model holds them. */
export type LocalAdmin = Pick<Settings, LocalAdminKey>;

/** Which settings LocalAdmin holds, in the order the panel shows them. */
export const LOCAL_ADMIN_KEYS = [
    'defaultDeliverTo',
    'contactTimeZoneField',
    'contactCountryField',
    'contactStateField',
    'ruleSets',
    'wrapUpLimitSeconds',
    'wrapUpSkillLimits',
    'wrapUpDefaultDisposition',
    'wrapUpAtZero',
    'notesRequiredDispositions'
] as const;
export type LocalAdminKey = (typeof LOCAL_ADMIN_KEYS)[number];

/** A skill or disposition the wrap-up settings name, for the panel's choices. */
export interface NamedId {
    readonly id: string;
    readonly label: string;
}

/** A disposition as the panel offers it; `dialerRequiresNotes`: the dialer itself requires notes for it (WU-1). */
export interface SimDisposition extends NamedId {
    readonly dialerRequiresNotes: boolean;
}

/** What the panel shows. */
export interface SimulatorView {
    readonly now: number;
    /** The agent's IANA time zone, in which the clock is shown. */
    readonly timeZone: string;
    readonly speed: SimSpeed;
    readonly latencyMs: number;
    /** The dialer's preview timeout (BX-6), null for none, and what it does at zero. */
    readonly previewTimeoutSeconds: number | null;
    readonly previewTimeoutAction: PreviewTimeoutAction;
    /** True while the next dialer command is armed to fail. */
    readonly failNext: boolean;
    /** The outcome armed for the next dial, if any. */
    readonly forced: SimOutcome | null;
    /** The last outcome forced onto a dial already in progress (it was used at once, not armed). */
    readonly applied: SimOutcome | null;
    readonly settings: LocalSettings;
    /** When the next scheduled callback is due, if one is. */
    readonly nextCallbackAt: number | null;
    /** The dialer's skills and dispositions, which the wrap-up settings name (WU-1). */
    readonly skills: readonly NamedId[];
    readonly dispositions: readonly SimDisposition[];
    /** The previewed or current contact's numbers, which the panel can put on the Do Not Call list. */
    readonly destinations: readonly NamedId[];
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
    /** Sets the dialer's preview timeout (null for none) and what it does at zero, from the next preview on (BX-6). */
    setPreviewTimeout(seconds: number | null, atZero: PreviewTimeoutAction): void;
    /** Restarts the console with these settings (the service reads settings once, at start). */
    applySettings(settings: LocalSettings): void;
    /** Puts one of the contact's numbers (a destination id) on the dialer's Do Not Call list. */
    markDnc(destinationId: string): void;
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
