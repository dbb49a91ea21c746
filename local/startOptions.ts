/**
 * The local console's known start, read from and written back to the page's URL: `seed` (number), `lines` (1-3),
 * `preview` (on|off), `reschedule`, `pops`, `history` (on|off), `speed` (1|10|60|600 or paused; 1x real time
 * unless asked, LC-1), `skill` (a skill id the agent is logged in to at start, so a known start shows calls working
 * at once), `at` (the virtual clock's first instant) and `admin` (the admin settings the panel changed).
 */
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { Instant, Settings } from 'c/pcModel';
import { parseSettings } from 'c/pcSettings';
import { presenceModeFrom } from './omni';
import { LOCAL_ADMIN_KEYS } from './simulator';
import type { LocalAdmin, LocalSettings, SimSpeed } from './simulator';

/**
 * The local console's day starts at 12:00 in New York, 9:00 in Los Angeles: inside the calling hours of the
 * mainland US rule sets (CP-1), so the first previews (West Coast contacts among them) can be accepted as the
 * guide shows. Hawaii opens an hour later, which the rules then show.
 */
const LOCAL_START = Date.UTC(2026, 0, 5, 17, 0, 0);

/** A known start, read from the URL. */
export interface StartOptions {
    readonly seed: number;
    readonly speed: SimSpeed;
    readonly settings: LocalSettings;
    /** A skill to log in to at start; empty leaves the agent logged out. */
    readonly skill: string;
    /** The virtual clock's first instant (`?at=2026-01-06T09:00:00Z`), so a known hour can be tried (CP-1). */
    readonly startAt: Instant;
}

const ON_OFF: Readonly<Record<string, boolean>> = {
    on: true,
    off: false,
    true: true,
    false: false,
    '1': true,
    '0': false
};

function flag(params: URLSearchParams, name: string, fallback: boolean): boolean {
    const value = params.get(name);
    return value !== null && value in ON_OFF ? ON_OFF[value]! : fallback;
}

/** An ISO instant in UTC (`2026-01-06T09:00:00Z`) from the URL; anything else is the usual start. */
function readStart(value: string | null): Instant {
    if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(value)) return LOCAL_START;
    const at = Date.parse(value);
    return Number.isFinite(at) ? at : LOCAL_START;
}

/** Reads the known start from URL parameters; anything missing or malformed falls back to a default. */
export function readStartOptions(search: string): StartOptions {
    const params = new URLSearchParams(search);
    const seed = Number(params.get('seed') ?? '1');
    const lines = Number(params.get('lines') ?? String(DEFAULT_SETTINGS.linesPerAgent));
    // Real time by default (LC-1): a paused clock makes a new user's first skill look broken; paused is a choice.
    const speedParam = params.get('speed') ?? '1';
    const speed = speedParam === 'paused' || speedParam === '0' ? 0 : Number(speedParam);
    return {
        seed: Number.isSafeInteger(seed) ? seed : 1,
        speed: speed === 0 || speed === 10 || speed === 60 || speed === 600 ? speed : 1,
        skill: /^[\w-]{1,80}$/.test(params.get('skill') ?? '') ? (params.get('skill') ?? '') : '',
        startAt: readStart(params.get('at')),
        settings: {
            lines: lines === 2 || lines === 3 ? lines : 1,
            preview: flag(params, 'preview', DEFAULT_SETTINGS.previewEnabled),
            reschedule: flag(params, 'reschedule', DEFAULT_SETTINGS.rescheduleEnabled),
            screenPops: flag(params, 'pops', DEFAULT_SETTINGS.screenPopsEnabled),
            attemptsHistory: flag(params, 'history', DEFAULT_SETTINGS.attemptsHistoryEnabled),
            admin: readAdmin(params.get('admin'))
        }
    };
}

/** The admin settings beyond AD-2's switches in their model form; what `settings` leaves out is the default. */
function adminOf(settings: Settings): LocalAdmin {
    const out: Partial<Record<keyof LocalAdmin, unknown>> = {};
    for (const key of LOCAL_ADMIN_KEYS) out[key] = settings[key];
    return out as LocalAdmin;
}

/**
 * The `admin` URL parameter (JSON of the settings the panel changed), read through the console's own settings
 * parser, so a hand-edited link can never hand the panel a value of the wrong shape.
 */
export function readAdmin(json: string | null): LocalAdmin {
    let raw: unknown = {};
    try {
        raw = json ? JSON.parse(json) : {};
    } catch {
        raw = {};
    }
    const given = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
    return adminOf(parseSettings({ ...DEFAULT_SETTINGS, ...given }).settings);
}

/** Only what differs from the defaults, so the usual link stays short. */
function adminParam(admin: LocalAdmin): Record<string, string> {
    const changed = Object.fromEntries(
        LOCAL_ADMIN_KEYS.filter((k) => JSON.stringify(admin[k]) !== JSON.stringify(DEFAULT_SETTINGS[k])).map((k) => [
            k,
            admin[k]
        ])
    );
    return Object.keys(changed).length ? { admin: JSON.stringify(changed) } : {};
}

/** The URL query for a start, so a reload (or a shared link) starts the same way. */
export function queryFor(options: StartOptions): string {
    const onOff = (b: boolean): string => (b ? 'on' : 'off');
    // The Omni-Channel panel's presence mode (WU-5) outlives the simulator's restarts.
    const presence = presenceModeFrom(window.location.search);
    const s = options.settings;
    return new URLSearchParams({
        seed: String(options.seed),
        lines: String(s.lines),
        preview: onOff(s.preview),
        reschedule: onOff(s.reschedule),
        pops: onOff(s.screenPops),
        history: onOff(s.attemptsHistory),
        speed: options.speed === 0 ? 'paused' : String(options.speed),
        ...adminParam(s.admin),
        ...(options.skill ? { skill: options.skill } : {}),
        ...(presence ? { presence } : {}),
        ...(options.startAt !== LOCAL_START ? { at: new Date(options.startAt).toISOString() } : {})
    }).toString();
}
