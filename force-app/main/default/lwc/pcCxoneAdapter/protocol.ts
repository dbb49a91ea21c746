/**
 * The CXone Agent API wire format, parsed at the trust boundary. Everything CXone sends is untrusted:
 * each reader here turns a raw JSON value into a typed record or returns a reason string, and never
 * throws. Key spelling of the raw events is unverified (PascalCase with `ContactID` or `ContactId`, or
 * camelCase), so fields are looked up case-insensitively.
 */
import { MachineOverride, Outcome, PreviewAction } from 'c/pcModel';
import type { Disposition, Skill, UnavailableCode } from 'c/pcModel';

/** A parse result: the value, or why the input was refused (no PII in the reason). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** A JSON object whose keys are read case-insensitively. */
export class Fields {
    private readonly map = new Map<string, unknown>();

    private constructor(source: Record<string, unknown>) {
        for (const [key, value] of Object.entries(source)) this.map.set(key.toLowerCase(), value);
    }

    /** Wraps a value when it is a plain JSON object. */
    static of(value: unknown): Fields | null {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
        return new Fields(value as Record<string, unknown>);
    }

    /** The raw value of the first key present. */
    raw(...keys: string[]): unknown {
        for (const key of keys) {
            const value = this.map.get(key.toLowerCase());
            if (value !== undefined && value !== null) return value;
        }
        return undefined;
    }

    /** A string (numbers are accepted and written as text, since ids come both ways). */
    str(...keys: string[]): string | null {
        const value = this.raw(...keys);
        if (typeof value === 'string') return value;
        if (typeof value === 'number' && Number.isFinite(value)) return String(value);
        return null;
    }

    /** A boolean; CXone sends both `true` and `"True"`. */
    bool(...keys: string[]): boolean | null {
        const value = this.raw(...keys);
        if (typeof value === 'boolean') return value;
        if (typeof value === 'string') {
            const lower = value.toLowerCase();
            if (lower === 'true') return true;
            if (lower === 'false') return false;
        }
        return null;
    }

    /** A finite number, also from a numeric string. */
    num(...keys: string[]): number | null {
        const value = this.raw(...keys);
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
        return null;
    }

    /** An ISO-8601 instant as epoch ms. */
    time(...keys: string[]): number | null {
        const value = this.str(...keys);
        if (value === null) return null;
        // A UTC stamp without a zone suffix is read as UTC, never as local time.
        const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) || !/T/.test(value) ? value : `${value}Z`;
        const ms = Date.parse(text);
        return Number.isFinite(ms) ? ms : null;
    }

    /** A nested object. */
    obj(...keys: string[]): Fields | null {
        return Fields.of(this.raw(...keys));
    }

    /** A nested array. */
    arr(...keys: string[]): readonly unknown[] | null {
        const value = this.raw(...keys);
        return Array.isArray(value) ? value : null;
    }

    /** Every key (lower case) with a string value; for calling-list fields. */
    strings(): Record<string, string> {
        const out: Record<string, string> = {};
        for (const [key, value] of this.map) {
            if (typeof value === 'string') out[key] = value;
            else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
        }
        return out;
    }
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/** A get-next-event response: the (possibly rotated) session id and the raw events. */
export interface PollBatch {
    readonly sessionId: string | null;
    readonly events: readonly unknown[];
}

/** Reads a get-next-event body. */
export function parsePollBatch(body: unknown): Parsed<PollBatch> {
    const fields = Fields.of(body);
    if (!fields) return fail('poll response is not an object');
    const events = fields.arr('events') ?? [];
    if (fields.raw('events') !== undefined && !fields.arr('events')) return fail('poll events is not an array');
    return ok({ sessionId: fields.str('sessionId'), events });
}

/** Reads `{ sessionId }` from a start or join response. */
export function parseSessionId(body: unknown): Parsed<string> {
    const id = Fields.of(body)?.str('sessionId');
    return id ? ok(id) : fail('session response carries no sessionId');
}

/** The rows of a list response, wherever the API nests them (`resultSet.x`, `x`, or a bare array). */
function rows(body: unknown, ...keys: string[]): readonly unknown[] | null {
    if (Array.isArray(body)) return body;
    const fields = Fields.of(body);
    if (!fields) return null;
    const direct = fields.arr(...keys);
    if (direct) return direct;
    const nested = fields.obj('resultSet');
    return nested ? nested.arr(...keys) : null;
}

/**
 * Reads the agent's skills. A skill is Personal Connection when its outbound strategy or flag says so; a row that
 * says nothing of either is offered too, unless it says the skill is not outbound (an inbound skill).
 */
export function parseSkills(body: unknown): Parsed<readonly Skill[]> {
    const list = rows(body, 'agentSkillAssignments', 'skills');
    if (!list) return fail('skills response has no list');
    const skills: Skill[] = [];
    for (const row of list) {
        const f = Fields.of(row);
        const id = f?.str('skillId', 'id');
        const name = f?.str('skillName', 'name');
        if (!f || !id || !name) return fail('skill row without id or name');
        if (f.bool('isSkillActive', 'isActive') === false) continue;
        const rawStrategy = f.str('outboundStrategy');
        const strategy = (rawStrategy ?? '').toLowerCase().replace(/\s+/g, '');
        const pcFlag = f.bool('isPersonalConnection', 'isNaturalCalling');
        // A row that says nothing either way is unknown, not "not PC": it is offered, and dialer-login
        // lets CXone decide (the notes do not say every row carries outboundStrategy). An inbound skill
        // (`isOutbound: false`) is never Personal Connection, whatever else the row leaves out.
        const inbound = f.bool('isOutbound') === false;
        const unknown = rawStrategy === null && pcFlag === null && !inbound;
        const pc = unknown || pcFlag === true || strategy === 'personalconnection' || strategy === 'naturalcalling';
        skills.push({ id, name, isPersonalConnection: pc });
    }
    return ok(skills);
}

/** Reads a team's unavailable codes. */
export function parseUnavailableCodes(body: unknown): Parsed<readonly UnavailableCode[]> {
    const list = rows(body, 'unavailableCodes', 'codes');
    if (!list) return fail('unavailable codes response has no list');
    const codes: UnavailableCode[] = [];
    for (const row of list) {
        const f = Fields.of(row);
        const id = f?.str('outStateId', 'unavailableCodeId', 'id');
        const label = f?.str('outStateDescription', 'unavailableCodeName', 'name', 'label');
        if (!f || !id || !label) return fail('unavailable code without id or label');
        if (f.bool('isActive') === false) continue;
        codes.push({ id, label });
    }
    return ok(codes);
}

/** CXone system outcome numbers (help page "System Outcomes") mapped to the model. */
const SYSTEM_OUTCOMES: Readonly<Record<number, Outcome>> = {
    0: Outcome.Live,
    1: Outcome.AnsweringMachine,
    3: Outcome.Fax,
    4: Outcome.Fax,
    5: Outcome.AnsweringMachine,
    33: Outcome.AnsweringMachine,
    101: Outcome.Rescheduled,
    102: Outcome.Refused,
    103: Outcome.WrongNumber,
    104: Outcome.WrongNumber,
    105: Outcome.Rescheduled,
    106: Outcome.DoNotCall
};

/** The model outcome of a CXone system outcome number, if known. */
export function systemOutcome(code: number | null): Outcome | null {
    return code === null ? null : (SYSTEM_OUTCOMES[code] ?? null);
}

/** Reads a skill's dispositions. */
export function parseDispositions(body: unknown): Parsed<readonly Disposition[]> {
    const list = rows(body, 'dispositions');
    if (!list) return fail('dispositions response has no list');
    const out: Disposition[] = [];
    for (const row of list) {
        const f = Fields.of(row);
        const id = f?.str('dispositionId', 'id');
        const label = f?.str('dispositionName', 'name', 'label');
        if (!f || !id || !label) return fail('disposition without id or name');
        if (f.bool('isActive') === false) continue;
        out.push({
            id,
            label,
            outcome: systemOutcome(f.num('systemOutcome', 'systemOutcomeId', 'outcome')) ?? Outcome.Completed,
            requiresNotes: f.bool('requireNotes', 'requiresNotes', 'isCommentRequired') === true
        });
    }
    return ok(out);
}

/** Which preview buttons and machine overrides a skill offers. */
export interface SkillOptions {
    readonly previewActions: readonly PreviewAction[];
    readonly machineOverrides: readonly MachineOverride[];
}

/** Reads a parameters document: flat, or nested one level under any key. */
function flag(body: unknown, key: string): boolean | null {
    const f = Fields.of(body);
    if (!f) return null;
    const direct = f.bool(key);
    if (direct !== null) return direct;
    const raw = body as Record<string, unknown>;
    for (const nested of Object.values(raw)) {
        const value = Fields.of(nested)?.bool(key);
        if (value !== null && value !== undefined) return value;
    }
    return null;
}

/** Reads delivery preferences (preview buttons); an absent flag counts as shown. */
export function parseDeliveryPreferences(body: unknown): readonly PreviewAction[] {
    const actions: PreviewAction[] = [PreviewAction.Accept];
    const pairs: [string, PreviewAction][] = [
        ['showPreviewButtonRequeue', PreviewAction.Requeue],
        ['showPreviewButtonReschedule', PreviewAction.Reschedule],
        ['showPreviewButtonSnooze', PreviewAction.Snooze],
        ['showPreviewButtonDisposition', PreviewAction.Disposition]
    ];
    for (const [key, action] of pairs) if (flag(body, key) !== false) actions.push(action);
    return actions;
}

/** Reads CPA management parameters (machine override buttons); an absent flag counts as shown. */
export function parseCpaOverrides(body: unknown): readonly MachineOverride[] {
    const out: MachineOverride[] = [];
    const pairs: [string, MachineOverride][] = [
        ['agentOverrideOptionAnsweringMachine', MachineOverride.AnsweringMachine],
        ['agentOverrideOptionFax', MachineOverride.Fax],
        ['agentOverrideOptionBadNumber', MachineOverride.BadNumber]
    ];
    for (const [key, kind] of pairs) if (flag(body, key) !== false) out.push(kind);
    return out;
}

/** The numeric `type` of `amd-override` (SDK enum: answeringMachine 0, faxMachine 1, badNumber 2). */
export const AMD_OVERRIDE_TYPE: Readonly<Record<MachineOverride, number>> = {
    AnsweringMachine: 0,
    Fax: 1,
    BadNumber: 2
};

/** One agent message as the messages endpoint lists it. */
export interface RawMessage {
    readonly id: string;
    readonly at: number | null;
    readonly text: string;
}

/** Reads the agent's messages. */
export function parseMessages(body: unknown): Parsed<readonly RawMessage[]> {
    const list = rows(body, 'messages', 'agentMessages');
    if (!list) return fail('messages response has no list');
    const out: RawMessage[] = [];
    for (const row of list) {
        const f = Fields.of(row);
        const id = f?.str('messageId', 'id');
        if (!f || !id) return fail('message without id');
        const subject = f.str('subject') ?? '';
        const text = f.str('message', 'body', 'text') ?? '';
        out.push({ id, at: f.time('startDate', 'createdDate', 'date'), text: htmlToText([subject, text].join(' ')) });
    }
    return ok(out);
}

/**
 * A number from CXone is a phone number as a dialer gives it: digits with an optional leading +, the separators
 * people and dialers write (spaces, dashes, dots, brackets), and perhaps an extension (`x12`, `ext. 12`, `#12`);
 * at most 20 digits before the extension and 40 characters in all. Anything else is not a number. Gives the
 * number as sent (trimmed), '' when there is none, or why it is refused, which never repeats the value.
 */
export function parsePhoneNumber(value: string | null): Parsed<string> {
    const text = (value ?? '').trim();
    if (!text) return ok('');
    const refused = fail<string>(`is not a phone number (${text.length} characters)`);
    if (text.length > 40) return refused;
    const match = /^(\+?[\d ().-]+?)(?: *(?:e?xt\.?|extension|x|#) *\d{1,6})?$/i.exec(text);
    const digits = match?.[1]?.replace(/\D/g, '').length ?? 0;
    return digits >= 1 && digits <= 20 ? ok(text) : refused;
}

/** Plain text of an HTML fragment, so CXone markup never reaches a template. */
export function htmlToText(html: string): string {
    return (
        html
            .replace(/<br\s*\/?>/gi, ' ')
            // `[^<>]`, not `[^>]`: a run of `<` with no `>` is then read once, not once per `<` (quadratic).
            .replace(/<[^<>]*>/g, ' ')
            .replace(/&nbsp;/g, ' ')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/\s+/g, ' ')
            .trim()
    );
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** Raw `Status` values of a CallContactEvent (SDK enum call-contact-event-status). */
export const RawCallStatus = {
    Masking: 'Masking',
    Holding: 'Holding',
    Active: 'Active',
    Disconnected: 'Disconnected',
    Dialing: 'Dialing',
    Incoming: 'Incoming',
    Joined: 'Joined',
    NaturalCallDialing: 'NaturalCallDialing',
    NaturalCallAMD: 'NaturalCallAMD',
    NaturalCallRinging: 'NaturalCallRinging',
    CallBackDisconnected: 'CallBackDisconnected'
} as const;
export type RawCallStatus = (typeof RawCallStatus)[keyof typeof RawCallStatus];
const RAW_STATUSES = new Set<string>(Object.values(RawCallStatus));

/** A calling-list record as the event carries it. */
export interface RawRecord {
    readonly id: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly timeZone: string | null;
    readonly salesforceId: string | null;
    readonly fields: Readonly<Record<string, string>>;
}

/** A validated CallContactEvent. */
export interface ContactEvent {
    readonly kind: 'contact';
    readonly contactId: string;
    readonly status: RawCallStatus;
    /** Epoch ms of the state change; orders events of one contact. */
    readonly changedAt: number;
    readonly startedAt: number;
    readonly callType: string;
    readonly isInbound: boolean;
    readonly isLinked: boolean;
    readonly requireManualAccept: boolean;
    readonly complianceRecord: boolean;
    readonly finalState: boolean;
    readonly skillId: string;
    readonly number: string;
    readonly disconnectCode: string | null;
    readonly previewTimeoutSeconds: number | null;
    readonly attemptsSoFar: number;
    readonly record: RawRecord;
    /** Why a field was left out as invalid (no PII), to report; the contact itself still stands. */
    readonly warning: string | null;
}

/** A validated AgentState event. */
export interface AgentStateEvent {
    readonly kind: 'agentState';
    readonly state: string;
    readonly outReason: string | null;
    readonly since: number | null;
}

/** A validated PromiseKeeper event: a scheduled callback is due. */
export interface PromiseKeeperEvent {
    readonly kind: 'promiseKeeper';
    readonly callbackId: string;
    readonly number: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly notes: string;
    readonly skillId: string;
    readonly dueAt: number;
    readonly targetIsAgent: boolean;
    /** Why a field was left out as invalid (no PII), to report; the callback itself still stands. */
    readonly warning: string | null;
}

/** Every event the adapter acts on; others are `ignored`. */
export type CxoneEvent =
    | ContactEvent
    | AgentStateEvent
    | PromiseKeeperEvent
    | {
          readonly kind: 'sessionStart';
          readonly agentId: string | null;
          readonly sessionId: string | null;
          /** Not among the notes' listed fields (an assumption): used for unavailable codes when present. */
          readonly teamId: string | null;
      }
    | { readonly kind: 'sessionEnd' }
    | { readonly kind: 'mute'; readonly muted: boolean }
    | { readonly kind: 'refreshSkills' }
    | { readonly kind: 'refreshMessages' }
    | { readonly kind: 'refreshCallbacks' }
    | { readonly kind: 'ignored'; readonly type: string };

/** Event types the adapter knows and deliberately leaves alone (other channels, UI hints). */
const IGNORED_TYPES = new Set(
    [
        'UpdatePermissions',
        'UpdateUnavailableCodes',
        'AgentLeg',
        'UpdateIndicators',
        'Indicator',
        'DigitalContactEvent',
        'RunApp',
        'PageOpen',
        'MchAgentSettingsChangeEvent',
        'PopURL',
        'CustomEvent',
        'VoiceMailContactEvent',
        'AgentAssist',
        'PromiseKeeperStatus',
        'VoiceMailPlayBackEvent',
        'NetworkOfflineEvent',
        'AgentWorkflowConfiguration',
        'WorkItemContactEvent',
        'NaturalCallingSkillList',
        'Conference',
        'HoursOfOperation',
        'AgentWorkflowCreatePayload',
        'SmartReachValidation'
    ].map((t) => t.toLowerCase())
);

/** Calling-list fields from `ScreenPopUrlVariables`: an object, or a query string. */
function screenPopFields(f: Fields): Record<string, string> {
    const raw = f.raw('screenPopUrlVariables', 'customData');
    const obj = Fields.of(raw);
    if (obj) return obj.strings();
    if (typeof raw === 'string' && raw.includes('=')) {
        const out: Record<string, string> = {};
        for (const [key, value] of new URLSearchParams(raw)) out[key.toLowerCase()] = value;
        return out;
    }
    return {};
}

/** Restores readable keys for the calling list's own fields (keys arrive lower-cased). */
function listFields(vars: Record<string, string>): Record<string, string> {
    const reserved = new Set(['firstname', 'lastname', 'timezone', 'salesforceid', 'externalid', 'attempts']);
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(vars)) {
        if (!reserved.has(key)) out[key] = htmlToText(value);
    }
    return out;
}

/** A zone the platform's Intl knows, else none: the console then uses the number's region or the agent's zone. */
function zoneOrNull(zone: string | null | undefined): string | null {
    if (!zone) return null;
    try {
        return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
        return null;
    }
}

/** A Salesforce record id (15 or 18 letters and digits), else none: the pop then finds the record by its fields. */
function salesforceIdOrNull(id: string | undefined): string | null {
    return id && /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id) ? id : null;
}

function parseContact(f: Fields): Parsed<ContactEvent> {
    const contactId = f.str('contactId');
    if (!contactId) return fail('CallContactEvent without ContactId');
    const status = f.str('status');
    if (!status || !RAW_STATUSES.has(status)) return fail(`CallContactEvent with unknown status ${status ?? '(none)'}`);
    const changedAt = f.time('lastStateChangeTimeUtc', 'lastStateChangeTime');
    if (changedAt === null) return fail('CallContactEvent without LastStateChangeTimeUTC');
    const vars = screenPopFields(f);
    const isInbound = f.bool('isInbound') === true;
    // A dialled number that is no phone number is left out, never the call: the agent still sees and handles it.
    const number = parsePhoneNumber(isInbound ? f.str('ani', 'dnis') : f.str('dnis', 'ani'));
    const recordId = f.str('externalId', 'externalCustomerId') ?? vars.externalid ?? contactId;
    return ok({
        kind: 'contact',
        contactId,
        status: status as RawCallStatus,
        changedAt,
        startedAt: f.time('startTimeUtc', 'startTime') ?? changedAt,
        callType: f.str('callType') ?? '',
        isInbound,
        isLinked: f.bool('isLinked') === true,
        requireManualAccept: f.bool('isRequireManualAccept') === true,
        complianceRecord: f.bool('complianceRecord') === true,
        finalState: f.bool('finalState') === true,
        skillId: f.str('skill', 'skillId') ?? '',
        number: number.ok ? number.value : '',
        disconnectCode: f.str('disconnectCode'),
        previewTimeoutSeconds: f.num('timeout'),
        attemptsSoFar: Number(vars.attempts ?? '0') || 0,
        record: {
            id: recordId,
            firstName: htmlToText(vars.firstname ?? ''),
            lastName: htmlToText(vars.lastname ?? ''),
            timeZone: zoneOrNull(vars.timezone ?? f.str('timeZones')),
            salesforceId: salesforceIdOrNull(vars.salesforceid),
            fields: listFields(vars)
        },
        warning: number.ok ? null : `CallContactEvent number ${number.reason}; the contact is shown without it`
    });
}

/** Parses one raw event. Unknown types and bad fields become a reason, never an exception. */
export function parseEvent(raw: unknown): Parsed<CxoneEvent> {
    const f = Fields.of(raw);
    if (!f) return fail('event is not an object');
    const type = f.str('type');
    if (!type) return fail('event without Type');
    switch (type.toLowerCase()) {
        case 'callcontactevent':
            return parseContact(f);
        case 'agentstate': {
            const state = f.str('currentState');
            if (!state) return fail('AgentState without CurrentState');
            const reason = f.str('currentOutReason');
            return ok({
                kind: 'agentState',
                state,
                outReason: reason && reason.trim() ? reason : null,
                since: f.time('startTimeUtc')
            });
        }
        case 'agentsessionstart':
            return ok({
                kind: 'sessionStart',
                agentId: f.str('agentId'),
                sessionId: f.str('sessionId'),
                teamId: f.str('teamId')
            });
        case 'agentsessionend':
        case 'remoteagentsessionend':
            return ok({ kind: 'sessionEnd' });
        case 'mute': {
            const muted = f.bool('isMuted', 'muted', 'mute');
            return muted === null ? fail('Mute event without a muted flag') : ok({ kind: 'mute', muted });
        }
        case 'updateskills':
        case 'updatedialercampaigns':
            return ok({ kind: 'refreshSkills' });
        case 'updatemessages':
            return ok({ kind: 'refreshMessages' });
        case 'updatecallbacks':
            return ok({ kind: 'refreshCallbacks' });
        case 'promisekeeper': {
            const callbackId = f.str('callbackId');
            const dueAt = f.time('callbackTime', 'deliveryTime');
            if (!callbackId || dueAt === null) return fail('PromiseKeeper without CallbackId or CallbackTime');
            const number = parsePhoneNumber(f.str('dialNumber', 'origNumber'));
            return ok({
                kind: 'promiseKeeper',
                callbackId,
                number: number.ok ? number.value : '',
                firstName: htmlToText(f.str('firstName') ?? ''),
                lastName: htmlToText(f.str('lastName') ?? ''),
                notes: htmlToText(f.str('notes') ?? ''),
                skillId: f.str('skillId') ?? '',
                dueAt,
                targetIsAgent: (f.str('targetType') ?? 'A').toUpperCase().startsWith('A'),
                warning: number.ok ? null : `PromiseKeeper number ${number.reason}; the callback is shown without it`
            });
        }
        default:
            if (IGNORED_TYPES.has(type.toLowerCase())) return ok({ kind: 'ignored', type });
            return fail(`unknown event type ${type.slice(0, 40)}`);
    }
}

/** The station fields of the session start (`stationId`, `stationPhoneNumber`). */
export interface StationFields {
    readonly stationId?: string;
    readonly stationPhoneNumber?: string;
}

/** What MAX's integrated softphone is started with (UNVERIFIED, see docs/cxone-setup.md). */
export const SOFTPHONE_STATION_NUMBER = 'WebRTC';

/**
 * Reads the station setting: `softphone` (any case), a phone number (digits, spaces, dashes, dots,
 * brackets, an optional leading +; 7 to 15 digits), or else a station id. Empty means none.
 */
export function parseStation(value: string): StationFields {
    const text = value.trim();
    if (!text) return {};
    if (text.toLowerCase() === 'softphone') return { stationPhoneNumber: SOFTPHONE_STATION_NUMBER };
    const digits = text.replace(/[\s().-]/g, '');
    if (/^\+?\d{7,15}$/.test(digits)) return { stationPhoneNumber: digits };
    return { stationId: text };
}
