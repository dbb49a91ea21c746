/**
 * What the local Omni-Channel panel may do (WU-5): show the agent's Omni-Channel status in the in-memory
 * Omni-Channel, change it as the agent would in Omni-Channel's utility, fail the next toolkit call, and choose who
 * leads presence (a settings change: the console starts again, as the service reads settings once).
 */
import type { PresenceMode } from 'c/pcModel';
import { isPresenceMode, PresenceMode as Modes } from 'c/pcModel';

/** What the panel shows. */
export interface OmniPanelView {
    /** The status's API name, or null when logged out of Omni-Channel. */
    readonly status: string | null;
    readonly statusLabel: string;
    readonly statuses: readonly { readonly apiName: string; readonly label: string }[];
    readonly mode: PresenceMode;
    readonly failNext: boolean;
}

/** The panel's handle on the in-memory Omni-Channel of the current console. */
export interface OmniPanelDriver {
    view(): OmniPanelView;
    /** Calls listener whenever the view may have changed; returns the unsubscribe. */
    subscribe(listener: () => void): () => void;
    /** The agent picks a status in Omni-Channel (null: logs out of Omni-Channel). */
    agentSets(apiName: string | null): void;
    failNext(): void;
    setMode(mode: PresenceMode): void;
}

/** The modes in the panel's order, with the names its options carry. */
export const PRESENCE_MODES: ReadonlyArray<{ readonly value: PresenceMode; readonly label: string }> = [
    { value: Modes.DialerLeads, label: 'The dialer leads' },
    { value: Modes.SalesforceLeads, label: 'Salesforce leads' },
    { value: Modes.Both, label: 'Both lead' },
    { value: Modes.Off, label: 'Off' }
];

/** The presence mode from the URL (`?presence=Both`), else null (the settings' default). */
export function presenceModeFrom(search: string): PresenceMode | null {
    const value = new URLSearchParams(search).get('presence');
    return isPresenceMode(value) ? value : null;
}
