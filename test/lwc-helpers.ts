/**
 * The one render / flush / query helper every component suite shares, plus a stub ConsoleApi that
 * holds a ConsoleState, lets a test publish new snapshots and records every command it receives.
 */
import { createElement } from 'lwc';
import {
    AgentStatus,
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
    ComplianceChoice,
    AgentDialRequest,
    Call,
    CallView,
    CallingRecord,
    CommandResult,
    ConsoleApi,
    ConsoleError,
    ConsoleState,
    Preview,
    PreviewState,
    RescheduleDraft,
    RescheduleValidation,
    ScreenPop,
    Unsubscribe
} from 'c/pcModel';

type ElementCtor = Parameters<typeof createElement>[1]['is'];

/** Creates `tag`, sets its properties, attaches it to the document and waits for the first render. */
export async function render<T extends HTMLElement>(
    tag: string,
    ctor: ElementCtor,
    props: Record<string, unknown> = {}
): Promise<T> {
    const el = createElement(tag, { is: ctor }) as unknown as T;
    Object.assign(el, props);
    document.body.appendChild(el);
    await flush();
    return el;
}

/** Lets pending promises, re-renders and zero-delay timers run. */
export async function flush(): Promise<void> {
    for (let i = 0; i < 3; i += 1) {
        await Promise.resolve();
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
}

/** Removes every rendered element; call in afterEach. */
export function cleanup(): void {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

function roots(root: Element | ShadowRoot | Document): (Element | ShadowRoot | Document)[] {
    const out: (Element | ShadowRoot | Document)[] = [root];
    const host = root as Element;
    if (host.shadowRoot) out.push(...roots(host.shadowRoot));
    for (const child of Array.from(root.querySelectorAll('*'))) {
        if (child.shadowRoot) out.push(...roots(child.shadowRoot));
    }
    return out;
}

/** Every element matching `selector` in `root` and in every shadow root below it. */
export function queryAll<T extends Element = HTMLElement>(
    root: Element | ShadowRoot | Document,
    selector: string
): T[] {
    const seen = new Set<Element>();
    for (const r of roots(root)) for (const el of Array.from(r.querySelectorAll(selector))) seen.add(el);
    return [...seen] as T[];
}

/** The first element matching `selector` anywhere below `root`, or null. */
export function query<T extends Element = HTMLElement>(
    root: Element | ShadowRoot | Document,
    selector: string
): T | null {
    return (queryAll<T>(root, selector)[0] as T | undefined) ?? null;
}

/** The element with `data-id="<id>"` anywhere below root, or null. */
export function byDataId<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, id: string): T | null {
    return query<T>(root, `[data-id="${id}"]`);
}

/** The text a counter (c-pc-counter, UB-4) shows inside the element with this data-id, through its shadow root. */
export function counterText(root: Element | ShadowRoot | Document, id: string): string {
    const host = byDataId(root, id);
    const counter = host
        ? (query(host.shadowRoot ?? host, 'c-pc-counter') ?? host.querySelector('c-pc-counter'))
        : null;
    return counter?.shadowRoot?.textContent?.trim() ?? '';
}

/** A stubbed base component or native control as the accessibility tree would name it. */
export function accessibleName(el: Element): string {
    const props = el as unknown as Record<string, unknown>;
    for (const key of ['label', 'alternativeText']) {
        const v = props[key];
        if (typeof v === 'string' && v) return v;
    }
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const text = (el.textContent ?? '').trim();
    if (text) return text;
    return el.getAttribute('title') ?? '';
}

const BUTTONS = 'button, lightning-button, lightning-button-icon, lightning-button-stateful, [role="button"]';

/** Every button (native or lightning stub) below root. */
export function allButtons(root: Element | ShadowRoot): HTMLElement[] {
    return queryAll<HTMLElement>(root, BUTTONS);
}

/** The button whose accessible name (label, alternative text, aria-label or text) is `name`, or null. */
export function findButton(root: Element | ShadowRoot, name: string): HTMLElement | null {
    return allButtons(root).find((b) => accessibleName(b) === name) ?? null;
}

/** The names of every button below root, in document order. */
export function buttonNames(root: Element | ShadowRoot): string[] {
    return allButtons(root).map(accessibleName);
}

/** The visible text of root, including every shadow root below it, with whitespace collapsed. */
export function textOf(root: Element | ShadowRoot): string {
    const chunks: string[] = [];
    const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) chunks.push(node.textContent ?? '');
        const el = node as Element;
        if (el.shadowRoot) walk(el.shadowRoot);
        for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(root);
    return chunks.join(' ').replace(/\s+/g, ' ').trim();
}

/** Clicks a button (stub or native) the way the agent does. */
export async function click(el: HTMLElement | null): Promise<void> {
    if (!el) throw new Error('nothing to click');
    el.click();
    await flush();
}

/** Fires a `change` (base components) with `detail.value`, and sets `value` like the real control. */
export async function change(el: HTMLElement | null, value: string, eventName = 'change'): Promise<void> {
    if (!el) throw new Error('no control to change');
    (el as unknown as { value: string }).value = value;
    el.dispatchEvent(new CustomEvent(eventName, { detail: { value }, bubbles: true, composed: true }));
    await flush();
}

/** Presses a key with modifiers on `target` (bubbling, like a real keydown). */
export async function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): Promise<void> {
    target.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init })
    );
    await flush();
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** Fixed "now" for fixtures: 2026-03-10 15:04:05 UTC. */
export const NOW = Date.UTC(2026, 2, 10, 15, 4, 5);

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

/** One recorded command: the ConsoleApi method and its arguments. */
export interface RecordedCall {
    readonly method: string;
    readonly args: readonly unknown[];
}

const OK: CommandResult = Object.freeze({ ok: true });

/**
 * A ConsoleApi fake: `publish` pushes a new snapshot to subscribers, `calls` records every command,
 * `results` sets what a command resolves with, and `hold(method)` keeps a command pending until `release`.
 */
export class StubConsoleApi implements ConsoleApi {
    state: ConsoleState;
    readonly calls: RecordedCall[] = [];
    readonly results = new Map<string, CommandResult | RescheduleValidation>();
    validation: RescheduleValidation | null = null;
    draft: RescheduleDraft | null = null;
    private readonly listeners = new Set<(s: ConsoleState) => void>();
    private readonly held = new Map<string, (() => void)[]>();
    private readonly holding = new Set<string>();

    constructor(state: ConsoleState = makeState()) {
        this.state = state;
    }

    /** Replaces the snapshot (merged over the current one) and tells subscribers. */
    publish(over: Partial<ConsoleState>): void {
        this.state = { ...this.state, ...over };
        for (const l of [...this.listeners]) l(this.state);
    }

    /** Number of live subscriptions. */
    get subscriberCount(): number {
        return this.listeners.size;
    }

    /** Calls of one method, in order. */
    callsOf(method: string): RecordedCall[] {
        return this.calls.filter((c) => c.method === method);
    }

    /** Keeps every later call of `method` pending until `release(method)`. */
    holdCommand(method: string): void {
        this.holding.add(method);
    }

    /** Resolves every held call of `method`. */
    release(method: string): void {
        this.holding.delete(method);
        for (const r of this.held.get(method) ?? []) r();
        this.held.delete(method);
    }

    private record<T>(method: string, args: unknown[], fallback: T): Promise<T> {
        this.calls.push({ method, args });
        const result = (this.results.get(method) as T | undefined) ?? fallback;
        if (!this.holding.has(method)) return Promise.resolve(result);
        return new Promise<T>((resolve) => {
            const list = this.held.get(method) ?? [];
            list.push(() => resolve(result));
            this.held.set(method, list);
        });
    }

    getState(): ConsoleState {
        return this.state;
    }
    subscribe(listener: (state: ConsoleState) => void): Unsubscribe {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }
    start(): Promise<CommandResult> {
        return this.record('start', [], OK);
    }
    stop(): Promise<void> {
        this.calls.push({ method: 'stop', args: [] });
        return Promise.resolve();
    }
    loginToSkill(skillId: string): Promise<CommandResult> {
        return this.record('loginToSkill', [skillId], OK);
    }
    logout(): Promise<CommandResult> {
        return this.record('logout', [], OK);
    }
    setAvailable(): Promise<CommandResult> {
        return this.record('setAvailable', [], OK);
    }
    setUnavailable(codeId: string): Promise<CommandResult> {
        return this.record('setUnavailable', [codeId], OK);
    }
    acceptPreview(): Promise<CommandResult> {
        return this.record('acceptPreview', [], OK);
    }
    requeuePreview(): Promise<CommandResult> {
        return this.record('requeuePreview', [], OK);
    }
    snoozePreview(): Promise<CommandResult> {
        return this.record('snoozePreview', [], OK);
    }
    setRescheduling(open: boolean): void {
        this.calls.push({ method: 'setRescheduling', args: [open] });
    }
    validateReschedule(draft: RescheduleDraft): RescheduleValidation {
        this.calls.push({ method: 'validateReschedule', args: [draft] });
        return this.validation ?? { ok: false, errors: [], warnings: [] };
    }
    reschedulePreview(
        draft: RescheduleDraft,
        choice?: ComplianceChoice
    ): Promise<RescheduleValidation | CommandResult> {
        const args = choice ? [draft, choice] : [draft];
        return this.record<RescheduleValidation | CommandResult>('reschedulePreview', args, OK);
    }
    confirmCompliance(errorId: string): Promise<CommandResult> {
        return this.record('confirmCompliance', [errorId], OK);
    }
    dispositionPreview(dispositionId: string, notes: string): Promise<CommandResult> {
        return this.record('dispositionPreview', [dispositionId, notes], OK);
    }
    retryPreview(): Promise<CommandResult> {
        return this.record('retryPreview', [], OK);
    }
    dial(request: AgentDialRequest): Promise<CommandResult> {
        return this.record('dial', [request], OK);
    }

    dropVoicemail(callId: string): Promise<CommandResult> {
        return this.record('dropVoicemail', [callId], OK);
    }

    overrideMachine(callId: string, kind: MachineOverride): Promise<CommandResult> {
        return this.record('overrideMachine', [callId, kind], OK);
    }
    hold(callId: string): Promise<CommandResult> {
        return this.record('hold', [callId], OK);
    }
    resume(callId: string): Promise<CommandResult> {
        return this.record('resume', [callId], OK);
    }
    mute(callId: string): Promise<CommandResult> {
        return this.record('mute', [callId], OK);
    }
    unmute(callId: string): Promise<CommandResult> {
        return this.record('unmute', [callId], OK);
    }
    endCall(callId: string): Promise<CommandResult> {
        return this.record('endCall', [callId], OK);
    }
    transfer(callId: string, target: { kind: TransferTargetKind; value: string }): Promise<CommandResult> {
        return this.record('transfer', [callId, target], OK);
    }
    saveDisposition(callId: string, dispositionId: string, notes: string): Promise<CommandResult> {
        return this.record('saveDisposition', [callId, dispositionId, notes], OK);
    }
    dismissMarquee(): void {
        this.calls.push({ method: 'dismissMarquee', args: [] });
    }
    dismissError(errorId: string): void {
        this.calls.push({ method: 'dismissError', args: [errorId] });
    }
    signIn(): Promise<CommandResult> {
        return this.record('signIn', [], OK);
    }
    rescheduleDraftFor(agentTimeZone: string): RescheduleDraft | null {
        this.calls.push({ method: 'rescheduleDraftFor', args: [agentTimeZone] });
        return this.draft;
    }
}

/** The hostile text a contact name or Value field may carry; it must render as literal text. */
export const HOSTILE = '<img src=x onerror=alert(1)>';
