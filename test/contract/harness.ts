/**
 * What the adapter contract suite needs of each dialer under test: the adapter itself, and a driver
 * that makes the dialer behind it act (the simulated dialer's control surface, or the scripted fake
 * CXone server). The suite is written once against this and runs against every adapter.
 */
import type { DialerAdapter } from 'c/pcDialerPort';

/** Outcomes a test can force on the next (or current) dial. */
export type ForcedOutcome = 'Live' | 'AnsweringMachine' | 'Fax' | 'BadNumber' | 'NoAnswer' | 'Busy';

export interface ContractDriver {
    /** Dialing mode of the skill: preview records first, or dial straight away. */
    setPreviewMode(on: boolean): Promise<void>;
    /** How many calls the dialer may place at once for the agent (1-3). */
    setLines(lines: number): Promise<void>;
    /** The outcome of the next dial, or of the current one if a call is in progress. */
    forceNextOutcome(outcome: ForcedOutcome): Promise<void>;
    /** Lets dialer time pass (virtual for the simulator, scripted steps for the fake) and delivers the events. */
    advance(ms: number): Promise<void>;
    /** The next command the dialer receives fails once. */
    failNextCommand(): Promise<void>;
}

export interface ContractHarness {
    readonly adapter: DialerAdapter;
    /**
     * The adapter is a second console tab mirroring the tab that drives the dialer: it reports Mirroring
     * rather than Connected, and sees ids and states but no contact data (no phone numbers).
     */
    readonly mirror?: boolean;
    readonly driver: ContractDriver;
    /** Stops servers, timers and the adapter. */
    dispose(): Promise<void>;
}

/** Builds a fresh harness per test. */
export type HarnessFactory = () => Promise<ContractHarness>;
