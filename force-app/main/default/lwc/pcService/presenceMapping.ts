/**
 * The admin's presence mapping (WU-5) applied: the dialer's side as a mapping row names it, and the row that
 * applies each way. Pure functions, used by the presence sync.
 */
import type { ConsoleState, PresenceDialerState, PresenceMapping, UnavailableCode } from 'c/pcModel';

/** The dialer's side as the mapping sees it. */
export interface DialerKey {
    readonly state: PresenceDialerState;
    readonly code: UnavailableCode | null;
}

/** The dialer's side now: logged out, on a call (a line or its wrap-up), Unavailable with its code, or Available. */
export function keyOf(state: ConsoleState): DialerKey {
    const agent = state.agent;
    if (agent.status === 'LoggedOut') return { state: 'LoggedOut', code: null };
    if (state.calls.length > 0) return { state: 'OnCall', code: null };
    if (agent.status === 'Unavailable') return { state: 'Unavailable', code: agent.unavailableCode };
    return { state: 'Available', code: null };
}

/** A key as text, so two keys compare with `===`. */
export function keyText(key: DialerKey): string {
    return `${key.state}:${key.code?.id ?? ''}`;
}

/** Two names alike regardless of case; never alike when either is absent. */
export function same(a: string | null | undefined, b: string | null | undefined): boolean {
    return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** Whether a row's unavailable code names this code, by id or label. */
export function codeMatches(row: PresenceMapping, code: UnavailableCode | null): boolean {
    return !!code && (same(row.unavailableCode, code.id) || same(row.unavailableCode, code.label));
}

/** The Omni-Channel status a dialer state maps to: a row naming the code wins over one for any code. */
export function omniTargetFor(map: readonly PresenceMapping[], key: DialerKey): string | null {
    const rows = map.filter((r) => r.direction !== 'ToDialer' && r.dialerState === key.state);
    const exact = rows.find((r) => r.unavailableCode !== '' && codeMatches(r, key.code));
    return (exact ?? rows.find((r) => r.unavailableCode === ''))?.presenceStatus ?? null;
}

/** The mapping row an Omni-Channel status maps to on the dialer's side (OnCall rows never apply this way). */
export function dialerRowFor(map: readonly PresenceMapping[], status: string): PresenceMapping | null {
    return (
        map.find((r) => r.direction !== 'ToOmni' && r.dialerState !== 'OnCall' && same(r.presenceStatus, status)) ??
        null
    );
}
