/**
 * The SalesforceGateway over Apex: the one module that imports `@salesforce/apex/*`. Every Apex method it calls is
 * declared once in APEX_METHODS with its parameter names (scripts/check-apex-imports.mjs proves them against the
 * Apex source); every result is validated into model types, and every failure becomes a GatewayError whose message
 * carries no personal data.
 */
import apexGetSettings from '@salesforce/apex/PersonalConnectionController.getSettings';
import apexFindContact from '@salesforce/apex/PersonalConnectionController.findContact';
import apexGetContactHistory from '@salesforce/apex/PersonalConnectionController.getContactHistory';
import apexLogAttempt from '@salesforce/apex/PersonalConnectionController.logAttempt';
import apexGetCallingListContacts from '@salesforce/apex/PersonalConnectionController.getCallingListContacts';
import apexCollectSignIn from '@salesforce/apex/PersonalConnectionController.collectSignIn';
import { ErrorCode, isOutcome } from 'c/pcModel';
import type { AttemptLog, CallingListContact, ContactInfo, Interaction, LogResult } from 'c/pcModel';
import { GatewayError } from 'c/pcSalesforcePort';
import type { ContactQuery, RawSettings, SalesforceGateway, SignInCollected } from 'c/pcSalesforcePort';

/** Parameter types of each Apex method, keyed by the Apex parameter names. */
export interface ApexParams {
    readonly getSettings: Readonly<Record<never, never>>;
    readonly findContact: {
        readonly salesforceId: string | null;
        readonly dialerRecordId: string | null;
        readonly phone: string | null;
        readonly fields: readonly string[];
    };
    readonly getContactHistory: { readonly contactId: string; readonly maxRows: number };
    readonly logAttempt: {
        readonly dialerContactId: string;
        readonly contactId: string | null;
        readonly recordId: string;
        readonly phone: string;
        readonly direction: string;
        readonly outcome: string;
        readonly dispositionLabel: string | null;
        readonly durationSeconds: number;
        readonly notes: string;
        readonly endedAt: number;
    };
    readonly getCallingListContacts: Readonly<Record<never, never>>;
    readonly collectSignIn: { readonly state: string };
}

/** Each Apex method the console calls: the imported function and its parameter names in Apex order. */
export const APEX_METHODS = {
    getSettings: { apex: apexGetSettings, params: [] },
    findContact: { apex: apexFindContact, params: ['salesforceId', 'dialerRecordId', 'phone', 'fields'] },
    getContactHistory: { apex: apexGetContactHistory, params: ['contactId', 'maxRows'] },
    logAttempt: {
        apex: apexLogAttempt,
        params: [
            'dialerContactId',
            'contactId',
            'recordId',
            'phone',
            'direction',
            'outcome',
            'dispositionLabel',
            'durationSeconds',
            'notes',
            'endedAt'
        ]
    },
    getCallingListContacts: { apex: apexGetCallingListContacts, params: [] },
    collectSignIn: { apex: apexCollectSignIn, params: ['state'] }
} as const;

/** The Apex methods by their name in APEX_METHODS. */
export type ApexMethodName = keyof typeof APEX_METHODS;

// Fails to compile when a parameter name list and its typed parameters disagree.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type NamesOf<M extends ApexMethodName> = Record<(typeof APEX_METHODS)[M]['params'][number], unknown>;
type AllTrue<T extends { readonly [M in ApexMethodName]: true }> = T;
type _SignaturesAgree = AllTrue<{ readonly [M in ApexMethodName]: SameKeys<NamesOf<M>, ApexParams[M]> }>;

/** How many earlier interactions Contact History shows by default. */
export const DEFAULT_HISTORY_ROWS = 20;

/** Choices for the Apex gateway. */
export interface ApexGatewayOptions {
    /** Rows of Contact History to read (1 to 100). */
    readonly historyRows?: number;
}

const CONTACT_ID = /^003[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const TASK_ID = /^00T[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const RECORD_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** The SalesforceGateway that calls PersonalConnectionController. */
export class ApexGateway implements SalesforceGateway {
    private readonly historyRows: number;

    constructor(options: ApexGatewayOptions = {}) {
        this.historyRows = options.historyRows ?? DEFAULT_HISTORY_ROWS;
    }

    /** The stored settings (AD-2): a plain object the service parses; `problems` lists what Apex already replaced. */
    async getSettings(): Promise<RawSettings> {
        const raw = await call('getSettings', {});
        return parseRawSettings(raw);
    }

    /** The contact behind a dialer record, or null. */
    async findContact(query: ContactQuery): Promise<ContactInfo | null> {
        const raw = await call('findContact', {
            salesforceId: query.salesforceId,
            dialerRecordId: query.dialerRecordId,
            phone: query.phone,
            fields: [...query.fields]
        });
        return parseContactInfo(raw, query.fields);
    }

    /** Earlier interactions with the contact, newest first. */
    async getContactHistory(contactId: string): Promise<readonly Interaction[]> {
        const raw = await call('getContactHistory', { contactId, maxRows: this.historyRows });
        return parseInteractions(raw);
    }

    /** Logs the attempt once per dialerContactId (BX-1); a repeat resolves with created = false. */
    async logAttempt(log: AttemptLog): Promise<LogResult> {
        const raw = await call('logAttempt', {
            dialerContactId: log.dialerContactId,
            contactId: log.contactId,
            recordId: log.recordId,
            phone: log.number,
            direction: log.direction,
            outcome: log.outcome,
            dispositionLabel: log.dispositionLabel,
            // Apex takes whole seconds; a fractional duration would fail deserialisation.
            durationSeconds: Math.max(0, Math.round(log.durationSeconds)),
            notes: log.notes,
            endedAt: log.endedAt
        });
        return parseLogResult(raw);
    }

    /** The Contacts marked for the simulated dialer (a dialer record id set), for the org's demo calling list. */
    async getCallingListContacts(): Promise<readonly CallingListContact[]> {
        return parseCallingListContacts(await call('getCallingListContacts', {}));
    }

    /** The CXone sign-in answer saved under this state, handed out once (BX-11). */
    async collectSignIn(state: string): Promise<SignInCollected> {
        return parseSignInCollected(await call('collectSignIn', { state }));
    }
}

/** Builds the gateway an org's composition root hands to the service. */
export function createApexGateway(options: ApexGatewayOptions = {}): SalesforceGateway {
    return new ApexGateway(options);
}

async function call<M extends ApexMethodName>(name: M, params: ApexParams[M]): Promise<unknown> {
    try {
        return await APEX_METHODS[name].apex(params as unknown as Record<string, unknown>);
    } catch (error) {
        throw toGatewayError(error);
    }
}

// ---------------------------------------------------------------------------------------------
// Results: untrusted until parsed
// ---------------------------------------------------------------------------------------------

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function protocol(what: string): GatewayError {
    return new GatewayError(ErrorCode.Protocol, `Apex returned an unexpected ${what}`);
}

function text(record: Json, key: string, what: string): string {
    const value = record[key];
    if (typeof value !== 'string') throw protocol(`${what}.${key}`);
    return value;
}

// Apex leaves null properties out of its JSON, so absent and null mean the same.
function optionalText(record: Json, key: string, what: string): string | null {
    const value = record[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw protocol(`${what}.${key}`);
    return value;
}

/** Checks the settings result is a plain object; the service validates its values (AD-3). */
export function parseRawSettings(raw: unknown): RawSettings {
    if (!isRecord(raw)) throw protocol('settings result');
    return raw;
}

/** Validates a findContact result into ContactInfo, keeping exactly the requested fields. */
export function parseContactInfo(raw: unknown, requested: readonly string[]): ContactInfo | null {
    if (raw === null || raw === undefined) return null;
    if (!isRecord(raw)) throw protocol('contact');
    const id = text(raw, 'id', 'contact');
    if (!CONTACT_ID.test(id)) throw protocol('contact.id');
    const rawFields = raw.fields === undefined || raw.fields === null ? {} : raw.fields;
    if (!isRecord(rawFields)) throw protocol('contact.fields');
    const fields: Record<string, string | null> = {};
    for (const key of requested) fields[key] = optionalText(rawFields, key, 'contact.fields');
    return {
        id,
        name: text(raw, 'name', 'contact'),
        phone: optionalText(raw, 'phone', 'contact'),
        email: optionalText(raw, 'email', 'contact'),
        accountName: optionalText(raw, 'accountName', 'contact'),
        title: optionalText(raw, 'title', 'contact'),
        mailingCity: optionalText(raw, 'mailingCity', 'contact'),
        fields
    };
}

/** Validates a getContactHistory result into interactions, keeping Apex's newest-first order. */
export function parseInteractions(raw: unknown): readonly Interaction[] {
    if (!Array.isArray(raw)) throw protocol('history result');
    return raw.map((item: unknown): Interaction => {
        if (!isRecord(item)) throw protocol('interaction');
        const id = text(item, 'id', 'interaction');
        if (!RECORD_ID.test(id)) throw protocol('interaction.id');
        const at = item.at;
        if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) throw protocol('interaction.at');
        return {
            id,
            at,
            subject: text(item, 'subject', 'interaction'),
            type: text(item, 'type', 'interaction'),
            outcome: optionalText(item, 'outcome', 'interaction'),
            notes: optionalText(item, 'notes', 'interaction'),
            attempt: parseLoggedAttempt(item)
        };
    });
}

/** A Task this console logged (BX-1) carries the number dialled and a known outcome; anything else is no attempt. */
function parseLoggedAttempt(item: Json): Interaction['attempt'] {
    const number = optionalText(item, 'number', 'interaction');
    const outcome = optionalText(item, 'attemptOutcome', 'interaction');
    if (!number || !outcome || !isOutcome(outcome)) return null;
    return { number, outcome };
}

/** Validates a logAttempt result. */
export function parseLogResult(raw: unknown): LogResult {
    if (!isRecord(raw)) throw protocol('log result');
    if (typeof raw.created !== 'boolean') throw protocol('log result.created');
    // "Already logged" by a concurrent request whose Task this user cannot see yet comes without a Task id.
    const taskId = raw.created ? text(raw, 'taskId', 'log result') : optionalText(raw, 'taskId', 'log result');
    if (taskId !== null && !TASK_ID.test(taskId)) throw protocol('log result.taskId');
    return { taskId, created: raw.created };
}

/** Validates a getCallingListContacts result: only well-formed Contacts with an id, a record id and numbers. */
export function parseCallingListContacts(raw: unknown): readonly CallingListContact[] {
    if (!Array.isArray(raw)) throw protocol('calling list result');
    return raw.map((item: unknown): CallingListContact => {
        if (!isRecord(item)) throw protocol('calling list contact');
        const id = text(item, 'id', 'calling list contact');
        if (!CONTACT_ID.test(id)) throw protocol('calling list contact.id');
        const phones = item.phones;
        if (!Array.isArray(phones)) throw protocol('calling list contact.phones');
        return {
            id,
            dialerRecordId: text(item, 'dialerRecordId', 'calling list contact'),
            firstName: optionalText(item, 'firstName', 'calling list contact') ?? '',
            lastName: text(item, 'lastName', 'calling list contact'),
            accountName: optionalText(item, 'accountName', 'calling list contact'),
            email: optionalText(item, 'email', 'calling list contact'),
            phones: phones.map((phone: unknown) => {
                if (!isRecord(phone)) throw protocol('calling list contact.phone');
                return { field: text(phone, 'field', 'phone'), number: text(phone, 'number', 'phone') };
            })
        };
    });
}

// ---------------------------------------------------------------------------------------------
// Errors: the shapes Lightning gives an Apex failure, reduced to a code
// ---------------------------------------------------------------------------------------------

const PERMISSION_STATUS = /^INSUFFICIENT_ACCESS|^FIELD_NOT_UPDATABLE$|^INVALID_FIELD_FOR_INSERT_UPDATE$/;

/**
 * Maps a failed Apex call to a GatewayError. The controller's own failures carry a JSON body {code, detail};
 * anything else is classified by HTTP status, status code or exception type only, because a platform message can
 * quote record values.
 */
export function toGatewayError(error: unknown): GatewayError {
    if (error instanceof GatewayError) return error;
    if (!isRecord(error)) return new GatewayError(ErrorCode.Unknown, 'Apex call failed without an error object');
    const status = typeof error.status === 'number' ? error.status : null;
    const body = Array.isArray(error.body) ? error.body[0] : error.body;
    if (isRecord(body)) {
        const own = ownFailure(body.message);
        if (own) return own;
        const statusCode = firstStatusCode(body);
        if (statusCode && PERMISSION_STATUS.test(statusCode)) {
            return new GatewayError(ErrorCode.Permission, `Salesforce refused the save (${statusCode})`);
        }
        if (body.exceptionType === 'System.NoAccessException') {
            return new GatewayError(ErrorCode.Permission, 'No access (System.NoAccessException)');
        }
        if (typeof body.message === 'string' && /do not have access to the Apex class/i.test(body.message)) {
            return new GatewayError(ErrorCode.Permission, 'No access to the PersonalConnectionController Apex class');
        }
        if (typeof body.message === 'string' && /^Disconnected or Canceled$/i.test(body.message)) {
            return new GatewayError(ErrorCode.Network, 'The request to Salesforce was disconnected or canceled');
        }
        if (statusCode) return new GatewayError(ErrorCode.Rejected, `Salesforce refused the request (${statusCode})`);
    }
    if (status === 0) return new GatewayError(ErrorCode.Network, 'Salesforce could not be reached');
    if (status === 401) return new GatewayError(ErrorCode.Unauthorized, 'The Salesforce session has expired');
    if (status === 403) return new GatewayError(ErrorCode.Permission, 'Salesforce refused access (403)');
    if (status === 404) return new GatewayError(ErrorCode.NotFound, 'Salesforce found no such resource (404)');
    const kind = isRecord(body) && typeof body.exceptionType === 'string' ? body.exceptionType : null;
    const name = error instanceof Error ? error.name : null;
    return new GatewayError(
        ErrorCode.Unknown,
        `Apex call failed (${kind ?? name ?? (status === null ? 'no status' : `status ${status}`)})`
    );
}

function ownFailure(message: unknown): GatewayError | null {
    if (typeof message !== 'string' || !message.startsWith('{')) return null;
    let parsed: unknown;
    try {
        parsed = JSON.parse(message);
    } catch {
        return null;
    }
    if (!isRecord(parsed) || typeof parsed.code !== 'string' || !ERROR_CODES.has(parsed.code)) return null;
    const detail = typeof parsed.detail === 'string' ? parsed.detail : '';
    return new GatewayError(parsed.code as ErrorCode, detail);
}

function firstStatusCode(body: Json): string | null {
    const pageErrors = body.pageErrors;
    if (Array.isArray(pageErrors)) {
        for (const entry of pageErrors) {
            if (isRecord(entry) && typeof entry.statusCode === 'string') return entry.statusCode;
        }
    }
    const fieldErrors = body.fieldErrors;
    if (isRecord(fieldErrors)) {
        for (const list of Object.values(fieldErrors)) {
            if (!Array.isArray(list)) continue;
            for (const entry of list) {
                if (isRecord(entry) && typeof entry.statusCode === 'string') return entry.statusCode;
            }
        }
    }
    return typeof body.statusCode === 'string' ? body.statusCode : null;
}

/** An authorization code as OAuth servers issue them: URL-safe text of bounded length (as the sign-in page checks). */
const SIGN_IN_CODE = /^[A-Za-z0-9._~+/=-]{1,4096}$/;
/** An OAuth error code (RFC 6749 §4.1.2.1). */
const SIGN_IN_ERROR = /^[a-z_]{1,64}$/;

/** Validates collectSignIn's answer; anything unexpected is a Protocol failure, never a code. */
export function parseSignInCollected(raw: unknown): SignInCollected {
    if (typeof raw !== 'object' || raw === null) throw new GatewayError('Protocol', 'collectSignIn answered no object');
    const record = raw as Readonly<Record<string, unknown>>;
    switch (record.status) {
        case 'pending':
            return { status: 'pending' };
        case 'expired':
            return { status: 'expired' };
        case 'code':
            if (typeof record.code === 'string' && SIGN_IN_CODE.test(record.code)) {
                return { status: 'code', code: record.code };
            }
            break;
        case 'error':
            return {
                status: 'error',
                error: typeof record.error === 'string' && SIGN_IN_ERROR.test(record.error) ? record.error : 'error'
            };
        default:
            break;
    }
    throw new GatewayError('Protocol', 'collectSignIn answered an unknown shape');
}
