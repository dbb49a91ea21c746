/**
 * An in-memory SalesforceGateway: the local console's Salesforce, and the tests'. It behaves as the Apex
 * gateway promises to (lookup order, newest-first history, one Task per dialerContactId), and lets tests
 * inject latency and failures and read the Tasks it logged.
 */
import type { Clock } from 'c/pcDialerPort';
import type {
    AttemptLog,
    CallingListContact,
    CallingRecord,
    ContactInfo,
    ErrorCode,
    Instant,
    Interaction,
    LogResult
} from 'c/pcModel';
import { recordName } from 'c/pcModel';
import type { ContactQuery, RawSettings, SalesforceGateway, SignInCollected } from 'c/pcSalesforcePort';
import { GatewayError } from 'c/pcSalesforcePort';

/** A contact as stored: what the screen pop shows, plus the dialer's external id. */
export interface MemoryContact extends ContactInfo {
    /** The calling-list record id stored on the contact (an external-id field). */
    readonly dialerRecordId: string | null;
}

/** An earlier interaction, with the contact it belongs to. */
export interface MemoryInteraction extends Interaction {
    readonly contactId: string;
}

/** A Task the gateway logged for an attempt (BX-1). */
export interface LoggedTask {
    readonly taskId: string;
    readonly log: AttemptLog;
}

/** The gateway's methods, for injected failures and call counts. */
export type GatewayMethod =
    'getSettings' | 'findContact' | 'getContactHistory' | 'logAttempt' | 'getCallingListContacts' | 'collectSignIn';

/** What the in-memory gateway starts with. */
export interface InMemoryGatewayOptions {
    readonly contacts?: readonly MemoryContact[];
    readonly interactions?: readonly MemoryInteraction[];
    readonly settings?: RawSettings;
    /** Delay before each answer; needs `clock` (a virtual clock in tests). */
    readonly latencyMs?: number;
    readonly clock?: Clock;
}

const STANDARD_FIELDS: Readonly<Record<string, (c: ContactInfo) => string | null>> = {
    Id: (c) => c.id,
    Name: (c) => c.name,
    Phone: (c) => c.phone,
    Email: (c) => c.email,
    Title: (c) => c.title,
    MailingCity: (c) => c.mailingCity,
    'Account.Name': (c) => c.accountName
};

function digits(phone: string | null): string {
    return (phone ?? '').replace(/\D/g, '');
}

/** The in-memory Salesforce: contacts, interactions, settings and the Tasks logged. */
export class InMemorySalesforceGateway implements SalesforceGateway {
    private readonly contacts: MemoryContact[];
    private readonly interactions: MemoryInteraction[];
    private readonly settings: RawSettings;
    private readonly tasksByKey = new Map<string, LoggedTask>();
    /**
     * Lookups kept by key, as an org's indexes: over a shift the simulated org logs hundreds of Tasks, and a scan of
     * all of them for each screen pop ran in the same task as the pop.
     */
    private readonly tasksByContact = new Map<string, LoggedTask[]>();
    private readonly interactionsByContact = new Map<string, MemoryInteraction[]>();
    private readonly contactsById = new Map<string, MemoryContact>();
    private readonly contactsByRecordId = new Map<string, MemoryContact>();
    private readonly contactsByDigits = new Map<string, MemoryContact>();
    private readonly failures: Array<{ method: GatewayMethod; code: ErrorCode }> = [];
    private readonly counts: Record<GatewayMethod, number> = {
        getSettings: 0,
        findContact: 0,
        getContactHistory: 0,
        logAttempt: 0,
        getCallingListContacts: 0,
        collectSignIn: 0
    };
    private readonly signIns = new Map<string, { readonly code: string } | { readonly error: string }>();
    private latencyMs: number;
    private readonly clock: Clock | null;
    private nextTask = 1;

    constructor(options: InMemoryGatewayOptions = {}) {
        this.contacts = [...(options.contacts ?? [])];
        this.interactions = [];
        for (const interaction of options.interactions ?? []) this.addInteraction(interaction);
        // The first contact with a key wins, as a scan in order would find it.
        for (const c of this.contacts) {
            if (!this.contactsById.has(c.id)) this.contactsById.set(c.id, c);
            if (c.dialerRecordId !== null && !this.contactsByRecordId.has(c.dialerRecordId)) {
                this.contactsByRecordId.set(c.dialerRecordId, c);
            }
            const phone = digits(c.phone);
            if (phone && !this.contactsByDigits.has(phone)) this.contactsByDigits.set(phone, c);
        }
        this.settings = options.settings ?? {};
        this.latencyMs = options.latencyMs ?? 0;
        this.clock = options.clock ?? null;
    }

    /** The admin settings as stored (AD-2), unparsed. */
    async getSettings(): Promise<RawSettings> {
        await this.enter('getSettings');
        return this.settings;
    }

    /** Finds by Salesforce id, then by the dialer's record id, then by phone digits. */
    async findContact(query: ContactQuery): Promise<ContactInfo | null> {
        await this.enter('findContact');
        const wanted = digits(query.phone);
        const found =
            (query.salesforceId ? this.contactsById.get(query.salesforceId) : undefined) ??
            (query.dialerRecordId !== null ? this.contactsByRecordId.get(query.dialerRecordId) : undefined) ??
            (wanted ? this.contactsByDigits.get(wanted) : undefined);
        if (!found) return null;
        const fields: Record<string, string | null> = {};
        for (const name of query.fields) {
            const standard = STANDARD_FIELDS[name];
            fields[name] = standard ? standard(found) : (found.fields[name] ?? null);
        }
        const { dialerRecordId: _ignored, ...info } = found;
        return { ...info, fields };
    }

    /** Earlier interactions, newest first. */
    async getContactHistory(contactId: string): Promise<readonly Interaction[]> {
        await this.enter('getContactHistory');
        // As in Salesforce, the Tasks logged for attempts are part of the history the moment they are logged.
        const logged = (this.tasksByContact.get(contactId) ?? []).map((t): MemoryInteraction => ({
            id: t.taskId,
            contactId,
            at: t.log.endedAt,
            subject: `Call: ${t.log.dispositionLabel ?? t.log.outcome}`,
            type: 'Call',
            outcome: t.log.outcome,
            notes: t.log.notes || null,
            attempt: { number: t.log.number, outcome: t.log.outcome }
        }));
        return [...(this.interactionsByContact.get(contactId) ?? []), ...logged]
            .sort((a, b) => b.at - a.at)
            .map(({ contactId: _owner, ...interaction }) => interaction);
    }

    /**
     * The contacts with a dialer record id and a phone, by that id, as Apex returns them: the simulated dialer's
     * calling list in a console built on this gateway (the org demo, locally).
     */
    async getCallingListContacts(): Promise<readonly CallingListContact[]> {
        await this.enter('getCallingListContacts');
        return this.contacts
            .filter((c): c is MemoryContact & { dialerRecordId: string } => !!c.dialerRecordId && !!c.phone)
            .sort((a, b) => (a.dialerRecordId < b.dialerRecordId ? -1 : a.dialerRecordId > b.dialerRecordId ? 1 : 0))
            .map((c) => {
                const space = c.name.indexOf(' ');
                return {
                    id: c.id,
                    dialerRecordId: c.dialerRecordId,
                    firstName: space > 0 ? c.name.slice(0, space) : '',
                    lastName: space > 0 ? c.name.slice(space + 1) : c.name,
                    accountName: c.accountName,
                    phones: [{ field: 'Phone', number: c.phone ?? '' }],
                    email: c.email
                };
            });
    }

    /** Logs the attempt as a Task once per dialerContactId; a repeat returns the first Task (BX-1). */
    async logAttempt(log: AttemptLog): Promise<LogResult> {
        await this.enter('logAttempt');
        const existing = this.tasksByKey.get(log.dialerContactId);
        if (existing) return { taskId: existing.taskId, created: false };
        const taskId = `00T${String(this.nextTask++).padStart(15, '0')}`;
        const task = { taskId, log };
        this.tasksByKey.set(log.dialerContactId, task);
        if (log.contactId !== null) {
            const own = this.tasksByContact.get(log.contactId);
            if (own) own.push(task);
            else this.tasksByContact.set(log.contactId, [task]);
        }
        return { taskId, created: true };
    }

    /** Every Task logged, in logging order. */
    tasks(): readonly LoggedTask[] {
        return [...this.tasksByKey.values()];
    }

    /** How many times a method was called (failed calls included). */
    callCount(method: GatewayMethod): number {
        return this.counts[method];
    }

    /**
     * What the sign-in page does in an org (PersonalConnectionSignInController.saveSignIn): saves CXone's answer
     * under the state, once. Returns 'saved' or 'Rejected', as the Apex remote action does.
     */
    saveSignIn(state: string, answer: { readonly code: string } | { readonly error: string }): 'saved' | 'Rejected' {
        if (this.signIns.has(state)) return 'Rejected';
        this.signIns.set(state, answer);
        return 'saved';
    }

    /** The answer saved under this state, handed out once, like the Apex controller (BX-11). */
    async collectSignIn(state: string): Promise<SignInCollected> {
        await this.enter('collectSignIn');
        const answer = this.signIns.get(state);
        if (!answer) return { status: 'pending' };
        this.signIns.delete(state);
        return 'code' in answer ? { status: 'code', code: answer.code } : { status: 'error', error: answer.error };
    }

    /** The next call of `method` fails once with `code`. */
    failNext(method: GatewayMethod, code: ErrorCode = 'Network'): void {
        this.failures.push({ method, code });
    }

    /** Changes the delay before each answer. */
    setLatency(ms: number): void {
        this.latencyMs = ms;
    }

    /** Adds an interaction, e.g. what a logged Task would show next time. */
    addInteraction(interaction: MemoryInteraction): void {
        this.interactions.push(interaction);
        const own = this.interactionsByContact.get(interaction.contactId);
        if (own) own.push(interaction);
        else this.interactionsByContact.set(interaction.contactId, [interaction]);
    }

    private async enter(method: GatewayMethod): Promise<void> {
        this.counts[method] += 1;
        if (this.latencyMs > 0 && this.clock) {
            const clock = this.clock;
            await new Promise<void>((resolve) => {
                clock.schedule(this.latencyMs, resolve);
            });
        }
        const index = this.failures.findIndex((f) => f.method === method);
        if (index >= 0) {
            const [failure] = this.failures.splice(index, 1);
            throw new GatewayError(failure!.code, `${method} failed (injected)`);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Seeding from the simulated dialer's calling list
// ---------------------------------------------------------------------------------------------

/** A calling record, optionally with the number to store on the contact. */
export type SeedRecord = CallingRecord | { readonly record: CallingRecord; readonly phone?: string | null };

/** The data a gateway is built from. */
export interface SeedData {
    readonly contacts: MemoryContact[];
    readonly interactions: MemoryInteraction[];
}

const ACCOUNTS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods', 'Hooli'];
const TITLES = ['Owner', 'Office Manager', 'Director of Finance', 'Buyer', 'Operations Lead', null];
const CITIES = ['Chicago', 'Denver', 'Austin', 'Portland', 'Boston', 'Atlanta', null];
const SUBJECTS: ReadonlyArray<readonly [string, string, string | null]> = [
    ['Call', 'Outbound call', 'Completed'],
    ['Call', 'Outbound call', 'NoAnswer'],
    ['Email', 'Sent statement', null],
    ['Call', 'Payment reminder', 'AnsweringMachine'],
    ['Meeting', 'Account review', null]
];
const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic generator (mulberry32) so the same seed gives the same data. */
function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Builds contacts (with Account names) and a few earlier interactions each for a calling list. */
export function seedFromRecords(
    records: readonly SeedRecord[],
    seed: number,
    now: Instant = Date.UTC(2026, 0, 5)
): SeedData {
    const random = rng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const contacts: MemoryContact[] = [];
    const interactions: MemoryInteraction[] = [];
    records.forEach((entry, index) => {
        const record = 'record' in entry ? entry.record : entry;
        const phone = 'record' in entry ? (entry.phone ?? null) : (record.fields.Phone ?? null);
        const id = record.salesforceId ?? `003SIM${String(index + 1).padStart(12, '0')}`;
        const name = recordName(record);
        contacts.push({
            id,
            name,
            phone,
            email: `${record.firstName}.${record.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
            accountName: pick(ACCOUNTS),
            title: pick(TITLES),
            mailingCity: pick(CITIES),
            fields: { ...record.fields },
            dialerRecordId: record.id
        });
        const count = 1 + Math.floor(random() * 3);
        for (let i = 0; i < count; i += 1) {
            const [type, subject, outcome] = pick(SUBJECTS);
            interactions.push({
                id: `00TSIM${String(index + 1).padStart(6, '0')}${i}`,
                contactId: id,
                at: now - Math.floor(random() * 90 * DAY),
                subject,
                type,
                outcome,
                notes: null
            });
        }
    });
    return { contacts, interactions };
}
