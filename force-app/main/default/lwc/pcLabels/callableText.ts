/**
 * Attempts History's Callable in words (CP-4): "Now", "after 8:00 AM Eastern Time (Florida hours)", "Now, with a
 * warning: Florida hours until 8:00 AM Eastern Time", "No (Do Not Call)". Short enough for a 360 px panel: the rule
 * is named, the full sentence (CP-3) is what Accept and Reschedule say. Times read in the contact's zone, by Intl.
 */
import type { DestinationCallable, Instant } from 'c/pcModel';
import { zoneName } from 'c/pcZones';
import SF_LOCALE from '@salesforce/i18n/locale';

/** The labels these texts are made of (BX-8). */
export interface CallableLabels {
    readonly now: string;
    readonly after: string;
    readonly warn: string;
    readonly warnOpen: string;
    readonly no: string;
    readonly windowRule: string;
    readonly limitRule: string;
    readonly dnc: string;
    readonly hours: string;
    readonly days: string;
    /** The dialer's reason, already in words. */
    readonly dialerReason: (reason: string) => string;
}

const DAY_FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

function fill(label: string, values: readonly (string | number)[]): string {
    return label.replace(/\{(\d+)\}/g, (whole, i: string) => {
        const v = values[Number(i)];
        return v === undefined ? whole : String(v);
    });
}

function locale(): string {
    try {
        return Intl.DateTimeFormat.supportedLocalesOf([SF_LOCALE]).length ? SF_LOCALE : 'en-US';
    } catch {
        return 'en-US';
    }
}

/** "8:00 AM Eastern Time", with the day in front when it is not today where the contact is. */
export function whenText(at: Instant, now: Instant, zone: string | null): string {
    const tz = zone ?? undefined;
    const sameDay =
        new Intl.DateTimeFormat('en-US', { ...DAY_FORMAT, timeZone: tz }).format(at) ===
        new Intl.DateTimeFormat('en-US', { ...DAY_FORMAT, timeZone: tz }).format(now);
    const opts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: tz };
    if (!sameDay) Object.assign(opts, { weekday: 'short', month: 'short', day: 'numeric' });
    const time = new Intl.DateTimeFormat(locale(), opts).format(at);
    return zone ? `${time} ${zoneName(zone, at)}` : time;
}

function ruleText(L: CallableLabels, c: DestinationCallable): string {
    const r = c.reason;
    if (!r) return '';
    switch (r.kind) {
        case 'Window':
            return fill(L.windowRule, [r.rule]);
        case 'Limit': {
            const span = r.hours % 24 === 0 && r.hours >= 48 ? fill(L.days, [r.hours / 24]) : fill(L.hours, [r.hours]);
            return fill(L.limitRule, [r.rule, r.limit, span]);
        }
        case 'Dnc':
            return L.dnc;
        default:
            return L.dialerReason(r.reason);
    }
}

/** One destination's Callable in words, as of `now`. */
export function callableText(L: CallableLabels, c: DestinationCallable, now: Instant): string {
    const rule = ruleText(L, c);
    switch (c.status) {
        case 'Now':
            return L.now;
        case 'Warn':
            return c.from === null ? fill(L.warnOpen, [rule]) : fill(L.warn, [whenText(c.from, now, c.zone), rule]);
        case 'Later':
            return fill(L.after, [whenText(c.from ?? now, now, c.zone), rule]);
        default:
            return fill(L.no, [rule]);
    }
}
