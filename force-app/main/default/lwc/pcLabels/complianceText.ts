/**
 * A compliance finding in plain words (CP-3): the rule, the contact's local time and when the contact can next be
 * called ("Florida allows calls 8:00 AM–8:00 PM; it is 7:40 AM there; callable in 20 min"). Times are written in
 * the contact's zone, in the user's locale, by Intl. The labels come from pcLabels, the one importer of labels.
 */
import type { ComplianceFinding } from 'c/pcCompliance';
import type { Instant } from 'c/pcModel';
import SF_LOCALE from '@salesforce/i18n/locale';

/** The labels these texts are made of (BX-8). */
export interface ComplianceLabels {
    readonly PC_Cp_Window: string;
    readonly PC_Cp_ContactLimit: string;
    readonly PC_Cp_DestinationLimit: string;
    readonly PC_Cp_Dnc: string;
    readonly PC_Cp_CallableIn: string;
    readonly PC_Cp_CallableAt: string;
    readonly PC_Cp_NotCallable: string;
    readonly PC_Cp_Hours: string;
    readonly PC_Cp_Days: string;
    readonly PC_Cp_WaitMinutes: string;
    readonly PC_Cp_WaitHours: string;
    readonly PC_Cp_Refused: string;
    readonly PC_Cp_WarnConfirm: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function fill(label: string, params: Readonly<Record<string, string | number>>): string {
    return label.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
        const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
        return value === undefined ? whole : String(value);
    });
}

function locale(): string {
    try {
        return Intl.DateTimeFormat.supportedLocalesOf([SF_LOCALE]).length ? SF_LOCALE : 'en-US';
    } catch {
        return 'en-US';
    }
}

/** A minute of the day as the locale writes a clock time (480 -> "8:00 AM"). */
function clock(minuteOfDay: number): string {
    return new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
        minuteOfDay * MINUTE
    );
}

function timeIn(at: Instant, zone: string | null, withDay: boolean): string {
    const opts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: zone ?? undefined };
    if (withDay) Object.assign(opts, { weekday: 'short', month: 'short', day: 'numeric' });
    return new Intl.DateTimeFormat(locale(), opts).format(at);
}

/** "callable in 20 min", "callable in 2 h 5 min", "callable Tue, Jan 12, 8:00 AM their time", or never. */
export function callableText(L: ComplianceLabels, nextAt: Instant | null, now: Instant, zone: string | null): string {
    if (nextAt === null) return L.PC_Cp_NotCallable;
    const wait = Math.max(0, Math.ceil((nextAt - now) / MINUTE) * MINUTE);
    if (wait < HOUR) return fill(L.PC_Cp_CallableIn, { 0: fill(L.PC_Cp_WaitMinutes, { 0: wait / MINUTE }) });
    // Beyond a few hours a wait reads worse than the clock time it ends at.
    if (wait < 3 * HOUR) {
        const hours = Math.floor(wait / HOUR);
        const wording = fill(L.PC_Cp_WaitHours, { 0: hours, 1: (wait - hours * HOUR) / MINUTE });
        return fill(L.PC_Cp_CallableIn, { 0: wording });
    }
    return fill(L.PC_Cp_CallableAt, { 0: timeIn(nextAt, zone, true) });
}

function span(L: ComplianceLabels, hours: number): string {
    return hours % 24 === 0 && hours >= 48 ? fill(L.PC_Cp_Days, { 0: hours / 24 }) : fill(L.PC_Cp_Hours, { 0: hours });
}

/** One finding in words, as of `now` (the instant asked about). */
export function complianceText(L: ComplianceLabels, f: ComplianceFinding, now: Instant): string {
    const when = callableText(L, f.nextAt, now, f.zone);
    switch (f.kind) {
        case 'Dnc':
            return L.PC_Cp_Dnc;
        case 'Window':
            return fill(L.PC_Cp_Window, {
                rule: f.ruleLabel,
                start: clock(f.windowStartMinute ?? 0),
                end: clock(f.windowEndMinute ?? 0),
                now: timeIn(now, f.zone, false),
                when
            });
        default:
            return fill(f.kind === 'ContactLimit' ? L.PC_Cp_ContactLimit : L.PC_Cp_DestinationLimit, {
                rule: f.ruleLabel,
                limit: f.limit ?? 0,
                span: span(L, f.limitWindowHours ?? 24),
                counted: f.counted ?? 0,
                when
            });
    }
}

/** A refusal: every blocking finding, in words. */
export function complianceRefusal(L: ComplianceLabels, findings: readonly ComplianceFinding[], now: Instant): string {
    return fill(L.PC_Cp_Refused, { 0: findings.map((f) => complianceText(L, f, now)).join(' ') });
}

/** The one more confirmation a warning asks for. */
export function complianceWarning(L: ComplianceLabels, findings: readonly ComplianceFinding[], now: Instant): string {
    return fill(L.PC_Cp_WarnConfirm, { 0: findings.map((f) => complianceText(L, f, now)).join(' ') });
}
