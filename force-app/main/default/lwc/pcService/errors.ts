/**
 * The error list (UB-6) and the commands compliance warnings hold (CP-3): every failure the agent sees is made
 * here, with an id, and only a type name of anything unexpected, since its message may carry a contact's data.
 */
import { DialerError } from 'c/pcDialerPort';
import type { CommandResult, ComplianceNotice, ConsoleError, ErrorCode, ErrorSource, PreviewAction } from 'c/pcModel';
import { GatewayError } from 'c/pcSalesforcePort';
import type { ErrorsApi, ServiceContext } from './context';
import type { Patch } from './store';

/** Errors kept for the error panel; older ones drop off so a long shift does not grow without bound. */
export const MAX_ERRORS = 50;

/** The errors slice: the list in state, the id sequence and the held commands. */
export class Errors implements ErrorsApi {
    private seq = 0;
    /** Commands a compliance warning holds until the agent confirms them, by the warning's error id (CP-3). */
    private readonly held = new Map<string, () => Promise<CommandResult>>();

    constructor(private readonly ctx: ServiceContext) {}

    make(source: ErrorSource, code: ErrorCode, detail: string, command: string | null): ConsoleError {
        /* Stryker disable next-line AssignmentOperator: counting down keeps every id distinct, all an id is for */ this.seq += 1;
        return Object.freeze({ id: `err-${this.seq}`, source, code, detail, at: this.ctx.clock.now(), command });
    }

    of(e: unknown, command: string | null, source: ErrorSource = 'Dialer'): ConsoleError {
        if (e instanceof DialerError) return this.make('Dialer', e.code, e.message, command);
        if (e instanceof GatewayError) return this.make('Salesforce', e.code, e.message, command);
        // Unknown errors may carry anything in their message; only the type name is safe to show.
        return this.make(source, 'Unknown', `Unexpected ${e instanceof Error ? e.name : typeof e}`, command);
    }

    add(error: ConsoleError, errors: readonly ConsoleError[] = this.ctx.store.state.errors): readonly ConsoleError[] {
        const next = [...errors, error];
        return next.length > MAX_ERRORS ? next.slice(next.length - MAX_ERRORS) : next;
    }

    fail(source: ErrorSource, code: ErrorCode, detail: string, command: string): CommandResult {
        const error = this.make(source, code, detail, command);
        this.ctx.store.commit({ errors: this.add(error) });
        return { ok: false, error };
    }

    inFlight(command: string): CommandResult {
        // A double click is not a failure to show; the first click's result will be.
        return { ok: false, error: this.make('Validation', 'InFlight', `${command} already sent`, command) };
    }

    /** Once the command went through, its earlier failures are old news. */
    without(command: string): readonly ConsoleError[] {
        const errors = this.ctx.store.state.errors;
        return errors.some((e) => e.command === command) ? errors.filter((e) => e.command !== command) : errors;
    }

    /** Removes an error from the panel. */
    dismiss(errorId: string): void {
        this.held.delete(errorId);
        const store = this.ctx.store;
        const calls = store.state.calls;
        // A transfer's failure shown in its call's form goes from the form too.
        const shownOn = calls.findIndex((v) => v.transferError?.id === errorId);
        const patch: Patch = {};
        if (shownOn >= 0) {
            const next = calls.slice();
            next[shownOn] = { ...calls[shownOn]!, transferError: null };
            patch.calls = next;
        }
        if (store.state.errors.some((e) => e.id === errorId)) {
            patch.errors = store.state.errors.filter((e) => e.id !== errorId);
        }
        if (patch.calls || patch.errors) store.commit(patch);
    }

    /**
     * A compliance refusal or warning as the failure of `command` (CP-1, CP-3): nothing was sent; a warning keeps
     * `confirmed` so the agent can go on with one more click (confirm), a block can be retried later.
     */
    complianceStop(
        command: string,
        notice: ComplianceNotice,
        confirmed: (() => Promise<CommandResult>) | null,
        previewAction: PreviewAction | null = null
    ): CommandResult {
        const store = this.ctx.store;
        const rules = notice.findings.map((f) => `${f.rule}:${f.kind}`).join(',');
        const made = this.make('Validation', 'Compliance', `${notice.verdict} by ${rules}`, command);
        const error: ConsoleError = Object.freeze({ ...made, compliance: notice });
        for (const e of store.state.errors) if (e.command === command) this.held.delete(e.id);
        if (notice.verdict === 'Warn' && confirmed) this.held.set(error.id, confirmed);
        const patch: Patch = { errors: this.add(error, this.without(command)) };
        const ps = store.state.preview;
        if (previewAction && ps) patch.preview = { ...ps, error, failedAction: previewAction };
        store.commit(patch);
        return { ok: false, error };
    }

    /** Goes on with the command a compliance warning held; checked again, so a rule that now blocks still refuses. */
    confirm(errorId: string): Promise<CommandResult> {
        const run = this.held.get(errorId);
        if (!run) return Promise.resolve(this.fail('Validation', 'NotFound', 'no warning to confirm', 'compliance'));
        this.held.delete(errorId);
        return run();
    }
}
