/**
 * May this call be placed or scheduled at this instant (CP-1)? A pure function of the contact's destinations,
 * their attempts, where the contact is, the admin's rule sets (CP-2) and the instant; no DOM, no Apex, no clock.
 * Each broken rule is a finding naming the rule, the contact's local time and the next instant it allows (CP-3).
 *
 * Readings this module fixes:
 * - A contact with several zones (an area code spanning zones) must be inside the window in every one.
 * - A contact whose zone is unknown is read in every zone of its country's mainland (US: Eastern..Hawaii), and
 *   one whose region is unknown is under every region's rules of its country: the strictest reading.
 * - Limits count the attempts in the rolling window that ends at the instant asked about (`(at - window, at]`).
 * - A DNC destination is never callable; the finding has no next instant.
 */
import type { ComplianceFinding, ComplianceRuleSet, ComplianceVerdict, FindingKind, Instant } from 'c/pcModel';
import { RuleMode } from 'c/pcModel';
import { resolveWallTime, wallTime } from 'c/pcZones';
import type { ContactPlace } from './place';

export { resolvePlace, normalizeCountry, normalizeRegion } from './place';
export type { RecordPlace, ContactPlace } from './place';
export { SHIPPED_RULE_SETS } from './shipped';
export { callability, checkNumber, placeFieldsOf, placeFromContact, queryFor } from './fromModel';
export type { ContactFacts } from './fromModel';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One of the contact's numbers. */
export interface ComplianceDestination {
    /** E.164. */
    readonly number: string;
    /** On a Do Not Call list, or the contact opted out of calls to it (SP-5). */
    readonly dnc: boolean;
}

/** One attempt already made (or delivered) to the contact. */
export interface ComplianceAttempt {
    /** E.164 of the number called. */
    readonly number: string;
    readonly at: Instant;
}

/** The question: may `destination` be called at `at`? */
export interface ComplianceQuery {
    readonly at: Instant;
    /** E.164 of the number to call. */
    readonly destination: string;
    readonly destinations: readonly ComplianceDestination[];
    readonly attempts: readonly ComplianceAttempt[];
    readonly place: ContactPlace;
    readonly ruleSets: readonly ComplianceRuleSet[];
}

export type { ComplianceFinding, ComplianceVerdict, FindingKind } from 'c/pcModel';

const MAINLAND_ZONES: Readonly<Record<string, readonly string[]>> = {
    US: [
        'America/New_York',
        'America/Chicago',
        'America/Denver',
        'America/Phoenix',
        'America/Los_Angeles',
        'America/Anchorage',
        'Pacific/Honolulu'
    ],
    CA: [
        'America/St_Johns',
        'America/Halifax',
        'America/Toronto',
        'America/Winnipeg',
        'America/Regina',
        'America/Edmonton',
        'America/Vancouver'
    ]
};

/** The zones the rules read the contact's local time in: its own, else every zone of its country. */
export function zonesForRules(place: ContactPlace): readonly string[] {
    if (place.zones.length) return place.zones;
    return (place.country && MAINLAND_ZONES[place.country]) || [];
}

/** Whether a rule set applies to a contact at this place. */
export function applies(set: ComplianceRuleSet, place: ContactPlace): boolean {
    if (!set.active) return false;
    if (place.areaCode && set.areaCodes.includes(place.areaCode)) return true;
    if (place.country !== set.country) return false;
    if (!set.regions.length) return true;
    // Region unknown: every region's rules apply (the strictest reading).
    if (!place.regions.length) return true;
    return place.regions.some((r) => set.regions.includes(r));
}

function minuteOfDay(at: Instant, zone: string): number {
    const w = wallTime(at, zone);
    return w.hour * 60 + w.minute;
}

function inWindow(at: Instant, zone: string, start: number, end: number): boolean {
    const m = minuteOfDay(at, zone);
    return start <= end ? m >= start && m < end : m >= start || m < end;
}

/** The first instant at or after `from` when the wall clock in `zone` is inside [start, end). */
export function nextInWindow(from: Instant, zone: string, start: number, end: number): Instant {
    if (inWindow(from, zone, start, end)) return from;
    const today = wallTime(from, zone);
    for (let day = 0; day <= 2; day++) {
        const d = new Date(Date.UTC(today.year, today.month - 1, today.day + day));
        const w = {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
            hour: Math.floor(start / 60),
            minute: start % 60,
            second: 0
        };
        const r = resolveWallTime(w, zone);
        // A window opening in a DST gap opens at the gap's end; in an overlap, at its first reading.
        const opens = r.kind === 'single' ? r.at : r.kind === 'overlap' ? r.earlier : r.firstAfter;
        if (opens >= from) return opens;
    }
    /* istanbul ignore next -- a zone's window opens within any two days */
    return from + DAY;
}

function windowFinding(set: ComplianceRuleSet, q: ComplianceQuery, zones: readonly string[]): ComplianceFinding | null {
    const start = set.windowStartMinute;
    const end = set.windowEndMinute;
    if (start === null || end === null || !zones.length) return null;
    const outside = zones.filter((z) => !inWindow(q.at, z, start, end));
    if (!outside.length) return null;
    // Inside the window in every zone at once: step to each zone's next opening until all agree.
    let next = q.at;
    for (let round = 0; round < 8; round++) {
        const from = next;
        const moved = Math.max(...zones.map((z) => nextInWindow(from, z, start, end)));
        if (moved === from) break;
        next = moved;
    }
    const allIn = zones.every((z) => inWindow(next, z, start, end));
    return finding(set, 'Window', outside[0] ?? null, allIn ? next : null, {
        windowStartMinute: start,
        windowEndMinute: end
    });
}

function limitFinding(
    set: ComplianceRuleSet,
    kind: 'DestinationLimit' | 'ContactLimit',
    limit: number | null,
    times: readonly Instant[],
    at: Instant,
    zone: string | null
): ComplianceFinding | null {
    if (limit === null) return null;
    const span = set.limitWindowHours * HOUR;
    const inSpan = times.filter((t) => t > at - span && t <= at).sort((a, b) => a - b);
    if (inSpan.length < limit) return null;
    // Callable again when enough of the counted attempts have left the window to go below the limit.
    const freeing = inSpan[inSpan.length - limit];
    return finding(set, kind, zone, freeing === undefined ? null : freeing + span, {
        limit,
        counted: inSpan.length,
        limitWindowHours: set.limitWindowHours
    });
}

function finding(
    set: ComplianceRuleSet,
    kind: FindingKind,
    zone: string | null,
    nextAt: Instant | null,
    extra: Partial<ComplianceFinding>
): ComplianceFinding {
    return Object.freeze({
        kind,
        mode: set.mode,
        rule: set.name,
        ruleLabel: set.label,
        zone,
        nextAt,
        windowStartMinute: null,
        windowEndMinute: null,
        limit: null,
        counted: null,
        limitWindowHours: null,
        ...extra
    });
}

const DNC_RULE: ComplianceRuleSet = Object.freeze({
    name: 'DNC',
    label: 'Do Not Call',
    country: '',
    regions: [],
    areaCodes: [],
    windowStartMinute: null,
    windowEndMinute: null,
    perDestinationLimit: null,
    perContactLimit: null,
    limitWindowHours: 24,
    mode: RuleMode.Block,
    active: true
});

/** Every rule broken by calling `q.destination` at `q.at`, without looking further ahead. */
export function findingsAt(q: ComplianceQuery): readonly ComplianceFinding[] {
    const zones = zonesForRules(q.place);
    const zone = zones[0] ?? null;
    const out: ComplianceFinding[] = [];
    const dest = q.destinations.find((d) => d.number === q.destination);
    if (dest?.dnc) out.push(finding(DNC_RULE, 'Dnc', zone, null, {}));
    const toDestination = q.attempts.filter((a) => a.number === q.destination).map((a) => a.at);
    const toContact = q.attempts.map((a) => a.at);
    for (const set of q.ruleSets) {
        if (!applies(set, q.place)) continue;
        const found = [
            windowFinding(set, q, zones),
            limitFinding(set, 'DestinationLimit', set.perDestinationLimit, toDestination, q.at, zone),
            limitFinding(set, 'ContactLimit', set.perContactLimit, toContact, q.at, zone)
        ];
        for (const f of found) if (f) out.push(f);
    }
    return out;
}

/**
 * The answer to "may this call be placed or scheduled at `q.at`" (CP-1): the verdict, every broken rule, and
 * the first instant no blocking rule forbids (stepping past each blocking rule until none is left).
 */
export function checkCall(q: ComplianceQuery): ComplianceVerdict {
    const findings = findingsAt(q);
    const blocking = findings.filter((f) => f.mode === RuleMode.Block);
    const verdict = blocking.length ? 'Block' : findings.length ? 'Warn' : 'Allowed';
    return Object.freeze({ verdict, findings, nextAllowedAt: blocking.length ? nextAllowed(q) : q.at });
}

/** The first instant at or after `q.at` that no blocking rule forbids; null when none ever will (DNC). */
export function nextAllowed(q: ComplianceQuery): Instant | null {
    let at = q.at;
    // Each round moves past at least one blocking rule; a window and a limit settle within a few rounds.
    for (let round = 0; round < 32; round++) {
        const blocking = findingsAt({ ...q, at }).filter((f) => f.mode === RuleMode.Block);
        if (!blocking.length) return at;
        const nexts = blocking.map((f) => f.nextAt);
        if (nexts.includes(null)) return null;
        at = Math.max(...nexts.filter((t): t is Instant => t !== null));
    }
    return null;
}
