/**
 * Time zones as agents know them (RS-6): every IANA zone the runtime lists (`Intl.supportedValuesOf`), named by
 * its long generic name, a city and its current offset ("Central Time – Chicago (UTC−06:00)"), searchable by any
 * of those words; and the contact's zone guessed from the record, else from the number's NANP area code.
 * The console's one time-zone engine (./timeZone) is published here too: c/pcFormat and c/pcSchedule use it.
 */
import type { Instant } from 'c/pcModel';
import { nanpAreaZones } from './nanpZones';
import { isValidTimeZone, offsetText, timeZones, zoneOffset } from './timeZone';

export { nanpAreaRegions } from './nanpRegions';
export {
    browserTimeZone,
    isValidTimeZone,
    offsetText,
    resolvedZone,
    resolveWallTime,
    timeZones,
    wallAsUtc,
    wallTime,
    zoneFormatter,
    zoneOffset
} from './timeZone';
export type { WallTime, ZonedResolution } from './timeZone';

/** One entry of the time-zone list. */
export interface ZoneOption {
    /** The IANA name, e.g. `America/Chicago`. */
    readonly value: string;
    /** What the agent reads: `Central Time – Chicago (UTC−06:00)`. */
    readonly label: string;
    /** Lower-case words the search matches against (label and IANA name). */
    readonly search: string;
    /** Minutes east of UTC now, for sorting. */
    readonly offsetMinutes: number;
}

/** Every zone the runtime knows, plus UTC (the console's one list). */
export function supportedZones(): readonly string[] {
    return timeZones();
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function genericName(at: Instant, zone: string): string {
    let f = nameFormatters.get(zone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' });
        nameFormatters.set(zone, f);
    }
    return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The zone's long generic name ("Central Time"); the IANA name where the runtime has none. */
export function zoneName(zone: string, at: Instant): string {
    try {
        const name = genericName(at, zone);
        // Runtimes without a generic name answer with "GMT-06:00"; the city says more than that.
        return name && !/^GMT[+-]/.test(name) ? name : zone;
    } catch {
        return zone;
    }
}

/** Minutes east of UTC of a zone at an instant; 0 for a zone the runtime does not know. */
export function offsetMinutes(zone: string, at: Instant): number {
    try {
        return Math.round(zoneOffset(at, zone) / 60_000);
    } catch {
        return 0;
    }
}

/** The city of an IANA name: `America/Argentina/Buenos_Aires` -> `Buenos Aires`. */
export function zoneCity(zone: string): string {
    const last = zone.split('/').pop() ?? zone;
    return last.replace(/_/g, ' ');
}

/** One zone as the list shows it. */
export function zoneOption(zone: string, at: Instant): ZoneOption {
    const name = zoneName(zone, at);
    const city = zoneCity(zone);
    const offset = offsetMinutes(zone, at);
    const label =
        name === zone || name === city
            ? `${zone} (${offsetText(offset)})`
            : `${name} – ${city} (${offsetText(offset)})`;
    return Object.freeze({
        value: zone,
        label,
        search: `${label} ${zone.replace(/_/g, ' ')}`.toLowerCase(),
        offsetMinutes: offset
    });
}

let cache: { day: number; options: readonly ZoneOption[] } | null = null;

/** Every zone, west to east then by name; offsets as of `at` (rebuilt once a day, as offsets change with DST). */
export function zoneOptions(at: Instant): readonly ZoneOption[] {
    const day = Math.floor(at / 86_400_000);
    if (cache?.day === day) return cache.options;
    const options = supportedZones()
        .map((z) => zoneOption(z, at))
        .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label));
    cache = { day, options: Object.freeze(options) };
    return cache.options;
}

/**
 * The zones matching what the agent typed: every word must appear ("central chicago", "chicago", "utc−06").
 * An exact IANA name comes first.
 */
export function searchZones(options: readonly ZoneOption[], query: string): readonly ZoneOption[] {
    const words = query
        .toLowerCase()
        .replace(/-/g, '\u2212')
        .split(/[\s,()]+/)
        .filter(Boolean);
    if (!words.length) return options;
    const hyphenless = (w: string): string => w.replace(/\u2212/g, '-');
    return options.filter((o) => words.every((w) => o.search.includes(w) || o.search.includes(hyphenless(w))));
}

/** Each area code's zones as this runtime can use them, worked out once per list of the table. */
const usableZones = new Map<readonly string[], readonly string[]>();

/**
 * The contact's candidate zones: the record's zone when it has one, else those of the number's NANP area code
 * (several where the code spans zones) that this browser's time-zone data knows: a zone newer than it would make
 * every date in that zone throw. Empty when neither says.
 */
export function contactZones(
    recordZone: string | null | undefined,
    e164: string | null | undefined
): readonly string[] {
    if (recordZone) return [recordZone];
    const m = /^\+1(\d{3})\d{7}$/.exec(e164 ?? '');
    if (!m?.[1]) return [];
    const table = nanpAreaZones(m[1]);
    let usable = usableZones.get(table);
    // Stryker disable next-line ConditionalExpression: the memo only; working the list out again gives the same zones
    if (!usable) {
        usable = Object.freeze(table.filter((z) => isValidTimeZone(z)));
        usableZones.set(table, usable);
    }
    return usable;
}
