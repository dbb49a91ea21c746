/**
 * The model fixtures every component suite shares: a calling record, a call and its view, a preview, an error, a
 * screen pop and a whole console snapshot, each with overrides for what a test is about.
 */
import {
    AgentStatus,
    DEFAULT_RULE_SETS,
    CallDirection,
    CallStatus,
    ConnectionStatus,
    DEFAULT_SETTINGS,
    DestinationKind,
    ErrorCode,
    ErrorSource,
    MachineOverride,
    Outcome,
    PreviewAction,
    TransferTargetKind
} from 'c/pcModel';
import type {
    Attempt,
    AttemptsHistorySource,
    Call,
    CallView,
    CallingRecord,
    ComplianceRuleSet,
    ConsoleError,
    ConsoleState,
    Destination,
    Preview,
    PreviewState,
    ScreenPop
} from 'c/pcModel';

/** Fixed "now" for fixtures: 2026-03-10 15:04:05 UTC. */
export const NOW = Date.UTC(2026, 2, 10, 15, 4, 5);

/** Wall time in Chicago (CST, UTC-6) on Tuesday 2026-01-06, the calling-rule suites' day, as an instant. */
export const central = (h: number, m = 0, s = 0): number => Date.UTC(2026, 0, 6, h + 6, m, s);

/** Wall time in New York (EST, UTC-5) on Tuesday 2026-01-06, as an instant. */
export const eastern = (h: number, m = 0): number => Date.UTC(2026, 0, 6, h + 5, m);

/** The shipped rule sets with the one named `name` changed as `over` says. */
export function withRule(name: string, over: Partial<ComplianceRuleSet>): readonly ComplianceRuleSet[] {
    return DEFAULT_RULE_SETS.map((r) => (r.name === name ? { ...r, ...over } : r));
}

/** A calling record; override any field. */
export function makeRecord(over: Partial<CallingRecord> = {}): CallingRecord {
    return {
        id: 'rec-1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        timeZone: 'America/Chicago',
        salesforceId: '003000000000001',
        fields: { BalanceDue: '120.50' },
        ...over
    };
}

/** A call on line 1; override any field. */
export function makeCall(over: Partial<Call> = {}): Call {
    return {
        id: 'call-1',
        line: 1,
        skillId: 'sk-1',
        record: makeRecord(),
        destinationId: 'd-1',
        number: '+13125550100',
        direction: CallDirection.Outbound,
        status: CallStatus.Dialing,
        mostLikely: false,
        muted: false,
        startedAt: NOW - 10_000,
        statusSince: NOW - 5_000,
        answeredAt: null,
        endedAt: null,
        outcome: null,
        ...over
    };
}

/** A call view with nothing pending; override the call or the view. */
export function makeCallView(call: Partial<Call> = {}, over: Partial<CallView> = {}): CallView {
    return { call: makeCall(call), pending: [], wrapUp: null, ...over };
}

/** A preview offering every action. */
export function makePreview(over: Partial<Preview> = {}): Preview {
    return {
        id: 'pv-1',
        skillId: 'sk-1',
        record: makeRecord(),
        destinationId: 'd-1',
        number: '+13125550100',
        attemptsSoFar: 2,
        actions: [PreviewAction.Accept, PreviewAction.Requeue, PreviewAction.Reschedule, PreviewAction.Snooze],
        offeredAt: NOW - 1000,
        timeout: null,
        ...over
    };
}

/** The preview window's state; override the preview or the state. */
export function makePreviewState(preview: Partial<Preview> = {}, over: Partial<PreviewState> = {}): PreviewState {
    const p = makePreview(preview);
    return {
        preview: p,
        actions: p.actions,
        pending: null,
        error: null,
        failedAction: null,
        rescheduling: false,
        ...over
    };
}

/** A console error; override any field. */
export function makeError(over: Partial<ConsoleError> = {}): ConsoleError {
    return {
        id: 'err-1',
        source: ErrorSource.Dialer,
        code: ErrorCode.Timeout,
        detail: 'accept timed out after 10 s',
        at: NOW,
        command: null,
        ...over
    };
}

/** A phone destination with no attempts yet, first in the cadence; override any field. */
export function makeDestination(over: Partial<Destination> = {}): Destination {
    const id = over.id ?? 'd-1';
    return {
        id,
        kind: DestinationKind.Phone,
        description: id,
        value: '+13125550100',
        attempts: 0,
        maxAttempts: 10,
        availableAt: null,
        lastPresentation: null,
        lastOutcome: null,
        unavailableReason: null,
        cadenceOrder: 1,
        ...over
    };
}

/** One attempt on a destination, unanswered unless said otherwise. */
export function makeAttempt(
    destinationId: string,
    at: number,
    number = 1,
    outcome: Outcome = Outcome.NoAnswer
): Attempt {
    return { number, destinationId, destinationDescription: destinationId, at, outcome };
}

/** What a screen pop built by `makeHistoryPop` holds. */
export interface HistoryPopOptions {
    /** Default: one phone destination, `d-1`. */
    readonly destinations?: readonly Destination[];
    readonly attempts?: readonly Attempt[];
    /** The Contact's fields (the rules read the state and zone from them). */
    readonly fields?: Record<string, string | null>;
    /** The calling record's zone (default: the fixture record's). */
    readonly timeZone?: string | null;
    readonly recordId?: string;
    /** Where the history came from; absent means the dialer's. */
    readonly source?: AttemptsHistorySource;
}

/** A screen pop whose Attempts History holds the given destinations and attempts, for the Callable rules. */
export function makeHistoryPop(options: HistoryPopOptions = {}): ScreenPop {
    const base = makeScreenPop();
    const recordId = options.recordId ?? base.record.id;
    return makeScreenPop({
        record: {
            ...base.record,
            id: recordId,
            timeZone: options.timeZone === undefined ? base.record.timeZone : options.timeZone
        },
        contact: base.contact ? { ...base.contact, fields: options.fields ?? {} } : null,
        attemptsHistory: {
            recordId,
            destinations: options.destinations ?? [makeDestination()],
            attempts: options.attempts ?? [],
            ...(options.source ? { source: options.source } : {})
        }
    });
}

/** A screen pop with Contact History and Attempts History. */
export function makeScreenPop(over: Partial<ScreenPop> = {}): ScreenPop {
    return {
        forId: 'call-1',
        record: makeRecord(),
        contact: {
            id: '003000000000001',
            name: 'Ada Lovelace',
            phone: '+13125550100',
            email: 'ada@example.com',
            accountName: 'Analytical Engines Ltd',
            title: 'Director',
            mailingCity: 'Chicago',
            fields: {}
        },
        valueOne: { label: 'Account', value: 'Analytical Engines Ltd' },
        valueTwo: { label: 'Balance due', value: '120.50' },
        history: [
            { id: 'i-1', at: NOW - 86_400_000, subject: 'Call', type: 'Call', outcome: 'No answer', notes: 'Try later' }
        ],
        attemptsHistory: {
            recordId: 'rec-1',
            destinations: [
                {
                    id: 'd-1',
                    kind: DestinationKind.Phone,
                    description: 'PhoneNumber',
                    value: '+13125550100',
                    attempts: 5,
                    maxAttempts: 10,
                    availableAt: null,
                    lastPresentation: Date.UTC(2026, 2, 9, 14, 0, 0),
                    lastOutcome: Outcome.NoAnswer,
                    unavailableReason: null,
                    cadenceOrder: 1
                },
                {
                    id: 'd-2',
                    kind: DestinationKind.Phone,
                    description: 'Mobile',
                    value: '+13125550199',
                    attempts: 3,
                    maxAttempts: 3,
                    availableAt: null,
                    lastPresentation: null,
                    lastOutcome: Outcome.Busy,
                    unavailableReason: 'Exhausted',
                    cadenceOrder: 2
                }
            ],
            attempts: [
                {
                    number: 1,
                    destinationId: 'd-1',
                    destinationDescription: 'PhoneNumber',
                    at: Date.UTC(2026, 2, 9, 14, 0, 7),
                    outcome: Outcome.NoAnswer
                }
            ]
        },
        loading: false,
        ...over
    };
}

/** A whole console snapshot: connected, working a skill, no calls; override any part. */
export function makeState(over: Partial<ConsoleState> = {}): ConsoleState {
    return {
        now: NOW,
        connection: { status: ConnectionStatus.Connected, detail: '', attempt: 0, nextRetryAt: null },
        agent: {
            status: AgentStatus.Working,
            skillId: 'sk-1',
            skillName: 'Outbound Sales',
            unavailableCode: null,
            pending: null,
            since: NOW - 60_000
        },
        skills: [
            { id: 'sk-1', name: 'Outbound Sales', isPersonalConnection: true },
            { id: 'sk-2', name: 'Collections', isPersonalConnection: true },
            { id: 'sk-3', name: 'Inbound Support', isPersonalConnection: false }
        ],
        unavailableCodes: [
            { id: 'u-1', label: 'Break' },
            { id: 'u-2', label: 'Lunch' }
        ],
        dispositions: [
            { id: 'disp-1', label: 'Sale', outcome: Outcome.Sale, requiresNotes: false },
            { id: 'disp-2', label: 'Call back later', outcome: Outcome.Completed, requiresNotes: true }
        ],
        capabilities: {
            maxLines: 3,
            previewActions: [
                PreviewAction.Accept,
                PreviewAction.Requeue,
                PreviewAction.Reschedule,
                PreviewAction.Snooze,
                PreviewAction.Disposition
            ],
            machineOverrides: [MachineOverride.AnsweringMachine, MachineOverride.Fax, MachineOverride.BadNumber],
            attemptsHistory: true,
            transferKinds: [TransferTargetKind.Skill, TransferTargetKind.Agent, TransferTargetKind.Number],
            mute: true,
            hold: true,
            rescheduleDeliverTo: ['Me', 'Skill'],
            rescheduleTimeZone: true
        },
        settings: DEFAULT_SETTINGS,
        settingsProblems: [],
        agentPending: [],
        calls: [],
        preview: null,
        screenPop: null,
        routed: [],
        messages: [],
        marquee: null,
        errors: [],
        ...over
    };
}

/** The hostile text a contact name or Value field may carry; it must render as literal text. */
export const HOSTILE = '<img src=x onerror=alert(1)>';
