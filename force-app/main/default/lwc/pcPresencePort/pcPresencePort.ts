/**
 * The PresencePort: what the console service needs of Omni-Channel to keep the agent's presence in step with the
 * dialer (WU-5). Implemented over the Omni-Channel toolkit in an org (c/pcOmniToolkit, through the Aura wrapper
 * that hosts the console) and by an in-memory Omni-Channel in the local console and tests. Statuses are named by
 * their developer (API) name, as the admin's mapping names them; ids stay inside the org adapter.
 */
import type { ErrorCode, Unsubscribe } from 'c/pcModel';

/** An Omni-Channel presence status as the agent has it. */
export interface PresenceStatus {
    /** The ServicePresenceStatus developer name. */
    readonly apiName: string;
    /** The status's label, for logs and the local panel. */
    readonly label: string;
}

/** Why Omni-Channel presence changed, so the service can tell the agent's own change from an echo. */
export const PresenceChangeCause = {
    /** The agent (or a supervisor, or a timeout) changed it in Omni-Channel. */
    Omni: 'Omni',
    /** A toolkit call changed it: this console's own change coming back. */
    Toolkit: 'Toolkit'
} as const;
export type PresenceChangeCause = (typeof PresenceChangeCause)[keyof typeof PresenceChangeCause];

/** One presence change: the new status, or null once the agent is logged out of Omni-Channel. */
export interface PresenceChange {
    readonly status: PresenceStatus | null;
    readonly cause: PresenceChangeCause;
}

/** The port. Every command resolves when Omni-Channel confirmed it, or rejects with a PresenceError. */
export interface PresencePort {
    /** A short name for logs ("omni-toolkit", "omni-memory"). */
    readonly name: string;
    /** The agent's status now; null when logged out of Omni-Channel. */
    getStatus(): Promise<PresenceStatus | null>;
    /** Sets the status with this developer name (logging the agent in to Omni-Channel if needed). */
    setStatus(apiName: string): Promise<PresenceStatus>;
    /** Logs the agent out of Omni-Channel. */
    logout(): Promise<void>;
    /** Calls the listener on every presence change; returns the unsubscribe. */
    onChange(listener: (change: PresenceChange) => void): Unsubscribe;
}

/** A typed Omni-Channel failure; `message` is technical and carries no PII. */
export class PresenceError extends Error {
    readonly code: ErrorCode;

    constructor(code: ErrorCode, message: string) {
        super(message);
        this.name = 'PresenceError';
        this.code = code;
    }
}
