/**
 * The simulated calling list: seeded contacts with several destinations each, earlier attempts,
 * and the dialer's rules for when a destination may be attempted (SP-2, SP-3, SP-5).
 */
import type {
    Attempt,
    AttemptsHistory,
    CallingRecord,
    Destination,
    DestinationKind,
    DestinationUnavailableReason,
    Instant,
    Outcome
} from 'c/pcModel';
import { Rng } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Answering machines a destination may reach before the dialer stops calling it. */
export const MAX_AMD = 3;

/** One attempt, mutable while its call is wrapped up (the disposition replaces the outcome). */
export interface SimAttempt {
    readonly number: number;
    readonly destinationId: string;
    readonly destinationDescription: string;
    readonly at: Instant;
    outcome: Outcome;
}

/** The dialer's state of one destination. */
export interface SimDestination {
    readonly id: string;
    readonly kind: DestinationKind;
    readonly description: string;
    readonly value: string;
    readonly cadenceOrder: number;
    maxAttempts: number;
    attempts: number;
    lastPresentation: Instant | null;
    lastOutcome: Outcome | null;
    dnc: boolean;
    active: boolean;
    inCadence: boolean;
    amdCount: number;
    /** The last outcome stops this destination for good (Refused, Wrong number, Fax). */
    stopped: boolean;
    /** Not before this instant: the last outcome keeps it out for a while (retry delay). */
    retryAt: Instant | null;
    /** Presented and rejected by the agent: out until this instant. */
    presentedUntil: Instant | null;
}

/** Where a record is while it is out of the skill queue. */
export type RecordHold = 'queue' | 'offered' | 'dialing' | 'snoozed' | 'callback' | 'done';

/** The dialer's state of one calling record. */
export interface SimRecord {
    readonly id: string;
    readonly skillId: string;
    readonly record: CallingRecord;
    readonly destinations: SimDestination[];
    readonly attempts: SimAttempt[];
    /** How readily this contact answers (scales the chance of a live answer). */
    readonly answerBias: number;
    finalized: boolean;
    /** Cadence order of the destination attempted last; the next one follows it. */
    cadenceCursor: number;
    /** Not offered again before this instant (the record rests between attempts). */
    nextEligibleAt: Instant;
    hold: RecordHold;
}

const FIRST_NAMES = [
    'Ada',
    'Amara',
    'Ben',
    'Carla',
    'Chen',
    'Dmitri',
    'Elena',
    'Farah',
    'Gus',
    'Hana',
    'Ivan',
    'Jonas',
    'Keiko',
    'Liam',
    'Maya',
    'Nadia',
    'Omar',
    'Priya',
    'Quinn',
    'Rosa',
    'Sam',
    'Tomas',
    'Uma',
    'Victor',
    'Wen',
    'Yara',
    'Zoe',
    'Grace',
    'Hugo',
    'Ines'
];
const LAST_NAMES = [
    'Abbott',
    'Baker',
    'Castillo',
    'Dubois',
    'Eriksen',
    'Fischer',
    'Garcia',
    'Hughes',
    'Ibrahim',
    'Jensen',
    'Kowalski',
    'Lopez',
    'Moreau',
    'Nakamura',
    'Okafor',
    'Patel',
    'Quist',
    'Rossi',
    'Schmidt',
    'Tanaka',
    'Ueda',
    'Varga',
    'Walsh',
    'Xu',
    'Young',
    'Zimmer',
    "O'Brien",
    'Müller',
    'Novak',
    'Silva'
];
const COMPANIES = [
    'Acme Corp',
    'Globex',
    'Initech',
    'Umbrella Ltd',
    'Stark Supplies',
    'Wayne Freight',
    'Hooli',
    'Vandelay Imports',
    'Soylent Foods',
    'Tyrell Systems',
    'Cyberdyne Labs',
    'Wonka Sweets'
];
export const PRODUCTS = [
    'Gold Plan',
    'Silver Plan',
    'Home Insurance',
    'Auto Insurance',
    'Broadband 500',
    'Premium Support'
];

interface Zone {
    readonly zone: string | null;
    readonly currency: string;
    /** Builds a phone number in E.164 for this zone. */
    readonly phone: (rng: Rng) => string;
}

const digits = (rng: Rng, n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
    return out;
};
const usPhone =
    (areas: readonly string[]) =>
    (rng: Rng): string =>
        `+1${rng.pick(areas)}555${digits(rng, 4)}`;

const ZONES: readonly Zone[] = [
    { zone: 'America/New_York', currency: '$', phone: usPhone(['212', '718', '617', '305']) },
    { zone: 'America/Chicago', currency: '$', phone: usPhone(['312', '214', '612']) },
    { zone: 'America/Denver', currency: '$', phone: usPhone(['303', '801']) },
    { zone: 'America/Phoenix', currency: '$', phone: usPhone(['602']) },
    { zone: 'America/Los_Angeles', currency: '$', phone: usPhone(['213', '415', '206']) },
    { zone: 'America/Anchorage', currency: '$', phone: usPhone(['907']) },
    { zone: 'Pacific/Honolulu', currency: '$', phone: usPhone(['808']) },
    { zone: 'Europe/London', currency: '£', phone: (rng) => `+4420794600${digits(rng, 2)}` },
    { zone: 'Europe/Dublin', currency: '€', phone: (rng) => `+3531${digits(rng, 7)}` },
    { zone: 'Europe/Berlin', currency: '€', phone: (rng) => `+4930${digits(rng, 8)}` },
    { zone: 'Europe/Paris', currency: '€', phone: (rng) => `+331${digits(rng, 8)}` },
    { zone: 'Europe/Madrid', currency: '€', phone: (rng) => `+3491${digits(rng, 7)}` },
    { zone: null, currency: '$', phone: usPhone(['646', '917']) }
];

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fake 18-character Salesforce Contact id. */
function fakeSalesforceId(rng: Rng): string {
    let id = '003';
    for (let i = 0; i < 15; i++) id += ID_CHARS[rng.int(0, ID_CHARS.length - 1)];
    return id;
}

/** A made-up balance in the currency, for the `BalanceDue` list field. */
export function money(rng: Rng, currency: string): string {
    const cents = rng.int(0, 500_000);
    const whole = Math.floor(cents / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${currency}${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** A destination with no attempts yet. */
export function destination(
    id: string,
    kind: DestinationKind,
    description: string,
    value: string,
    cadenceOrder: number,
    maxAttempts: number
): SimDestination {
    return {
        id,
        kind,
        description,
        value,
        cadenceOrder,
        maxAttempts,
        attempts: 0,
        lastPresentation: null,
        lastOutcome: null,
        dnc: false,
        active: true,
        inCadence: true,
        amdCount: 0,
        stopped: false,
        retryAt: null,
        presentedUntil: null
    };
}

/** Adds an attempt to a record and its destination; returns it. */
export function addAttempt(rec: SimRecord, dest: SimDestination, at: Instant, outcome: Outcome): SimAttempt {
    dest.attempts += 1;
    dest.lastOutcome = outcome;
    const attempt: SimAttempt = {
        number: dest.attempts,
        destinationId: dest.id,
        destinationDescription: dest.description,
        at,
        outcome
    };
    rec.attempts.push(attempt);
    return attempt;
}

/** Earlier attempts with ordinary outcomes, days before the list starts. */
export function pastAttempts(rng: Rng, rec: SimRecord, dest: SimDestination, count: number, epoch: Instant): void {
    let at = epoch - rng.int(2, 9) * DAY - rng.int(0, 8) * HOUR;
    for (let i = 0; i < count; i++) {
        const outcome = rng.weighted({ NoAnswer: 5, AnsweringMachine: 3, Busy: 2 });
        addAttempt(rec, dest, at, outcome);
        dest.lastPresentation = at;
        if (outcome === 'AnsweringMachine') dest.amdCount += 1;
        at += rng.int(4, 30) * HOUR;
    }
}

/** Special cases by position, so every unavailable reason of SP-3 occurs in any list of 20 or more. */
function applyPattern(rng: Rng, rec: SimRecord, index: number, epoch: Instant): void {
    // Every record has at least three destinations: its phone, its mobile, then its work phone or else its SMS.
    const [phone, mobile, third] = rec.destinations as [SimDestination, SimDestination, SimDestination];
    switch (index % 20) {
        case 3:
            rec.finalized = true;
            break;
        case 5:
            phone.dnc = true;
            phone.lastOutcome = 'DoNotCall';
            break;
        case 7:
            pastAttempts(rng, rec, mobile, mobile.maxAttempts - mobile.attempts, epoch);
            break;
        case 9:
            third.inCadence = false;
            break;
        case 11:
            phone.active = false;
            break;
        case 13:
            for (let i = mobile.amdCount; i < MAX_AMD; i++) {
                const at = epoch - (MAX_AMD - i) * DAY;
                addAttempt(rec, mobile, at, 'AnsweringMachine');
                mobile.lastPresentation = at;
                mobile.amdCount += 1;
            }
            mobile.maxAttempts = Math.max(mobile.maxAttempts, mobile.attempts + 2);
            break;
        case 15: {
            const at = epoch - 2 * DAY;
            addAttempt(rec, phone, at, 'WrongNumber');
            phone.lastPresentation = at;
            phone.stopped = true;
            phone.maxAttempts = Math.max(phone.maxAttempts, phone.attempts + 2);
            break;
        }
        case 17: {
            const at = epoch - 10 * MINUTE;
            addAttempt(rec, phone, at, 'Requeued');
            phone.lastPresentation = at;
            phone.presentedUntil = epoch + 2 * HOUR;
            phone.maxAttempts = Math.max(phone.maxAttempts, phone.attempts + 2);
            break;
        }
        case 19:
            for (const d of rec.destinations) if (d.kind === 'Phone') d.dnc = true;
            break;
        default:
            break;
    }
}

/**
 * Generates `count` records spread over the skills by share. The same rng state gives the same list.
 * `epoch` is the instant the list is current at (earlier attempts lie before it).
 */
export function generateCallingList(
    rng: Rng,
    count: number,
    epoch: Instant,
    skillIds: readonly string[],
    shares: readonly number[]
): SimRecord[] {
    const records: SimRecord[] = [];
    for (let i = 0; i < count; i++) {
        const id = `rec-${String(i + 1).padStart(4, '0')}`;
        const firstName = rng.pick(FIRST_NAMES);
        const lastName = rng.pick(LAST_NAMES);
        const zone = rng.pick(ZONES);
        const hasSalesforce = rng.chance(0.75);
        const salesforceId = hasSalesforce ? fakeSalesforceId(rng) : null;
        const fields: Record<string, string> = {
            AccountName: rng.pick(COMPANIES),
            BalanceDue: money(rng, zone.currency),
            Product: rng.pick(PRODUCTS),
            ExternalId: `EXT-${String(100000 + i)}`
        };
        // Skill by share: a deterministic spread, not a draw, so shares hold exactly.
        let skillId = skillIds[0]!;
        const position = (i % 20) / 20;
        let acc = 0;
        for (let s = 0; s < skillIds.length; s++) {
            acc += shares[s] ?? 0;
            if (position < acc) {
                skillId = skillIds[s]!;
                break;
            }
        }
        const mobileNumber = zone.phone(rng);
        const destinations: SimDestination[] = [
            destination(`${id}-phone`, 'Phone', 'PhoneNumber', zone.phone(rng), 1, rng.int(4, 10)),
            destination(`${id}-mobile`, 'Phone', 'Mobile', mobileNumber, 2, rng.int(4, 10))
        ];
        if (rng.chance(0.6))
            destinations.push(destination(`${id}-work`, 'Phone', 'Work', zone.phone(rng), 3, rng.int(3, 8)));
        const email = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
        destinations.push(destination(`${id}-sms`, 'Sms', 'SMS', mobileNumber, 4, rng.int(2, 5)));
        destinations.push(
            destination(`${id}-email`, 'Email', 'Email', `${email}${i + 1}@example.com`, 5, rng.int(2, 5))
        );
        const rec: SimRecord = {
            id,
            skillId,
            record: Object.freeze({
                id,
                firstName,
                lastName,
                timeZone: zone.zone,
                salesforceId,
                fields: Object.freeze(fields)
            }),
            destinations,
            attempts: [],
            answerBias: 0.5 + rng.next(),
            finalized: false,
            cadenceCursor: 0,
            nextEligibleAt: epoch,
            hold: 'queue'
        };
        for (const d of destinations) {
            const earlier = d.kind === 'Phone' ? rng.int(0, Math.min(3, d.maxAttempts - 1)) : rng.int(0, 1);
            pastAttempts(rng, rec, d, earlier, epoch);
            if (d.kind !== 'Phone' && rng.chance(0.3)) d.inCadence = false;
        }
        rec.attempts.sort((a, b) => a.at - b.at);
        applyPattern(rng, rec, i, epoch);
        rec.attempts.sort((a, b) => a.at - b.at);
        records.push(rec);
    }
    return records;
}

/** Why a destination cannot be attempted now, or null when it can (SP-3, SP-5). */
export function unavailableReason(
    rec: SimRecord,
    dest: SimDestination,
    now: Instant
): DestinationUnavailableReason | null {
    if (rec.finalized) return 'Finalized';
    if (dest.dnc) return 'DNC';
    if (!dest.active) return 'DestinationNotActive';
    if (!dest.inCadence) return 'DestinationNotInCadence';
    if (dest.attempts >= dest.maxAttempts) return 'Exhausted';
    if (dest.amdCount >= MAX_AMD) return 'MaxAnsweringMachineDetections';
    if (dest.stopped) return 'LastOutcomeNotActiveForCalling';
    if (dest.presentedUntil !== null && now < dest.presentedUntil) return 'Presented';
    if (dest.retryAt !== null && now < dest.retryAt) return 'LastOutcomeNotActiveForCalling';
    return null;
}

/** When a destination blocked only for a while may be attempted again; null if never, or now. */
function availableAgainAt(rec: SimRecord, dest: SimDestination, now: Instant): Instant | null {
    const reason = unavailableReason(rec, dest, now);
    if (reason !== 'Presented' && reason !== 'LastOutcomeNotActiveForCalling') return null;
    if (dest.stopped) return null;
    return Math.max(dest.presentedUntil ?? 0, dest.retryAt ?? 0);
}

/** The next phone destination to dial by cadence, or when to look again, or 'never'. */
export type NextDial = { readonly dest: SimDestination } | { readonly at: Instant } | 'never';

/** Picks the destination the cadence says comes next and may be dialled now (SP-5). */
export function nextDial(rec: SimRecord, now: Instant): NextDial {
    if (rec.finalized) return 'never';
    const phones = rec.destinations.filter((d) => d.kind === 'Phone');
    let later: Instant | null = null;
    let best: SimDestination | null = null;
    for (const d of phones) {
        const reason = unavailableReason(rec, d, now);
        if (reason === null) {
            // Cadence: the first destination after the one attempted last, wrapping round.
            const key = (d.cadenceOrder - rec.cadenceCursor + 1000) % 1000 || 1000;
            const bestKey = best ? (best.cadenceOrder - rec.cadenceCursor + 1000) % 1000 || 1000 : Infinity;
            if (key < bestKey) best = d;
        } else {
            const at = availableAgainAt(rec, d, now);
            if (at !== null && (later === null || at < later)) later = at;
        }
    }
    if (best) {
        if (rec.nextEligibleAt > now) return { at: rec.nextEligibleAt };
        return { dest: best };
    }
    if (later !== null) return { at: Math.max(later, rec.nextEligibleAt) };
    return 'never';
}

/** The record's Attempts History as the model carries it (SP-2, SP-4). */
export function attemptsHistory(rec: SimRecord, now: Instant): AttemptsHistory {
    const destinations: Destination[] = rec.destinations.map((d) => {
        const reason = unavailableReason(rec, d, now);
        const temporary = reason === 'Presented' || (reason === 'LastOutcomeNotActiveForCalling' && !d.stopped);
        return Object.freeze({
            id: d.id,
            kind: d.kind,
            description: d.description,
            value: d.value,
            attempts: d.attempts,
            maxAttempts: d.maxAttempts,
            availableAt: temporary ? Math.max(d.presentedUntil ?? 0, d.retryAt ?? 0) : null,
            lastPresentation: d.lastPresentation,
            lastOutcome: d.lastOutcome,
            unavailableReason: reason,
            cadenceOrder: d.cadenceOrder
        });
    });
    const attempts: Attempt[] = rec.attempts.map((a) =>
        Object.freeze({
            number: a.number,
            destinationId: a.destinationId,
            destinationDescription: a.destinationDescription,
            at: a.at,
            outcome: a.outcome
        })
    );
    return Object.freeze({
        recordId: rec.id,
        destinations: Object.freeze(destinations),
        attempts: Object.freeze(attempts)
    });
}

/** What an outcome does to the destination and record, for the dialer's next choice. */
export function applyOutcome(rec: SimRecord, dest: SimDestination, outcome: Outcome, now: Instant): void {
    dest.lastOutcome = outcome;
    switch (outcome) {
        case 'NoAnswer':
            dest.retryAt = now + 20 * MINUTE;
            break;
        case 'Busy':
            dest.retryAt = now + 5 * MINUTE;
            break;
        case 'AnsweringMachine':
            dest.amdCount += 1;
            dest.retryAt = now + 45 * MINUTE;
            break;
        case 'Abandoned':
            dest.retryAt = now + 30 * MINUTE;
            break;
        case 'Fax':
        case 'Refused':
        case 'WrongNumber':
            dest.stopped = true;
            break;
        case 'BadNumber':
            dest.active = false;
            break;
        case 'DoNotCall':
            dest.dnc = true;
            break;
        case 'Sale':
        case 'Completed':
        case 'RoutedToAnotherAgent':
            rec.finalized = true;
            break;
        case 'Rescheduled':
            dest.retryAt = now + DAY;
            break;
        case 'Requeued':
            dest.presentedUntil = now + 30 * MINUTE;
            break;
        default:
            // Live waits for its disposition; Snoozed leaves the destination as it was.
            break;
    }
}

/** The destination a callback dials: the record's phone with that number, or a "Callback" one (replaced each time). */
export function callbackDestination(rec: SimRecord, number: string): SimDestination {
    const phone = rec.destinations.find((d) => d.kind === 'Phone' && d.value === number);
    if (phone) return phone;
    const old = rec.destinations.findIndex((d) => d.description === 'Callback');
    if (old >= 0) rec.destinations.splice(old, 1);
    const dest = destination(`${rec.id}-callback`, 'Phone', 'Callback', number, 9, 3);
    rec.destinations.push(dest);
    return dest;
}
