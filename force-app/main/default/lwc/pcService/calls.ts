/**
 * The calls on the lines (CL-1 .. CL-3, SP-1, AM): dialer call events reduced into the calls in state, with the
 * lines limit, the pop that follows the live call, routed notices, and callbacks checked by the rule sets (CP-1).
 */
import type { CallbackVerdict, DialerEventMap } from 'c/pcDialerPort';
import type { Call, Callback, CallStatus, CallView, ConsoleError, ScreenPop } from 'c/pcModel';
import { callbackNotice } from './compliance';
import type { CallsApi, ServiceContext } from './context';
import { without } from './store';
import type { Patch } from './store';

/** How long a routed notice stays (CL-3: "briefly"). */
export const ROUTED_NOTICE_MS = 4000;
/** How long an unanswered call stays shown as Ended with its outcome, when the dialer does not remove it. */
export const ENDED_LINGER_MS = 3000;

/**
 * The errors without the card failures of calls that leave (UB-6): a failure shown in a call's card goes with the
 * call, never to the banner. The same list when none of them had one.
 */
export function withoutFailuresOf(gone: readonly CallView[], errors: readonly ConsoleError[]): readonly ConsoleError[] {
    const ids = new Set<string>();
    for (const v of gone) {
        if (v.commandFailure) ids.add(v.commandFailure.error.id);
        if (v.transferError) ids.add(v.transferError.id);
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: keeps the same list (its identity) when nothing goes
    return ids.size > 0 ? errors.filter((e) => !ids.has(e.id)) : errors;
}

/** The call-events slice: the calls in state and the calls refused as beyond the lines limit. */
export class Calls implements CallsApi {
    /** Calls refused as beyond the lines limit: their later updates are dropped quietly (CL-1). */
    private readonly ignored = new Set<string>();

    constructor(private readonly ctx: ServiceContext) {}

    /** The lines the agent may see at once: the admin's setting, never more than the dialer offers (CL-1). */
    lines(): number {
        const state = this.ctx.store.state;
        return Math.max(1, Math.min(state.settings.linesPerAgent, state.capabilities.maxLines || 3));
    }

    viewOf(call: Call): CallView {
        const answered = call.answeredAt !== null;
        const notes = call.direction === 'Callback' ? this.ctx.messages.callbackNotes(call.number) : undefined;
        return {
            call,
            pending: [],
            wrapUp: call.status === 'Ended' && answered ? { saved: false, error: null } : null,
            ...(notes ? { callbackNotes: notes } : {})
        };
    }

    setPending(callId: string, key: string, on: boolean, patch: Patch = {}): Patch {
        const calls = patch.calls ?? this.ctx.store.state.calls;
        const index = calls.findIndex((v) => v.call.id === callId);
        if (index < 0) return patch;
        const view = calls[index]!;
        const pending = on ? [...view.pending, key] : without(view.pending, key);
        const next = calls.slice();
        next[index] = { ...view, pending };
        return { ...patch, calls: next };
    }

    /** A call new or changed on the dialer. */
    onUpdated(call: Call): void {
        const { store, errors, score } = this.ctx;
        const calls = store.state.calls;
        const index = calls.findIndex((v) => v.call.id === call.id);
        const patch: Patch = {};
        let previous: CallStatus | null = null;
        if (index < 0) {
            if (call.status === 'Ended' || this.ignored.has(call.id)) return;
            const lines = this.lines();
            let live = 0;
            for (const v of calls) if (v.call.status !== 'Ended') live += 1;
            if (live >= lines || call.line < 1 || call.line > lines) {
                // CL-1: never show more calls than lines; the dialer broke the agreement, so say so once.
                this.ignored.add(call.id);
                patch.errors = errors.add(
                    errors.make('Dialer', 'Protocol', `call beyond the ${lines}-line limit ignored`, null)
                );
                store.commit(patch);
                return;
            }
            patch.calls = [...calls, this.viewOf(call)];
            const followed = this.ctx.preview.popFollowing(call, store.state.screenPop);
            if (followed) patch.screenPop = followed;
        } else {
            const view = calls[index]!;
            previous = view.call.status;
            if (previous === 'Ended') {
                // Late updates of an ended call only refine what was shown (its outcome).
                const next = calls.slice();
                next[index] = { ...view, call: { ...call, status: 'Ended' } };
                store.commit({ calls: next, scoreboard: score.outcome(view.call.outcome, call.outcome) });
                return;
            }
            const next = calls.slice();
            const wasAnswered = view.call.answeredAt !== null || call.answeredAt !== null;
            const ended = call.status === 'Ended';
            next[index] = {
                call,
                pending: view.pending,
                wrapUp: ended && wasAnswered ? this.ctx.wrapUp.begin(call.id) : ended ? null : view.wrapUp,
                // A callback's booked notes stay with it for its whole life on the card (UB-7).
                ...(view.callbackNotes ? { callbackNotes: view.callbackNotes } : {}),
                // A card command's or a transfer's failure stays while the call is on; an ended call takes neither
                // (UB-6).
                ...(view.commandFailure && !ended ? { commandFailure: view.commandFailure } : {}),
                ...(view.transferError && !ended ? { transferError: view.transferError } : {})
            };
            patch.calls = next;
            if (ended) patch.errors = withoutFailuresOf([view], store.state.errors);
        }
        if (previous !== call.status) this.onStatusEntered(call, patch);
        if (previous !== null && call.status === 'Ended') patch.scoreboard = score.ended(call, this.ctx.clock.now());
        store.commit(patch);
    }

    /** What a call entering a status brings: screen pops (CL-2, SP-1) and logging unanswered attempts. */
    private onStatusEntered(call: Call, patch: Patch): void {
        const { store, pop: pops } = this.ctx;
        const state = store.state;
        const pop = patch.screenPop ?? state.screenPop;
        if (call.status === 'AMD') {
            if (pop?.forId !== call.id && !this.popBelongsToLiveContact(pop)) {
                patch.screenPop = pops.show(call.id, call.record, call.number);
            }
        } else if (call.status === 'Active' && state.settings.screenPopsEnabled) {
            if (pop?.forId !== call.id) patch.screenPop = pops.show(call.id, call.record, call.number);
        } else if (call.status === 'Ended') {
            const calls = patch.calls ?? state.calls;
            const view = calls.find((v) => v.call.id === call.id);
            if (view && !view.wrapUp) {
                // No one spoke to the contact: the attempt is logged once this is shown, and the line shows its
                // outcome briefly.
                store.afterCommit(() => this.ctx.wrapUp.logUnanswered(call));
                store.later(ENDED_LINGER_MS, () => this.remove(call.id));
                if (pop?.forId === call.id) patch.screenPop = null;
            }
        }
    }

    private popBelongsToLiveContact(pop: ScreenPop | null): boolean {
        if (!pop) return false;
        const view = this.ctx.store.state.calls.find((v) => v.call.id === pop.forId);
        return !!view && (view.call.status === 'Active' || view.call.status === 'Held' || view.wrapUp !== null);
    }

    remove(callId: string): void {
        const store = this.ctx.store;
        const calls = store.state.calls;
        // Stryker disable next-line ConditionalExpression: hygiene; a call not there would commit the same calls again
        if (!calls.some((v) => v.call.id === callId)) return;
        const patch: Patch = {
            calls: calls.filter((v) => v.call.id !== callId),
            errors: withoutFailuresOf(
                calls.filter((v) => v.call.id === callId),
                store.state.errors
            )
        };
        if (store.state.screenPop?.forId === callId) patch.screenPop = null;
        this.ctx.wrapUp.forget(callId);
        store.commit(patch);
    }

    /** A call the dialer routed elsewhere: gone from the lines, a notice for a while (CL-3). */
    onRouted(event: DialerEventMap['callRouted']): void {
        const store = this.ctx.store;
        const state = store.state;
        const until = this.ctx.clock.now() + ROUTED_NOTICE_MS;
        const patch: Patch = {
            calls: state.calls.filter((v) => v.call.id !== event.callId),
            errors: withoutFailuresOf(
                state.calls.filter((v) => v.call.id === event.callId),
                state.errors
            ),
            routed: [...state.routed, { callId: event.callId, contactName: event.contactName, until }]
        };
        if (state.screenPop?.forId === event.callId) patch.screenPop = null;
        this.ctx.wrapUp.forget(event.callId);
        store.later(ROUTED_NOTICE_MS, () => {
            if (!store.state.routed.some((r) => r.callId === event.callId)) return;
            store.commit({ routed: store.state.routed.filter((r) => r.callId !== event.callId) });
        });
        store.commit(patch);
    }

    /** The dialer is done with a call: it goes, unless its wrap-up is not saved yet. */
    onRemoved(callId: string): void {
        this.ignored.delete(callId);
        const view = this.ctx.store.state.calls.find((v) => v.call.id === callId);
        if (!view) return;
        if (view.wrapUp && !view.wrapUp.saved) {
            // The dialer is done with the call, but its Task is not logged yet: keep the wrap-up on screen.
            return;
        }
        this.remove(callId);
    }

    /**
     * A callback the dialer delivers is checked as the agent's own call would be (CP-1). A dialer that asks first
     * (the gate below) never rings a blocked one; one that places callbacks itself (CXone) cannot be held, so the
     * console tells the agent at once when one rings outside the rules.
     */
    checkCallback(callback: Callback): void {
        const notice = callbackNotice(this.ctx.store.state, callback, this.ctx.clock.now());
        if (notice) this.ctx.errors.complianceStop('callback', notice, null);
    }

    /**
     * The dialer asks before a callback rings (CP-1): a blocking rule holds it until its next legal instant and the
     * agent is told why; a warning lets it ring (callbackDue then shows the warning).
     */
    gateCallback(callback: Callback): CallbackVerdict {
        const notice = callbackNotice(this.ctx.store.state, callback, this.ctx.clock.now());
        if (notice?.verdict !== 'Block') return { deliver: true };
        this.ctx.errors.complianceStop('callback', notice, null);
        return { deliver: false, notBefore: notice.nextAllowedAt };
    }
}
