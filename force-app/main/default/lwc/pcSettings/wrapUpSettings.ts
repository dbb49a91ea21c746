/**
 * The wrap-up settings (WU-1): the time limit overall and per skill, the default disposition, what happens at
 * zero, and the dispositions that require notes. Added after the first release, so an absent value is the
 * default (no limit, nothing extra required), never a problem; a present but bad one is reported (AD-3).
 */
import type { Settings, SettingsProblem } from 'c/pcModel';
import { DEFAULT_SETTINGS, isWrapUpAtZero } from 'c/pcModel';

/** The longest wrap-up an admin may set: one hour. */
export const WRAP_UP_MAX_SECONDS = 3600;
/** A dialer id as the settings may name it (skills and dispositions): no separators, no spaces. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/;
const LIST_MAX = 255;

type WrapUpKey =
    | 'wrapUpLimitSeconds'
    | 'wrapUpSkillLimits'
    | 'wrapUpDefaultDisposition'
    | 'wrapUpAtZero'
    | 'notesRequiredDispositions';

/** The wrap-up part of Settings. */
export type WrapUpSettings = Pick<Settings, WrapUpKey>;

function absent(value: unknown): boolean {
    return value === undefined || value === null || value === '';
}

function seconds(value: unknown): number | null {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= WRAP_UP_MAX_SECONDS
        ? value
        : null;
}

/** `{ 'skill-a': 90 }` as the local console keeps them: each id sane, each limit 0..3600 seconds. */
function limitsObject(value: object): Readonly<Record<string, number>> | null {
    const entries = Object.entries(value);
    if (!entries.every(([id, limit]) => ID.test(id) && seconds(limit) !== null)) return null;
    return Object.freeze(Object.fromEntries(entries) as Record<string, number>);
}

/** `skill-a=90; skill-b=120` (commas or semicolons): each skill id once, each limit 0..3600 seconds. */
function skillLimits(value: unknown): Readonly<Record<string, number>> | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return limitsObject(value);
    if (typeof value !== 'string' || value.length > LIST_MAX) return null;
    const limits: Record<string, number> = {};
    for (const part of value.split(/[;,]/)) {
        const entry = part.trim();
        if (!entry) continue;
        const match = /^([^=\s]+)\s*=\s*(\d{1,4})$/.exec(entry);
        const id = match?.[1];
        const limit = seconds(Number(match?.[2]));
        if (!id || !ID.test(id) || limit === null || Object.prototype.hasOwnProperty.call(limits, id)) return null;
        limits[id] = limit;
    }
    return Object.freeze(limits);
}

/** `disp-a, disp-b` (commas or semicolons), or an array of ids. */
function idList(value: unknown): readonly string[] | null {
    const parts = Array.isArray(value)
        ? value
        : typeof value === 'string' && value.length <= LIST_MAX
          ? value
                .split(/[;,]/)
                .map((p) => p.trim())
                .filter(Boolean)
          : null;
    if (!parts || !parts.every((p) => typeof p === 'string' && ID.test(p))) return null;
    return Object.freeze([...new Set(parts as string[])]);
}

/** Reads the wrap-up settings; each bad one falls back to its default and adds a problem. */
export function readWrapUp(raw: Readonly<Record<string, unknown>>, problems: SettingsProblem[]): WrapUpSettings {
    const read = <T>(key: WrapUpKey, parse: (value: unknown) => T | null, shown: (value: T) => string): T => {
        const fallback = DEFAULT_SETTINGS[key] as T;
        const value = raw[key];
        if (absent(value)) return fallback;
        const parsed = parse(value);
        if (parsed !== null) return parsed;
        problems.push({
            setting: key,
            code: typeof value === 'number' ? 'OutOfRange' : 'Invalid',
            usedInstead: shown(fallback)
        });
        return fallback;
    };
    return {
        wrapUpLimitSeconds: read('wrapUpLimitSeconds', seconds, String),
        wrapUpSkillLimits: read('wrapUpSkillLimits', skillLimits, () => ''),
        wrapUpDefaultDisposition: read(
            'wrapUpDefaultDisposition',
            (v) => (typeof v === 'string' && ID.test(v) ? v : null),
            () => ''
        ),
        wrapUpAtZero: read('wrapUpAtZero', (v) => (isWrapUpAtZero(v) ? v : null), String),
        notesRequiredDispositions: read('notesRequiredDispositions', idList, (v) => v.join(', '))
    };
}
