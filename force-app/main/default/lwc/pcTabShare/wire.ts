/**
 * What tabs say to each other, and how it is kept free of personal data: mirrored events and snapshots
 * carry ids and states only (no names, phone numbers, notes or calling-list fields; a follower shows
 * lines and statuses and the leading tab the contact), and forwarded commands carry the port's own
 * method names with arguments checked against the port's types before the leader runs them.
 */
import { DIALER_EVENT_NAMES, DialerError } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventMap, DialerEventName, SessionInfo } from 'c/pcDialerPort';
import { ErrorCode, isDeliverTo, isMachineOverride, isTransferTargetKind, MessageKind } from 'c/pcModel';
import type { Call, CallingRecord, DialerCapabilities, Preview } from 'c/pcModel';

/** The commands a follower forwards: every method of the port that asks the dialer something. */
export type Commands = Pick<
    DialerAdapter,
    | 'listSkills'
    | 'listUnavailableCodes'
    | 'listDispositions'
    | 'loginToSkill'
    | 'logout'
    | 'setAvailable'
    | 'setUnavailable'
    | 'acceptPreview'
    | 'requeuePreview'
    | 'snoozePreview'
    | 'reschedulePreview'
    | 'dispositionPreview'
    | 'overrideMachine'
    | 'hold'
    | 'resume'
    | 'mute'
    | 'unmute'
    | 'endCall'
    | 'transfer'
    | 'disposition'
    | 'getAttemptsHistory'
>;
export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>;
export type CommandResult<K extends CommandName> = Awaited<ReturnType<Commands[K]>>;

/** A forwarded command, typed by method. */
export type CommandMessage = {
    [K in CommandName]: { readonly k: 'cmd'; readonly id: string; readonly method: K; readonly args: CommandArgs<K> };
}[CommandName];

/** What tabs post on the channel. */
export type TabMessage =
    | { readonly k: 'ev'; readonly type: DialerEventName; readonly event: unknown }
    | { readonly k: 'snap?' }
    | { readonly k: 'snap'; readonly info: SessionInfo; readonly caps: DialerCapabilities }
    | CommandMessage
    | {
          readonly k: 'res';
          readonly id: string;
          readonly to: string;
          readonly ok: boolean;
          readonly value?: unknown;
          readonly error?: { readonly code: ErrorCode; readonly message: string; readonly retryable: boolean };
      };

type Raw = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length <= 256;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An id, a disposition id and notes. */
function idCodeNotes(a: readonly unknown[]): [string, string, string] | null {
    const [id, code, notes] = a;
    if (!str(id) || !str(code) || typeof notes !== 'string' || notes.length > 32_000) return null;
    return [id, code, notes];
}

/**
 * Checks a forwarded command's arguments against the port's types; null when they do not fit. A map
 * keyed by the port's method names, so a new port method is a compile error until it is listed here.
 */
const ARGUMENTS: { readonly [K in CommandName]: (args: readonly unknown[]) => CommandArgs<K> | null } = {
    listSkills: (a) => (a.length === 0 ? [] : null),
    listUnavailableCodes: (a) => (a.length === 0 ? [] : null),
    listDispositions: (a) => (str(a[0]) ? [a[0]] : null),
    loginToSkill: (a) => (str(a[0]) ? [a[0]] : null),
    logout: (a) => (a.length === 0 ? [] : null),
    setAvailable: (a) => (a.length === 0 ? [] : null),
    setUnavailable: (a) => (str(a[0]) ? [a[0]] : null),
    acceptPreview: (a) => (str(a[0]) ? [a[0]] : null),
    requeuePreview: (a) => (str(a[0]) ? [a[0]] : null),
    snoozePreview: (a) => (str(a[0]) ? [a[0]] : null),
    reschedulePreview: (a) => {
        const r = a[1];
        if (!str(a[0]) || !isObject(r)) return null;
        if (!str(r.number) || !isDeliverTo(r.deliverTo) || !finite(r.at) || !str(r.timeZone)) return null;
        if (typeof r.notes !== 'string' || r.notes.length > 32_000) return null;
        return [a[0], { number: r.number, deliverTo: r.deliverTo, at: r.at, timeZone: r.timeZone, notes: r.notes }];
    },
    dispositionPreview: idCodeNotes,
    overrideMachine: (a) => (str(a[0]) && isMachineOverride(a[1]) ? [a[0], a[1]] : null),
    hold: (a) => (str(a[0]) ? [a[0]] : null),
    resume: (a) => (str(a[0]) ? [a[0]] : null),
    mute: (a) => (str(a[0]) ? [a[0]] : null),
    unmute: (a) => (str(a[0]) ? [a[0]] : null),
    endCall: (a) => (str(a[0]) ? [a[0]] : null),
    transfer: (a) => {
        const t = a[1];
        if (!str(a[0]) || !isObject(t) || !isTransferTargetKind(t.kind) || !str(t.value)) return null;
        return [a[0], { kind: t.kind, value: t.value }];
    },
    disposition: idCodeNotes,
    getAttemptsHistory: (a) => (str(a[0]) ? [a[0]] : null)
};

/** A forwarded command read from the channel: the method is one of the port's, its arguments fit. */
export function parseCommand(data: Raw): CommandMessage | null {
    const method = data.method;
    if (!str(data.id) || !str(method) || !Object.prototype.hasOwnProperty.call(ARGUMENTS, method)) return null;
    if (!Array.isArray(data.args)) return null;
    const name = method as CommandName;
    const args = ARGUMENTS[name](data.args as unknown[]);
    return args ? ({ k: 'cmd', id: data.id, method: name, args } as CommandMessage) : null;
}

/** The record as a follower sees it: its ids only. */
function bareRecord(record: CallingRecord): CallingRecord {
    return {
        id: record.id,
        firstName: '',
        lastName: '',
        timeZone: null,
        salesforceId: record.salesforceId,
        fields: {}
    };
}

/** A call without its contact: line, status, times and outcome. */
export function bareCall(call: Call): Call {
    return { ...call, record: bareRecord(call.record), number: '' };
}

/** A preview without its contact: ids, actions and timeout. */
export function barePreview(preview: Preview): Preview {
    return { ...preview, record: bareRecord(preview.record), number: '' };
}

/**
 * An event as it may cross the channel, or null when it stays in the leading tab (it is about the
 * contact only: Attempts History, a callback's details).
 */
export function bareEvent<K extends DialerEventName>(type: K, event: DialerEventMap[K]): unknown {
    switch (type) {
        case 'callUpdated':
            return bareCall(event as Call);
        case 'previewOffered':
            return barePreview(event as Preview);
        case 'callRouted':
            return { callId: (event as DialerEventMap['callRouted']).callId, contactName: '' };
        case 'agentMessage': {
            const m = event as DialerEventMap['agentMessage'];
            // Callback and routed notices name the contact; supervisor messages are the team's own text.
            const personal = m.kind === MessageKind.Callback || m.kind === MessageKind.Routed;
            return { id: m.id, kind: m.kind, at: m.at, text: personal ? '' : m.text, number: null };
        }
        case 'callbackDue':
        case 'attemptsUpdated':
            return null;
        case 'error': {
            const e = event as DialerError;
            return { code: e.code, message: e.message, retryable: e.retryable };
        }
        default:
            return event;
    }
}

/** A session snapshot as it may cross the channel. */
export function bareSession(info: SessionInfo): SessionInfo {
    return {
        ...info,
        calls: info.calls.map(bareCall),
        preview: info.preview ? barePreview(info.preview) : null
    };
}

/** Whether a name read from the channel is one of the port's events. */
export function isEventName(value: unknown): value is DialerEventName {
    return typeof value === 'string' && (DIALER_EVENT_NAMES as readonly string[]).includes(value);
}

/** Whether a mirrored event has the one shape every event shares: an object (the leader built it). */
export function isEventPayload(value: unknown): value is Raw {
    return isObject(value) || Array.isArray(value);
}

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Whether a code read from another tab is one the console has a message for. */
function isErrorCode(value: unknown): value is ErrorCode {
    return typeof value === 'string' && ERROR_CODES.has(value);
}

/** A DialerError read back from a reply or a mirrored error; a code the console does not know reads as Unknown. */
export function errorFrom(value: unknown): DialerError {
    const e = isObject(value) ? value : {};
    const code = isErrorCode(e.code) ? e.code : ErrorCode.Unknown;
    return new DialerError(code, str(e.message) ? e.message : 'failed', e.retryable === true);
}
