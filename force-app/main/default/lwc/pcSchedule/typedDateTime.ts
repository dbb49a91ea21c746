/**
 * Reads the date and time an agent typed (RS-5). The form uses plain text fields with this parser, not
 * lightning-input type=date/time: those empty a value they cannot parse on blur ("13:30" in a 12-hour locale,
 * "2027-02-30") and roll impossible times over ("9:60 AM" becomes 10:00 AM), so what was typed is lost.
 *
 * Accepted: ISO (`2027-03-14`, `14:30`), the locale's numeric date order (`3/14/2027` in en-US, `14/03/2027` in
 * en-GB), month names (`Mar 14, 2027`, `14 March 2027`), and 12-hour times (`2:30 PM`, `9 am`). Nothing is ever
 * rolled over: an impossible value is an error naming the part that is wrong.
 */

/** A calendar date. */
export interface TypedDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

/** A wall-clock time of day. */
export interface TypedTime {
    readonly hour: number;
    readonly minute: number;
}

/** Why a typed date or time was refused, with what its message needs. */
export interface TypedProblem {
    readonly code:
        'DateFormat' | 'MonthOutOfRange' | 'DayOutOfRange' | 'TimeFormat' | 'HourOutOfRange' | 'MinuteOutOfRange';
    readonly params: Readonly<Record<string, string>>;
}

/** Either the value or the problem. */
export type Typed<T> =
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: TypedProblem };

const EXAMPLE = Date.UTC(2027, 2, 14, 12);

function problem<T>(code: TypedProblem['code'], params: Record<string, string> = {}): Typed<T> {
    return { ok: false, problem: Object.freeze({ code, params: Object.freeze(params) }) };
}

/** The order of day, month and year in the locale's numeric dates, e.g. `['month','day','year']` for en-US. */
export function dateOrder(locale: string): readonly ('day' | 'month' | 'year')[] {
    try {
        const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).formatToParts(EXAMPLE);
        const order = parts.map((p) => p.type).filter((t) => t === 'day' || t === 'month' || t === 'year');
        if (order.length === 3) return order as ('day' | 'month' | 'year')[];
    } catch {
        // An unknown locale reads like en-US.
    }
    return ['month', 'day', 'year'];
}

/** 14 March 2027 in the locale's short numeric style, for the "Enter a date like …" message. */
export function dateExample(locale: string): string {
    try {
        return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(EXAMPLE);
    } catch {
        return '3/14/2027';
    }
}

const ENGLISH_MONTHS = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december'
];

function monthNames(locale: string): string[][] {
    const names = ENGLISH_MONTHS.map((m) => [m]);
    try {
        for (const style of ['long', 'short'] as const) {
            const f = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
            for (let i = 0; i < 12; i++)
                names[i]?.push(
                    f
                        .format(Date.UTC(2027, i, 1))
                        .toLowerCase()
                        .replace(/\.$/, '')
                );
        }
    } catch {
        // English names only.
    }
    return names;
}

function monthFromName(word: string, locale: string): number | null {
    const w = word.toLowerCase().replace(/\.$/, '');
    if (w.length < 3) return null;
    const names = monthNames(locale);
    const index = names.findIndex((list) => list.some((n) => n === w || (n.startsWith(w) && w.length >= 3)));
    return index >= 0 ? index + 1 : null;
}

/** The English month name, for messages ("February 2027 has 28 days"). */
export function monthName(month: number): string {
    const name = ENGLISH_MONTHS[month - 1] ?? '';
    return name.charAt(0).toUpperCase() + name.slice(1);
}

function checkDate(year: number, month: number, day: number): Typed<TypedDate> {
    if (month < 1 || month > 12) return problem('MonthOutOfRange', { month: String(month) });
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) {
        return problem('DayOutOfRange', {
            day: String(day),
            days: String(days),
            month: monthName(month),
            year: String(year)
        });
    }
    return { ok: true, value: Object.freeze({ year, month, day }) };
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Reads a typed date in ISO, the locale's numeric order or with a month name. */
export function parseTypedDate(text: string, locale = 'en-US'): Typed<TypedDate> {
    const t = text.trim().replace(/\s+/g, ' ');
    const example = { example: dateExample(locale) };
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    if (m) return checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
    m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\.?$/.exec(t);
    if (m) {
        const values: [string, string, string] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
        const order = values[0].length === 4 ? (['year', 'month', 'day'] as const) : dateOrder(locale);
        const get = (part: 'day' | 'month' | 'year'): string => values[order.indexOf(part)] ?? '';
        const year = get('year');
        if (year.length !== 4 && year.length !== 2) return problem('DateFormat', example);
        return checkDate(fullYear(year), Number(get('month')), Number(get('day')));
    }
    // "Feb 30, 2027" / "February 30 2027" / "30 Feb 2027" / "30. Februar 2027"
    m = /^([^\d\s,]+)\.? (\d{1,2}),? (\d{4})$/.exec(t) ?? null;
    if (m) {
        const month = monthFromName(m[1] ?? '', locale);
        return month ? checkDate(Number(m[3]), month, Number(m[2])) : problem('DateFormat', example);
    }
    m = /^(\d{1,2})\.? ([^\d\s,]+)\.?,? (\d{4})$/.exec(t);
    if (m) {
        const month = monthFromName(m[2] ?? '', locale);
        return month ? checkDate(Number(m[3]), month, Number(m[1])) : problem('DateFormat', example);
    }
    return problem('DateFormat', example);
}

/** Reads a typed time: 24-hour `14:30` / `9.05`, or 12-hour `2:30 PM` / `9 am`. */
export function parseTypedTime(text: string): Typed<TypedTime> {
    const t = text.trim().toLowerCase();
    let m = /^(\d{1,2})(?:[:.](\d{1,2}))?\s*([ap])\.?\s*m?\.?$/.exec(t);
    if (m) {
        const hour = Number(m[1]);
        const minuteText = m[2] ?? '00';
        if (hour < 1 || hour > 12) return problem('HourOutOfRange', { hour: String(hour), range: '1–12' });
        if (minuteText.length !== 2) return problem('TimeFormat');
        const minute = Number(minuteText);
        if (minute > 59) return problem('MinuteOutOfRange', { minute: minuteText });
        const pm = m[3] === 'p';
        return { ok: true, value: Object.freeze({ hour: (hour % 12) + (pm ? 12 : 0), minute }) };
    }
    m = /^(\d{1,2})[:.](\d{2})$/.exec(t);
    if (m) {
        const hour = Number(m[1]);
        const minute = Number(m[2]);
        if (hour > 23) return problem('HourOutOfRange', { hour: String(hour), range: '0–23' });
        if (minute > 59) return problem('MinuteOutOfRange', { minute: m[2] ?? '' });
        return { ok: true, value: Object.freeze({ hour, minute }) };
    }
    return problem('TimeFormat');
}
