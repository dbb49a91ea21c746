/**
 * The wrap-up of an answered call (CL-4, WU-1, WU-2, BX-1): the disposition to the dialer, then one Task to
 * Salesforce, each sent once even across retries; the wrap-up time limit and what happens when it runs out.
 */
import type { Call, CallView, CommandResult, Disposition, Instant } from 'c/pcModel';
import type { AttemptLogger } from './attemptLog';
import type { ServiceContext, WrapUpApi } from './context';
import { OK } from './store';
import { dispositionAtZero, notesWithin, wrapUpLimitMs } from './wrapUpRules';

/**
 * The wrap-up slice: the saves in flight and the notes typed and not yet saved; what each call sent and logged is
 * the attempt log's.
 */
export class WrapUps implements WrapUpApi {
    private readonly inFlight = new Set<string>();
    /** Notes typed per call, not saved (WU-1): outside the state, so a keystroke renders nothing and crosses no tab. */
    private readonly drafts = new Map<string, string>();

    constructor(
        private readonly ctx: ServiceContext,
        private readonly log: AttemptLogger
    ) {}

    logUnanswered(call: Call): void {
        this.log.logUnanswered(call);
    }

    forget(callId: string): void {
        this.drafts.delete(callId);
        this.log.forget(callId);
    }

    /** The notes typed in a call's wrap-up so far; only a call still in wrap-up keeps them. */
    draft(callId: string, notes: string): void {
        const view = this.ctx.store.state.calls.find((v) => v.call.id === callId);
        if (!view?.wrapUp || view.wrapUp.saved) return;
        if (notes) this.drafts.set(callId, notes);
        else this.drafts.delete(callId);
    }

    clear(calls: readonly CallView[]): void {
        // BX-1: an answered call still in wrap-up at logout keeps its Task: logged now, in the background, with the
        // disposition the dialer has (a save that failed only at the log), or the call's own outcome. A save in
        // flight logs it itself.
        for (const view of calls) {
            // Only an answered call that ended has a wrap-up.
            if (view.wrapUp && !this.inFlight.has(`${view.call.id}:disposition`)) {
                this.log.logLeftOver(view.call);
            }
        }
        this.drafts.clear();
        this.log.clear();
    }

    checkDisposition(dispositionId: string, notes: string, command: string): CommandResult | null {
        const { store, errors } = this.ctx;
        const disposition = store.state.dispositions.find((d) => d.id === dispositionId);
        if (!disposition) return errors.fail('Validation', 'NotFound', 'unknown disposition', command);
        if (disposition.requiresNotes && !notes.trim()) {
            return errors.fail('Validation', 'Rejected', 'this disposition needs notes', command);
        }
        if ([...notes].length > store.state.settings.notesMaxLength) {
            return errors.fail('Validation', 'Rejected', 'notes over the limit', command);
        }
        return null;
    }

    /**
     * The wrap-up save; `atZero` is the default disposition applied when the time ran out (WU-1), whatever its notes
     * rule: the time ran out, not the agent.
     */
    async save(callId: string, dispositionId: string, notes: string, atZero = false): Promise<CommandResult> {
        const { store, errors, calls } = this.ctx;
        const view = store.state.calls.find((v) => v.call.id === callId);
        if (!view) return errors.fail('Validation', 'NotFound', 'no such call', 'disposition');
        // Stryker disable next-line ConditionalExpression: only an answered call that ended has a wrap-up, so the wrap-up test alone refuses the same calls
        if (view.call.status !== 'Ended' || !view.wrapUp) {
            return errors.fail('Validation', 'InvalidState', 'the call has not ended', 'disposition');
        }
        const lock = `${callId}:disposition`;
        if (this.inFlight.has(lock)) return errors.inFlight('disposition');
        const problem = atZero ? null : this.checkDisposition(dispositionId, notes, 'disposition');
        if (problem) return problem;
        const disposition = store.state.dispositions.find((d) => d.id === dispositionId) as Disposition;
        const progress = this.log.progressOf(callId);
        this.inFlight.add(lock);
        store.commit(calls.setPending(callId, 'disposition', true));
        try {
            if (!progress.sent) {
                await this.ctx.adapter.disposition(callId, dispositionId, notes);
                progress.sent = { disposition, notes };
            }
            if (!progress.logged) {
                // A retry after a failed log logs what the dialer already has, never a second Task.
                await this.ctx.gateway.logAttempt(await this.log.logOf(view.call, progress.sent));
                progress.logged = true;
                this.ctx.overrides.forget(view.call);
            }
            this.inFlight.delete(lock);
            this.count(view.call, disposition);
            calls.remove(callId);
            // At zero the agent is told the time saved it, and what the dialer has (UB-7).
            const confirmation = atZero
                ? this.ctx.messages.confirmationOf('WrapUpAtZero', view.call.record, view.call.number, {
                      disposition: progress.sent.disposition.label
                  })
                : this.ctx.messages.confirmationOf('WrapUp', view.call.record, view.call.number);
            store.commit({ confirmation });
            return OK;
        } catch (e) {
            this.inFlight.delete(lock);
            const error = errors.of(e, 'disposition', 'Salesforce');
            let patch = calls.setPending(callId, 'disposition', false, { errors: errors.add(error) });
            const list = patch.calls ?? store.state.calls;
            const index = list.findIndex((v) => v.call.id === callId);
            if (index >= 0) {
                const next = list.slice();
                const current = next[index]!;
                next[index] = { ...current, wrapUp: { ...current.wrapUp, saved: false, error } };
                patch = { ...patch, calls: next };
            }
            store.commit(patch);
            return { ok: false, error };
        }
    }

    /** A saved wrap-up on the scoreboard: its time from the call's end, and a callback when it books one (WU-2). */
    private count(call: Call, disposition: Disposition): void {
        const score = this.ctx.score;
        const ms = this.ctx.clock.now() - (call.endedAt ?? call.statusSince);
        score.wrapUp(ms);
        if (disposition.outcome === 'Rescheduled') score.callback();
        this.ctx.store.commit({ scoreboard: score.board });
    }

    begin(callId: string): NonNullable<CallView['wrapUp']> {
        const state = this.ctx.store.state;
        const skill = state.skills.find((s) => s.id === state.agent.skillId);
        const limit = wrapUpLimitMs(state.settings, skill);
        if (limit === null) return { saved: false, error: null, deadline: null };
        const deadline = this.ctx.clock.now() + limit;
        this.ctx.store.later(limit, () => this.onTimeUp(callId, deadline));
        const fallback = dispositionAtZero(state.settings, state.dispositions);
        return { saved: false, error: null, deadline, ...(fallback ? { atZero: fallback.id } : {}) };
    }

    /**
     * The wrap-up time ran out: the admin's default disposition is saved with the notes the agent typed (cut to the
     * notes limit), or the agent goes Unavailable with the first code and the form, notes and all, stays (WU-1). A
     * default the skill does not offer falls back to Unavailable, so the agent is never left dialing.
     */
    private onTimeUp(callId: string, deadline: Instant): void {
        const store = this.ctx.store;
        const state = store.state;
        const view = state.calls.find((v) => v.call.id === callId);
        const wrapUp = view?.wrapUp;
        if (!view || !wrapUp || wrapUp.saved || wrapUp.deadline !== deadline) return;
        if (this.inFlight.has(`${callId}:disposition`)) return;
        const fallback = dispositionAtZero(state.settings, state.dispositions);
        if (fallback) {
            const notes = notesWithin(this.drafts.get(callId) ?? '', state.settings.notesMaxLength);
            // Commands resolve, never reject (ConsoleApi); the result is in state.
            this.save(callId, fallback.id, notes, true).catch(() => undefined);
            return;
        }
        const calls = state.calls.map((v) => {
            return v.call.id === callId && v.wrapUp ? { ...v, wrapUp: { ...v.wrapUp, timedOut: true } } : v;
        });
        store.commit({ calls });
        const code = store.state.unavailableCodes[0];
        if (code && store.state.agent.status !== 'Unavailable') {
            this.ctx.agent.setUnavailable(code.id).catch(() => undefined);
        }
    }
}
