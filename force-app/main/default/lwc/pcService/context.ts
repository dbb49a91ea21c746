/**
 * What the slices of the service know of each other: the store, the ports, and each slice's small interface.
 * A slice owns its private tables; another slice reaches them only through the methods named here.
 */
import type { Clock, DialerAdapter } from 'c/pcDialerPort';
import type {
    AttemptsHistory,
    Call,
    CallingRecord,
    CallView,
    CommandResult,
    ComplianceNotice,
    Confirmation,
    ConsoleError,
    ErrorCode,
    ErrorSource,
    Preview,
    PreviewAction,
    PreviewState,
    ScreenPop
} from 'c/pcModel';
import type { SalesforceGateway } from 'c/pcSalesforcePort';
import type { OverrideBook } from './compliance';
import type { SessionScore } from './sessionScore';
import type { Patch, Store } from './store';

/** The error list and compliance holds (errors.ts). */
export interface ErrorsApi {
    /** A new error with the next id. */
    make(source: ErrorSource, code: ErrorCode, detail: string, command: string | null): ConsoleError;
    /** Any thrown value as an error safe to show. */
    of(e: unknown, command: string | null, source?: ErrorSource): ConsoleError;
    /** The list with the error added, the oldest dropped beyond the limit. */
    add(error: ConsoleError, errors?: readonly ConsoleError[]): readonly ConsoleError[];
    /** Shows a failure of `command` and returns it as the command's result. */
    fail(source: ErrorSource, code: ErrorCode, detail: string, command: string): CommandResult;
    /** The result of a command sent again while the first is in flight (not shown). */
    inFlight(command: string): CommandResult;
    /** The errors without those of `command`. */
    without(command: string): readonly ConsoleError[];
    /** A compliance refusal or warning as the failure of `command`; a warning keeps `confirmed` for the agent. */
    complianceStop(
        command: string,
        notice: ComplianceNotice,
        confirmed: (() => Promise<CommandResult>) | null,
        previewAction?: PreviewAction | null
    ): CommandResult;
}

/** Agent messages, the marquee and confirmations (messages.ts). */
export interface MessagesApi {
    /** A confirmation to show, cleared after a while unless a newer one replaced it; `record` null for no contact. */
    confirmationOf(
        action: Confirmation['action'],
        record: CallingRecord | null,
        number: string,
        extra?: Partial<Pick<Confirmation, 'at' | 'timeZone' | 'contactTimeZone' | 'disposition'>>
    ): Confirmation;
    /** The notes of the callback due for the number, if any. */
    callbackNotes(number: string): string | undefined;
}

/** The screen pop (screenPop.ts). */
export interface PopApi {
    /** A new pop with the dialer's data; its Salesforce data loads once the patch holding it is committed. */
    show(forId: string, record: CallingRecord, number: string): ScreenPop;
}

/** The preview window (preview.ts). */
export interface PreviewApi {
    /** The window's state for a preview the dialer offers. */
    stateOf(preview: Preview): PreviewState;
    /** The patch that closes the preview with that id, or null when it is not on screen. */
    closePatch(previewId: string, accepted: boolean): Patch | null;
    /** The preview with its actions narrowed by the record's Attempts History, or null when nothing changed. */
    narrowed(recordId: string, history: AttemptsHistory | null): PreviewState | null;
    /** The accepted preview's pop moved to the call it became, or null when the call is another. */
    popFollowing(call: Call, pop: ScreenPop | null): ScreenPop | null;
    /** Forgets the accepted preview (logout). */
    forget(): void;
}

/** The calls on the lines (calls.ts, callCommands.ts). */
export interface CallsApi {
    /** The lines the agent may see at once. */
    lines(): number;
    /** A call's view as first shown. */
    viewOf(call: Call): CallView;
    /** Takes a call off the lines (and its pop). */
    remove(callId: string): void;
    /** The patch with a command marked pending (or no longer) on the call. */
    setPending(callId: string, key: string, on: boolean, patch?: Patch): Patch;
}

/** Attempt logging and the wrap-up (wrapUp.ts, attemptLog.ts). */
export interface WrapUpApi {
    /** Starts a call's wrap-up, with its deadline when there is a limit. */
    begin(callId: string): NonNullable<CallView['wrapUp']>;
    /** Logs an unanswered attempt once. */
    logUnanswered(call: Call): void;
    /** Forgets a call's wrap-up book-keeping. */
    forget(callId: string): void;
    /** Forgets every wrap-up (logout); the Task of each answered call of `calls` not yet logged is logged first. */
    clear(calls: readonly CallView[]): void;
    /** The refusal of a disposition with these notes, or null when it may be sent. */
    checkDisposition(dispositionId: string, notes: string, command: string): CommandResult | null;
}

/** The agent's own commands other slices may send (agent.ts). */
export interface AgentApi {
    /** Pauses deliveries with the code. */
    setUnavailable(codeId: string): Promise<CommandResult>;
}

/** Everything a slice may use: built once by the facade (pcService.ts). */
export interface ServiceContext {
    readonly store: Store;
    readonly adapter: DialerAdapter;
    readonly gateway: SalesforceGateway;
    readonly clock: Clock;
    readonly score: SessionScore;
    readonly overrides: OverrideBook;
    readonly errors: ErrorsApi;
    readonly messages: MessagesApi;
    readonly pop: PopApi;
    readonly preview: PreviewApi;
    readonly calls: CallsApi;
    readonly wrapUp: WrapUpApi;
    readonly agent: AgentApi;
}
