/**
 * Pure formatting of the console's dates, times, durations and counts. No labels here except the
 * ones passed in, so each function can be tested on its own.
 */
import type { Instant } from 'c/pcModel';
import SF_TIME_ZONE from '@salesforce/i18n/timeZone';
import SF_LOCALE from '@salesforce/i18n/locale';
import { formatPhone as formatPhoneIn } from 'c/pcPhone';
import { browserTimeZone, resolvedZone, wallTime, zoneFormatter } from 'c/pcZones';
import type { WallTime } from 'c/pcZones';

// The zone engine is c/pcZones'; these stay published here, where the components have always found them.
export { browserTimeZone, timeZones } from 'c/pcZones';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** en-US `MM/DD/YYYY, HH:MM:SS`, the formatter's whole output for a four-digit year. */
// Stryker disable next-line Regex: a fast path; whatever it misses, formatToParts gives the same text
const EN_US_DATE_TIME = /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/;

/** `MM/DD/YYYY HH:MM:SS` (SP-4), in the given IANA zone or the browser's. */
export function formatDateTime(at: Instant, timeZone?: string): string {
    // format() is several times faster than formatToParts(), which counts in an Attempt Report of hundreds of
    // attempts; its en-US h23 output differs from SP-4 only by the comma, and anything else takes the parts.
    const text = zoneFormatter(timeZone).format(new Date(at));
    if (EN_US_DATE_TIME.test(text)) return `${text.slice(0, 10)}${text.slice(11)}`;
    const w = wallTime(at, timeZone);
    return `${pad(w.month)}/${pad(w.day)}/${w.year} ${clockText(w)}`;
}

/** `HH:MM:SS`, for message times and the like. */
export function formatTime(at: Instant, timeZone?: string): string {
    return clockText(wallTime(at, timeZone));
}

function clockText(w: WallTime): string {
    return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** A duration as `M:SS`, or `H:MM:SS` from one hour; negative durations count as zero. */
export function formatDuration(ms: number): string {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Time since an instant as a duration (time in state, call length). */
export function formatElapsed(since: Instant, now: Instant): string {
    return formatDuration(now - since);
}

/** Attempts as `n/max` (SP-2). */
export function formatAttempts(attempts: number, maxAttempts: number): string {
    return `${attempts}/${maxAttempts}`;
}

/** Available Time: the `now` word when ready (null or already past), else the date (SP-2). */
export function formatAvailableTime(
    availableAt: Instant | null,
    now: Instant,
    nowWord: string,
    timeZone?: string
): string {
    return availableAt === null || availableAt <= now ? nowWord : formatDateTime(availableAt, timeZone);
}

/** A date that may be missing: empty text when there is none. */
export function formatOptionalDateTime(at: Instant | null, timeZone?: string): string {
    return at === null ? '' : formatDateTime(at, timeZone);
}

/** Seconds left until an instant, never below zero, rounded up so 0 means "now". */
export function secondsLeft(until: Instant, now: Instant): number {
    return Math.max(0, Math.ceil((until - now) / 1000));
}

/** A time input's value (`HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss`) reduced to the `HH:MM` a draft holds. */
export function toHourMinute(value: string): string {
    const match = /^(\d{1,2}):(\d{2})/.exec(value.trim());
    return match ? `${pad(Number(match[1]))}:${match[2]}` : value.trim();
}

/** The user's Salesforce time zone (UB-5, RS-6); the browser's where it is missing or unknown. */
export function userTimeZone(): string {
    // An unknown zone falls back to the browser's.
    return (SF_TIME_ZONE && resolvedZone(SF_TIME_ZONE)) || browserTimeZone();
}

/** The agent's country (`US` from `en-US`), for national phone formats; US when the locale names none. */
export function userRegion(): string {
    const m = /[-_]([A-Za-z]{2})(?:$|[-_])/.exec(SF_LOCALE ?? '');
    return m?.[1] ? m[1].toUpperCase() : 'US';
}

/** A phone number for people (UB-5): national for the agent's country, international otherwise; never raw E.164. */
export function formatPhone(value: string | null | undefined, region: string = userRegion()): string {
    return formatPhoneIn(value, region);
}
