/**
 * Reschedule validation (RS-1 .. RS-3), on the time-zone engine of c/pcZones. Pure: the caller passes `now`.
 *
 * Rules this module states (the form's labels explain them to the agent):
 * - Number (the form): checked by c/pcPhone (libphonenumber-js), which names the rule that failed (RS-7).
 *   `normalizePhone` below stays for numbers from other places:
 * - Number: digits with the usual separators (space . - ( ) /) and an optional leading `+` or `00`. A number
 *   without a country code is read in the calling list's country (taken from the previewed number; NANP when
 *   unknown) and normalised to E.164. When the context carries the previewed number, a number in another
 *   country calling code is refused as ForeignNumber: a calling list is dialled under one country's rules.
 * - Date and time: as typed, read by ./typedDateTime (ISO, the locale's format, 12-hour times); never rolled
 *   over, an impossible part is named (RS-5).
 * - Time zone: an IANA name or link the runtime knows, spelled exactly (`America/Chicago` or `US/Central`, not
 *   `america/chicago`, `Chicago` or `+05:00`).
 * - Instant: date + time read as wall-clock time in the chosen zone. A wall time that does not exist (the
 *   spring-forward gap) is an error naming the last minute before and the first after the gap. A wall time
 *   that occurs twice (the fall-back overlap) takes the EARLIER instant (the first pass, still on the old
 *   offset) and says so as an AmbiguousLocalTime warning naming both offsets.
 * - Window: strictly after `now`, and at most two years (730 days) ahead: further is taken for a typo.
 * - Calling hours (BX-3) are not checked here: they are the rule sets' (CP-1), which the service asks
 *   c/pcCompliance about at the chosen instant, with the contact's place and attempts this module does not know.
 */
import type {
    FieldIssue,
    Instant,
    RescheduleDraft,
    RescheduleErrorCode,
    RescheduleField,
    RescheduleValidation,
    Settings
} from 'c/pcModel';
import type { DeliverTo } from 'c/pcModel';
import { isDeliverTo } from 'c/pcModel';
import LOCALE from '@salesforce/i18n/locale';
import { checkPhone } from 'c/pcPhone';
import type { PhoneProblem } from 'c/pcPhone';
import { formatDateTime } from 'c/pcFormat';
import {
    browserTimeZone,
    isValidTimeZone,
    offsetText,
    resolveWallTime,
    timeZones,
    wallAsUtc,
    wallTime,
    zoneName,
    zoneOffset
} from 'c/pcZones';
import type { WallTime } from 'c/pcZones';
import { parseTypedDate, parseTypedTime } from './typedDateTime';

export { parseTypedDate, parseTypedTime, dateExample } from './typedDateTime';
export type { TypedDate, TypedTime, TypedProblem, Typed } from './typedDateTime';
export { isValidTimeZone, resolveWallTime, wallTime, zoneOffset } from 'c/pcZones';
export type { WallTime, ZonedResolution } from 'c/pcZones';

/** What validation needs besides the draft. */
export interface RescheduleContext {
    readonly now: Instant;
    readonly settings: Settings;
    /** The contact's own zone, when the calling list has one. */
    readonly contactTimeZone: string | null;
    /** The number the preview offered; its country code is the calling list's country. */
    readonly listNumber?: string | null;
    /** Every zone the contact may be in (record, else the number's area code); calling hours hold in each. */
    readonly contactTimeZones?: readonly string[];
    /** The deliver-to targets the dialer honours; all when not given. */
    readonly deliverTo?: readonly DeliverTo[];
    /** The agent's locale, for numeric dates (`3/14/2027` in en-US); the user's Salesforce locale by default. */
    readonly locale?: string;
}

const PHONE_CODES: Readonly<Record<PhoneProblem, RescheduleErrorCode>> = {
    TooShort: 'NumberTooShort',
    TooLong: 'NumberTooLong',
    NotANumber: 'NotANumber',
    Invalid: 'InvalidNumber',
    ForeignCountry: 'ForeignNumber',
    Extension: 'NumberHasExtension'
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far ahead a callback may be scheduled: two years, so a date a year and more away is still taken (RS-5). */
export const MAX_DAYS_AHEAD = 730;

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** ITU country calling codes of one and two digits; every other code has three (the set is prefix-free). */
const SHORT_CODES = new Set([
    '1',
    '7',
    '20',
    '27',
    '30',
    '31',
    '32',
    '33',
    '34',
    '36',
    '39',
    '40',
    '41',
    '43',
    '44',
    '45',
    '46',
    '47',
    '48',
    '49',
    '51',
    '52',
    '53',
    '54',
    '55',
    '56',
    '57',
    '58',
    '60',
    '61',
    '62',
    '63',
    '64',
    '65',
    '66',
    '81',
    '82',
    '84',
    '86',
    '90',
    '91',
    '92',
    '93',
    '94',
    '95',
    '98'
]);

/** The country calling code of an E.164 number ("+13125550100" -> "1"). */
export function countryCode(e164: string): string {
    const digits = e164.replace(/^\+/, '');
    if (SHORT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
    if (SHORT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
    return digits.slice(0, 3);
}

function validNanp(national: string): boolean {
    // Area code and exchange both start 2-9 in the North American plan.
    return /^[2-9]\d{2}[2-9]\d{6}$/.test(national);
}

/**
 * Normalises what an agent typed to E.164, or returns null when it is not a phone number.
 * `home` is the country calling code used for numbers typed without one.
 */
export function normalizePhone(input: string, home = '1'): string | null {
    const typed = input.trim();
    if (!/^\+?[\d\s.()/-]+$/.test(typed)) return null;
    // Separators may only sit between digits; "((312" or "312--555" are typos, not numbers.
    if (/[.()/-]{2,}/.test(typed.replace(/\s/g, '').replace(/\)-/g, ')').replace(/-\(/g, '('))) return null;
    let digits = typed.replace(/\D/g, '');
    let international = typed.startsWith('+');
    if (!international && digits.startsWith('00')) {
        international = true;
        digits = digits.slice(2);
    }
    if (international) {
        if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
        if (digits.startsWith('1') && !validNanp(digits.slice(1))) return null;
        return `+${digits}`;
    }
    if (home === '1') {
        if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
        return validNanp(digits) ? `+1${digits}` : null;
    }
    // Elsewhere a national number carries one trunk prefix 0 that E.164 drops.
    const national = digits.startsWith('0') ? digits.slice(1) : digits;
    const full = `${home}${national}`;
    return /^[1-9]\d{7,14}$/.test(full) && !national.startsWith('0') ? `+${full}` : null;
}

// ---------------------------------------------------------------------------------------------
// Time zones: c/pcZones' engine, published here too for the callers that read the reschedule rules
// ---------------------------------------------------------------------------------------------

/** Every IANA zone the runtime knows (with UTC), or a short list where the runtime cannot say. */
export const listTimeZones = timeZones;

/** The agent's own zone as the browser reports it; UTC when it cannot say. */
export const agentTimeZone = browserTimeZone;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function hhmm(w: WallTime): string {
    return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** `UTC-05:00`, as the AmbiguousLocalTime warning names an offset. */
function offsetLabel(offsetMs: number): string {
    return offsetText(offsetMs / MINUTE, '-');
}

/** The instant as the form shows it in a zone: `YYYY-MM-DD HH:MM`. */
export function formatInZone(at: Instant, zone: string): string {
    const w = wallTime(at, zone);
    return `${w.year}-${pad(w.month)}-${pad(w.day)} ${hhmm(w)}`;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** Checks a reschedule draft; returns the request to send, or the issues to show beside each field. */
export function validateReschedule(draft: RescheduleDraft, ctx: RescheduleContext): RescheduleValidation {
    const errors: FieldIssue[] = [];
    const warnings: FieldIssue[] = [];
    const issue = (
        list: FieldIssue[],
        field: RescheduleField,
        code: RescheduleErrorCode,
        params: Record<string, string> = {}
    ): void => {
        list.push(Object.freeze({ field, code, params: Object.freeze(params) }));
    };

    // Number
    let number: string | null = null;
    if (!draft.number.trim()) issue(errors, 'number', 'Required');
    else {
        const phone = checkPhone(draft.number, ctx.listNumber ? normalizePhone(ctx.listNumber) : null);
        if (phone.ok) number = phone.e164;
        else issue(errors, 'number', PHONE_CODES[phone.problem], { ...phone.params });
    }

    const deliverOk = isDeliverTo(draft.deliverTo) && (!ctx.deliverTo || ctx.deliverTo.includes(draft.deliverTo));
    if (!deliverOk) issue(errors, 'deliverTo', 'InvalidDeliverTo');

    // Zone, date, time
    const zone = draft.timeZone.trim();
    const zoneOk = zone !== '' && isValidTimeZone(zone);
    if (!zone) issue(errors, 'timeZone', 'Required');
    else if (!zoneOk) issue(errors, 'timeZone', 'UnknownZone');
    const typedDate = draft.date.trim() ? parseTypedDate(draft.date, ctx.locale ?? LOCALE) : null;
    const date = typedDate?.ok ? typedDate.value : null;
    if (!typedDate) issue(errors, 'date', 'Required');
    else if (!typedDate.ok) issue(errors, 'date', typedDate.problem.code, { ...typedDate.problem.params });
    const typedTime = draft.time.trim() ? parseTypedTime(draft.time) : null;
    const time = typedTime?.ok ? typedTime.value : null;
    if (!typedTime) issue(errors, 'time', 'Required');
    else if (!typedTime.ok) issue(errors, 'time', typedTime.problem.code, { ...typedTime.problem.params });

    // Notes
    const notesLength = [...draft.notes].length;
    if (notesLength > ctx.settings.notesMaxLength) {
        issue(errors, 'notes', 'NotesTooLong', {
            max: String(ctx.settings.notesMaxLength),
            length: String(notesLength)
        });
    }

    let at: Instant | null = null;
    if (zoneOk && date && time) {
        const resolved = resolveWallTime({ ...date, ...time, second: 0 }, zone);
        if (resolved.kind === 'gap') {
            issue(errors, 'time', 'NonexistentLocalTime', {
                before: hhmm(wallTime(resolved.lastBefore, zone)),
                after: hhmm(wallTime(resolved.firstAfter, zone)),
                zone
            });
        } else if (resolved.kind === 'overlap') {
            at = resolved.earlier;
            issue(warnings, 'time', 'AmbiguousLocalTime', {
                chosen: offsetLabel(zoneOffset(resolved.earlier, zone)),
                other: offsetLabel(zoneOffset(resolved.later, zone)),
                zone
            });
        } else {
            at = resolved.at;
        }
    }

    if (at !== null && zoneOk) {
        if (at <= ctx.now) {
            const today = wallTime(ctx.now, zone);
            const dayBefore =
                date &&
                wallAsUtc({ ...date, hour: 0, minute: 0, second: 0 }) <
                    wallAsUtc({ ...today, hour: 0, minute: 0, second: 0 });
            issue(errors, dayBefore ? 'date' : 'time', 'NotInFuture', {
                now: formatDateTime(ctx.now, zone),
                zone: zoneName(zone, ctx.now)
            });
        } else if (at - ctx.now > MAX_DAYS_AHEAD * DAY) {
            issue(errors, 'date', 'TooFarAhead', { maxDays: String(MAX_DAYS_AHEAD) });
        }
        // Calling hours are the rule sets' (CP-1, BX-3): the service checks the instant with c/pcCompliance.
    }

    if (errors.length || at === null || number === null || !isDeliverTo(draft.deliverTo)) {
        return { ok: false, errors, warnings };
    }
    const contactZone = knownZones(ctx)[0] ?? null;
    return {
        ok: true,
        request: Object.freeze({ number, deliverTo: draft.deliverTo, at, timeZone: zone, notes: draft.notes }),
        warnings,
        contactLocalTime: contactZone ? `${formatInZone(at, contactZone)} ${contactZone}` : null,
        contactTimeZone: contactZone
    };
}

/** The contact's zones this runtime knows: the explicit list, else the record's zone. */
function knownZones(ctx: RescheduleContext): readonly string[] {
    const zones = ctx.contactTimeZones ?? (ctx.contactTimeZone ? [ctx.contactTimeZone] : []);
    return zones.filter((z) => isValidTimeZone(z));
}
