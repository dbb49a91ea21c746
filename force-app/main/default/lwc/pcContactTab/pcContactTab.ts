/**
 * The console-tab screen pop (AD-5): when a call is answered and its Contact is known, the Contact record opens as a
 * Lightning console workspace tab, or as a subtab of the agent's focused tab, and a tab already open for the same
 * record is focused instead of opening a second one.
 *
 * The workspace API is Salesforce's page chrome, not service logic, so this is a component-side effect driven by the
 * service's snapshots: the service knows nothing of tabs, and the console component hands each snapshot here. Each
 * answered call opens at most one tab; a failure (not a console app, a closed workspace) is logged, never shown as
 * an agent error, since the in-console screen pop still has the contact.
 */
import {
    focusTab as platformFocusTab,
    getAllTabInfo as platformGetAllTabInfo,
    getFocusedTabInfo as platformGetFocusedTabInfo,
    openSubtab as platformOpenSubtab,
    openTab as platformOpenTab
} from 'lightning/platformWorkspaceApi';
import { CallStatus, ContactTabMode } from 'c/pcModel';
import type { ConsoleState } from 'c/pcModel';

/** A workspace tab as the workspace API describes it (only what is used here). */
export interface WorkspaceTab {
    readonly tabId: string;
    readonly recordId?: string | null;
    readonly parentTabId?: string | null;
    readonly isSubtab?: boolean;
    readonly subtabs?: readonly WorkspaceTab[];
}

/** The part of `lightning/platformWorkspaceApi` this module calls; tests and the local console pass their own. */
export interface WorkspaceApi {
    getAllTabInfo(): Promise<readonly WorkspaceTab[]>;
    getFocusedTabInfo(): Promise<WorkspaceTab | null>;
    openTab(options: { recordId: string; focus: boolean }): Promise<unknown>;
    openSubtab(parentTabId: string, options: { recordId: string; focus: boolean }): Promise<unknown>;
    focusTab(tabId: string): Promise<unknown>;
}

/** The platform's workspace API. */
export const platformWorkspace: WorkspaceApi = {
    getAllTabInfo: () => platformGetAllTabInfo(),
    getFocusedTabInfo: () => platformGetFocusedTabInfo(),
    openTab: (options) => platformOpenTab(options),
    openSubtab: (parentTabId, options) => platformOpenSubtab(parentTabId, options),
    focusTab: (tabId) => platformFocusTab(tabId)
};

/** The open tab (or subtab) showing this record, if any. Record ids compare on their first 15 characters. */
export function tabForRecord(tabs: readonly WorkspaceTab[], recordId: string): WorkspaceTab | null {
    const key = recordId.slice(0, 15);
    for (const tab of tabs) {
        if (typeof tab.recordId === 'string' && tab.recordId.slice(0, 15) === key) return tab;
        const sub = tabForRecord(tab.subtabs ?? [], recordId);
        if (sub) return sub;
    }
    return null;
}

/** The answered call whose Contact is known: the call id and the Contact's id, or null. */
export function answeredContact(state: ConsoleState): { readonly callId: string; readonly contactId: string } | null {
    const pop = state.screenPop;
    if (!pop?.contact || pop.loading) return null;
    const call = state.calls.find((v) => v.call.id === pop.forId)?.call;
    if (!call || (call.status !== CallStatus.Active && call.status !== CallStatus.Held)) return null;
    return { callId: call.id, contactId: pop.contact.id };
}

/** Follows the console's snapshots and opens the answered call's Contact tab once per call (AD-5). */
export class ContactTabOpener {
    private readonly opened = new Set<string>();

    constructor(private readonly workspace: WorkspaceApi = platformWorkspace) {}

    /** Called with every snapshot; acts only on a newly answered call with a known Contact, where the setting is on. */
    onState(state: ConsoleState): void {
        const mode = state.settings.contactTab;
        if (mode === ContactTabMode.Off) return;
        const answered = answeredContact(state);
        if (!answered || this.opened.has(answered.callId)) return;
        this.opened.add(answered.callId);
        // The set only needs the calls still on screen; older ones are forgotten so it stays small all shift.
        for (const id of this.opened) if (!state.calls.some((v) => v.call.id === id)) this.opened.delete(id);
        this.show(answered.contactId, mode).catch((e: unknown) => {
            // Not a console app, or the workspace refused: the in-console pop still shows the contact.
            console.warn('Personal Connection could not open the contact tab:', e instanceof Error ? e.name : 'Error');
        });
    }

    /** Focuses the record's open tab, else opens it as a tab or a subtab of the focused workspace tab. */
    async show(recordId: string, mode: ContactTabMode): Promise<void> {
        const existing = tabForRecord(await this.workspace.getAllTabInfo(), recordId);
        if (existing) {
            await this.workspace.focusTab(existing.tabId);
            return;
        }
        if (mode === ContactTabMode.Subtab) {
            const focused = await this.workspace.getFocusedTabInfo();
            const parent = focused ? (focused.isSubtab ? focused.parentTabId : focused.tabId) : null;
            if (parent) {
                await this.workspace.openSubtab(parent, { recordId, focus: true });
                return;
            }
        }
        await this.workspace.openTab({ recordId, focus: true });
    }
}
