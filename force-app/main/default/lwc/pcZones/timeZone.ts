/**
 * The console's one time-zone engine: which zones exist, the browser's zone, an instant's wall-clock time and offset
 * in a zone, and a wall time's instants (with the daylight-saving gap and overlap). `Intl` is the engine: it carries
 * the IANA database the browser keeps current, so no zone data ships with the console. Everything formats with one
 * en-US 24-hour formatter per zone, whose numeric parts are the same whatever the user's locale.
 */
import type { Instant } from 'c/pcModel';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const FALLBACK_ZONES: readonly string[] = [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
    'Europe/London',
    'Europe/Paris',
    'Asia/Tokyo',
    'Australia/Sydney'
];

let zoneCache: readonly string[] | null = null;

/** Every IANA zone the browser knows, plus UTC, sorted; a short list where the browser cannot say. */
export function timeZones(): readonly string[] {
    // Stryker disable next-line ConditionalExpression: a cache; the list built again is the same
    if (!zoneCache) {
        let zones: string[];
        try {
            zones = [...Intl.supportedValuesOf('timeZone')];
        } catch {
            zones = [...FALLBACK_ZONES];
        }
        if (!zones.includes('UTC')) zones.push('UTC');
        zoneCache = Object.freeze(zones.sort());
    }
    return zoneCache;
}

/** The browser's IANA time zone, the default for the agent (RS-1); UTC when it cannot say. */
export function browserTimeZone(): string {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
        return 'UTC';
    }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The en-US 24-hour date-and-time formatter of a zone (the browser's when none), built once per zone. */
export function zoneFormatter(zone: string | undefined): Intl.DateTimeFormat {
    // Stryker disable next-line StringLiteral: a cache key; any constant for the browser's zone gives the same text
    const key = zone ?? '';
    let f = formatters.get(key);
    // Stryker disable next-line ConditionalExpression: a cache; a formatter built again formats the same
    if (!f) {
        // en-US with h23 gives stable numeric parts whatever the user's locale, which SP-4 fixes.
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23'
        });
        formatters.set(key, f);
    }
    return f;
}

/** The runtime's name for a zone (`US/Central` may read `America/Chicago`), or null when it does not know it. */
export function resolvedZone(zone: string): string | null {
    try {
        return zoneFormatter(zone).resolvedOptions().timeZone;
    } catch {
        return null;
    }
}

/** Whether `zone` is an IANA zone name or link this runtime knows, spelled exactly. */
export function isValidTimeZone(zone: string): boolean {
    if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
    const resolved = resolvedZone(zone);
    if (resolved === null) return false;
    if (resolved === zone || zone === 'UTC' || timeZones().includes(zone)) return true;
    // Links (Asia/Kolkata, US/Central) are real names; a case-mangled spelling of one is not.
    const lower = zone.toLowerCase();
    return resolved.toLowerCase() !== lower && !timeZones().some((z) => z.toLowerCase() === lower);
}

/** Wall-clock parts of an instant in a zone. */
export interface WallTime {
    readonly year: number;
    readonly month: number;
    readonly day: number;
    readonly hour: number;
    readonly minute: number;
    readonly second: number;
}

/** The wall-clock time of `at` in `zone` (the browser's when none). */
export function wallTime(at: Instant, zone: string | undefined): WallTime {
    const parts: Record<string, number> = {};
    for (const p of zoneFormatter(zone).formatToParts(at)) {
        if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    return {
        year: parts.year!,
        month: parts.month!,
        day: parts.day!,
        hour: parts.hour === 24 ? 0 : parts.hour!,
        minute: parts.minute!,
        second: parts.second!
    };
}

/** A wall time read as if it were UTC: the arithmetic's common ground (days compare, offsets subtract). */
export function wallAsUtc(w: WallTime): number {
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at `at`, in ms (Chicago in winter: -6 h). */
export function zoneOffset(at: Instant, zone: string): number {
    const whole = Math.floor(at / 1000) * 1000;
    return wallAsUtc(wallTime(whole, zone)) - whole;
}

/** How a wall time maps to instants in a zone: once, twice (overlap), or never (gap). */
export type ZonedResolution =
    | { readonly kind: 'single'; readonly at: Instant }
    | { readonly kind: 'overlap'; readonly earlier: Instant; readonly later: Instant }
    | { readonly kind: 'gap'; readonly lastBefore: Instant; readonly firstAfter: Instant };

/** Resolves a wall time (minute precision) in a zone to the instants that show it. */
export function resolveWallTime(w: WallTime, zone: string): ZonedResolution {
    const local = wallAsUtc(w);
    // Any real zone changes offset at most once within a day either side, so these two cover both sides.
    const before = zoneOffset(local - DAY, zone);
    const after = zoneOffset(local + DAY, zone);
    const candidates = [...new Set([before, after])]
        .map((o) => local - o)
        .filter((t) => wallAsUtc(wallTime(t, zone)) === local)
        .sort((a, b) => a - b);
    if (candidates.length === 1) return { kind: 'single', at: candidates[0]! };
    if (candidates.length >= 2) return { kind: 'overlap', earlier: candidates[0]!, later: candidates[1]! };
    // A gap: the transition lies between the two readings; find its minute.
    let lo = Math.min(local - before, local - after);
    let hi = Math.max(local - before, local - after);
    const offsetLo = zoneOffset(lo, zone);
    while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (zoneOffset(mid, zone) === offsetLo) lo = mid;
        else hi = mid;
    }
    return { kind: 'gap', lastBefore: lo, firstAfter: hi };
}

/** An offset in minutes as `UTC−06:00`; `minus` is the sign written west of UTC (a true minus sign unless given). */
export function offsetText(minutes: number, minus = '\u2212'): string {
    const abs = Math.abs(minutes);
    const sign = minutes < 0 ? minus : '+';
    return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
