/**
 * The preview window (PV-1 .. PV-6, BX-7): the offered record, the actions this console allows on it, and the
 * commands that act on it, each sent once; the reschedule form is reschedule.ts.
 */
import type {
    AttemptsHistory,
    Call,
    CommandResult,
    Confirmation,
    Preview,
    PreviewAction,
    PreviewState,
    ScreenPop
} from 'c/pcModel';
import { checkRecord, gate } from './compliance';
import type { PreviewApi, ServiceContext } from './context';
import { OK } from './store';
import type { Patch } from './store';

/** What the preview needs of the reschedule form: its Retry and forgetting it when a new preview comes. */
export interface RescheduleRetry {
    /** Sends the last reschedule again, or null when there is none. */
    retry(): Promise<CommandResult> | null;
    /** Forgets the last reschedule. */
    reset(): void;
}

/** Extra facts a preview action's confirmation shows (a reschedule's instant and zones). */
export type ConfirmExtra = Partial<Pick<Confirmation, 'at' | 'timeZone' | 'contactTimeZone'>>;

/** Sends one preview action once: pending while in flight, confirmed when done, the failure kept for Retry (PV-6). */
export async function previewCommand(
    ctx: ServiceContext,
    action: PreviewAction,
    command: string,
    send: (previewId: string) => Promise<unknown>,
    confirm: ConfirmExtra = {}
): Promise<CommandResult> {
    const { store, errors } = ctx;
    const ps = store.state.preview;
    if (!ps) return errors.fail('Validation', 'NotFound', 'no preview on screen', command);
    if (ps.pending) return errors.inFlight(command);
    if (!ps.actions.includes(action)) {
        return errors.fail('Validation', 'Unsupported', `${action} is not offered for this preview`, command);
    }
    const previewId = ps.preview.id;
    store.commit({ preview: { ...ps, pending: action } });
    try {
        await send(previewId);
        // PV-6: the command resolving is the dialer's confirmation; a previewClosed event may have come first.
        const patch: Patch = ctx.preview.closePatch(previewId, action === 'Accept') ?? {};
        const rest = errors.without(command);
        // Stryker disable next-line ConditionalExpression: the patch is committed either way; the same list again changes nothing
        if (rest !== store.state.errors) patch.errors = rest;
        patch.confirmation = ctx.messages.confirmationOf(action, ps.preview.record, ps.preview.number, confirm);
        if (action === 'Reschedule') patch.scoreboard = ctx.score.callback();
        store.commit(patch);
        return OK;
    } catch (e) {
        const error = errors.of(e, command);
        const current = store.state.preview;
        const patch: Patch = { errors: errors.add(error) };
        if (current && current.preview.id === previewId) {
            patch.preview = { ...current, pending: null, error, failedAction: action };
        }
        store.commit(patch);
        return { ok: false, error };
    }
}

/** The preview slice: the window in state, the accepted preview until its call comes, the last disposition sent. */
export class Previews implements PreviewApi {
    private accepted: { readonly previewId: string; readonly recordId: string } | null = null;
    private lastDisposition: { readonly id: string; readonly notes: string } | null = null;

    constructor(
        private readonly ctx: ServiceContext,
        private readonly reschedule: RescheduleRetry
    ) {}

    private narrowActions(preview: Preview, history: AttemptsHistory | null): readonly PreviewAction[] {
        const state = this.ctx.store.state;
        const caps = state.capabilities.previewActions;
        const settings = state.settings;
        const destination = history?.destinations.find((d) => d.id === preview.destinationId);
        const undialable = !!destination && destination.unavailableReason !== null;
        return preview.actions.filter(
            (a) =>
                (caps.length === 0 || caps.includes(a)) &&
                (a !== 'Reschedule' || settings.rescheduleEnabled) &&
                // SP-5: a destination that cannot be called now is never offered for dialing.
                !(a === 'Accept' && undialable)
        );
    }

    stateOf(preview: Preview): PreviewState {
        return {
            preview,
            actions: this.narrowActions(preview, null),
            pending: null,
            error: null,
            failedAction: null,
            rescheduling: false
        };
    }

    narrowed(recordId: string, history: AttemptsHistory | null): PreviewState | null {
        const ps = this.ctx.store.state.preview;
        if (!ps || ps.preview.record.id !== recordId) return null;
        const actions = this.narrowActions(ps.preview, history);
        return actions.length !== ps.actions.length ? { ...ps, actions } : null;
    }

    /** A preview offered: shown with its data loaded like a screen pop (PV-1 shows Value one / Value two). */
    onOffered(preview: Preview): void {
        this.reschedule.reset();
        this.lastDisposition = null;
        this.ctx.store.commit({
            preview: this.stateOf(preview),
            screenPop: this.ctx.pop.show(preview.id, preview.record, preview.number)
        });
    }

    /** The dialer closed the preview: accepted, its pop waits for the call; otherwise the pop goes too. */
    onClosed(previewId: string, accepted: boolean): void {
        const patch = this.closePatch(previewId, accepted);
        if (patch) this.ctx.store.commit(patch);
    }

    closePatch(previewId: string, accepted: boolean): Patch | null {
        const state = this.ctx.store.state;
        const ps = state.preview;
        if (!ps || ps.preview.id !== previewId) return null;
        const patch: Patch = { preview: null };
        if (accepted) this.accepted = { previewId, recordId: ps.preview.record.id };
        else if (state.screenPop?.forId === previewId) patch.screenPop = null;
        return patch;
    }

    popFollowing(call: Call, pop: ScreenPop | null): ScreenPop | null {
        const accepted = this.accepted;
        if (!accepted || accepted.recordId !== call.record.id || !pop || pop.forId !== accepted.previewId) return null;
        // The accepted preview's data follows its call instead of loading twice.
        this.accepted = null;
        return { ...pop, forId: call.id };
    }

    forget(): void {
        this.accepted = null;
    }

    /** Accept: the dialer places the call (PV-2), once the rules allow it now (CP-1); `confirmWarnings` is the agent's "Call anyway". */
    accept(confirmWarnings = false): Promise<CommandResult> {
        const { store, clock } = this.ctx;
        const ps = store.state.preview;
        if (ps && !ps.pending && ps.actions.includes('Accept')) {
            const { record, number } = ps.preview;
            const now = clock.now();
            const outcome = gate(checkRecord(store.state, record, number, now), now, confirmWarnings);
            if (!outcome.go) {
                const retry = (): Promise<CommandResult> => this.accept(true);
                return Promise.resolve(this.ctx.errors.complianceStop('accept', outcome.notice, retry, 'Accept'));
            }
            this.ctx.overrides.keep(outcome, record.id);
        }
        return previewCommand(this.ctx, 'Accept', 'accept', (id) => this.ctx.adapter.acceptPreview(id));
    }

    /** Requeue: the record goes back to the skill's queue (PV-3). */
    requeue(): Promise<CommandResult> {
        return previewCommand(this.ctx, 'Requeue', 'requeue', (id) => this.ctx.adapter.requeuePreview(id));
    }

    /** Snooze: the record goes back to the agent's personal queue (PV-5). */
    snooze(): Promise<CommandResult> {
        return previewCommand(this.ctx, 'Snooze', 'snooze', (id) => this.ctx.adapter.snoozePreview(id));
    }

    /** Records a disposition without dialing, where the dialer offers it (BX-7). */
    disposition(dispositionId: string, notes: string): Promise<CommandResult> {
        const problem = this.ctx.wrapUp.checkDisposition(dispositionId, notes, 'dispositionPreview');
        if (problem) return Promise.resolve(problem);
        this.lastDisposition = { id: dispositionId, notes };
        return previewCommand(this.ctx, 'Disposition', 'dispositionPreview', (id) =>
            this.ctx.adapter.dispositionPreview(id, dispositionId, notes)
        );
    }

    /** Sends the failed preview action again (PV-6). */
    retry(): Promise<CommandResult> {
        const errors = this.ctx.errors;
        const ps = this.ctx.store.state.preview;
        const action = ps?.failedAction ?? null;
        if (!ps || !action) return Promise.resolve(errors.fail('Validation', 'NotFound', 'nothing to retry', 'retry'));
        switch (action) {
            case 'Accept':
                return this.accept();
            case 'Requeue':
                return this.requeue();
            case 'Snooze':
                return this.snooze();
            case 'Reschedule':
                return (
                    this.reschedule.retry() ??
                    Promise.resolve(errors.fail('Validation', 'NotFound', 'no reschedule to retry', 'retry'))
                );
            case 'Disposition': {
                const last = this.lastDisposition;
                return last
                    ? this.disposition(last.id, last.notes)
                    : Promise.resolve(errors.fail('Validation', 'NotFound', 'no disposition to retry', 'retry'));
            }
            default:
                return Promise.resolve(errors.fail('Validation', 'Unsupported', 'unknown action', 'retry'));
        }
    }
}
