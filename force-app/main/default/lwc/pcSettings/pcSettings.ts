/**
 * Parses the admin settings (AD-2) stored as custom metadata and read through Apex: untrusted input.
 * Each field is checked exactly (type, range, enum); a bad or missing one falls back to its default from
 * DEFAULT_SETTINGS and is reported as a SettingsProblem, so the console always starts (AD-3).
 *
 * Value one / Value two are read either as objects (`valueOne: { label, source, field }`) or as the flat
 * fields custom metadata holds (`valueOneLabel`, `valueOneSource`, `valueOneField`); the object wins when both
 * are present. Unknown keys (Id, DeveloperName ...) are ignored. The Apex side substitutes its own defaults and
 * lists what it replaced under `problems`; those entries are checked and reported too, so the admin sees them.
 */
import type { Settings, SettingsProblem, ValueFieldSetting } from 'c/pcModel';
import {
    DEFAULT_SETTINGS,
    DialerAdapterKind,
    isCallingHoursGuard,
    isContactTabMode,
    isDeliverTo,
    isDialerAdapterKind
} from 'c/pcModel';
import { checkValueField, isContactFieldPath } from './valueField';
import { readRuleSets } from './ruleSets';
import type { RawValueField } from './valueField';
import { readWrapUp } from './wrapUpSettings';
import { readPresence } from './presenceSettings';

import { overrideValue, PAGE_PROBLEM_PREFIX } from './pageOverrides';
import type { PageOverrides } from './pageOverrides';

export { PAGE_PROBLEM_PREFIX };
export { WRAP_UP_MAX_SECONDS } from './wrapUpSettings';
export type { PageOverrides, PageValueOverride } from './pageOverrides';

/** The result of parsing: settings that are always usable, and what was wrong with the stored ones. */
export interface ParsedSettings {
    readonly settings: Settings;
    readonly problems: readonly SettingsProblem[];
}

/** Lines per agent the dialer supports (CL-1). */
export const LINES_RANGE = { min: 1, max: 3 } as const;
const NOTES_RANGE = { min: 1, max: 32000 } as const;
const MINUTES_IN_DAY = 24 * 60;

type Problems = SettingsProblem[];

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(value: unknown): boolean {
    return value === undefined || value === null;
}

function readBoolean(raw: Readonly<Record<string, unknown>>, key: keyof Settings, problems: Problems): boolean {
    const fallback = DEFAULT_SETTINGS[key] as boolean;
    const value = raw[key];
    if (typeof value === 'boolean') return value;
    problems.push({ setting: key, code: missing(value) ? 'Missing' : 'Invalid', usedInstead: String(fallback) });
    return fallback;
}

function readInteger(
    raw: Readonly<Record<string, unknown>>,
    key: keyof Settings,
    range: { readonly min: number; readonly max: number },
    problems: Problems
): number {
    const fallback = DEFAULT_SETTINGS[key] as number;
    const value = raw[key];
    if (missing(value)) {
        problems.push({ setting: key, code: 'Missing', usedInstead: String(fallback) });
        return fallback;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
        problems.push({ setting: key, code: 'Invalid', usedInstead: String(fallback) });
        return fallback;
    }
    if (value < range.min || value > range.max) {
        problems.push({ setting: key, code: 'OutOfRange', usedInstead: String(fallback) });
        return fallback;
    }
    return value;
}

function readEnum<T extends string>(
    raw: Readonly<Record<string, unknown>>,
    key: keyof Settings,
    guard: (value: unknown) => value is T,
    problems: Problems
): T {
    const fallback = DEFAULT_SETTINGS[key] as T;
    const value = raw[key];
    if (guard(value)) return value;
    problems.push({ setting: key, code: missing(value) ? 'Missing' : 'Invalid', usedInstead: fallback });
    return fallback;
}

function readValueField(
    raw: Readonly<Record<string, unknown>>,
    key: 'valueOne' | 'valueTwo',
    problems: Problems
): ValueFieldSetting {
    const fallback = DEFAULT_SETTINGS[key];
    const nested = raw[key];
    const source: RawValueField | null = isRecord(nested)
        ? { label: nested.label, source: nested.source, field: nested.field }
        : ['Label', 'Source', 'Field'].some((s) => !missing(raw[`${key}${s}`]))
          ? { label: raw[`${key}Label`], source: raw[`${key}Source`], field: raw[`${key}Field`] }
          : null;
    if (!source) {
        problems.push({
            setting: key,
            code: missing(nested) ? 'Missing' : 'Invalid',
            usedInstead: `${fallback.label} (${fallback.field})`
        });
        return fallback;
    }
    const checked = checkValueField(key, source, fallback);
    if ('problem' in checked) {
        problems.push(checked.problem);
        return fallback;
    }
    return checked.value;
}

/** The dialer's address: https, or http on the loopback host (the local console's CXone fake). */
const DIALER_ENDPOINT = /^(?:https:\/\/[A-Za-z0-9.-]+|http:\/\/(?:127\.0\.0\.1|localhost))(:\d{1,5})?(\/[^\s]*)?$/;

function readEndpoint(raw: Readonly<Record<string, unknown>>, adapter: DialerAdapterKind, problems: Problems): string {
    const value = raw.dialerEndpoint;
    if (missing(value) || value === '') {
        // Only a real dialer needs an address; the simulated one runs in the page.
        if (adapter === DialerAdapterKind.CXone) {
            problems.push({ setting: 'dialerEndpoint', code: 'Missing', usedInstead: '' });
        }
        return '';
    }
    if (typeof value === 'string' && DIALER_ENDPOINT.test(value)) return value;
    problems.push({ setting: 'dialerEndpoint', code: 'Invalid', usedInstead: '' });
    return '';
}

/**
 * An https URL on a DNS host, or an http URL on the loopback host (a secure context in browsers: the local console's
 * CXone fake); no credentials, no query or fragment (an OAuth endpoint must not carry either).
 */
const HTTPS_URL =
    /^(?:https:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+|http:\/\/(?:127\.0\.0\.1|localhost))(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/;
const URL_MAX = 255;
/** An OAuth client id: URL-safe characters only, so it goes into the authorize URL unaltered. */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._~@:+-]{0,127}$/;
/** A CXone tenant or agent id: a number or a GUID, safe in a URL path. */
const CXONE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
/** A CXone station: `softphone`, a phone number (digits and + ( ) . - spaces), or a station id. */
const CXONE_STATION = /^(?:[Ss][Oo][Ff][Tt][Pp][Hh][Oo][Nn][Ee]|\+?[0-9 ().-]{7,24}|[A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;

type OptionalTextKey =
    | 'cxoneAuthHost'
    | 'cxoneAuthorizeEndpoint'
    | 'cxoneTokenEndpoint'
    | 'cxoneClientId'
    | 'cxoneTenantId'
    | 'cxoneAgentId'
    | 'cxoneStation'
    | 'cxoneRedirectUri';

/** An optional text setting: absent or empty is '', anything else must match `pattern` exactly. */
function readOptionalText(
    raw: Readonly<Record<string, unknown>>,
    key: OptionalTextKey,
    pattern: RegExp,
    maxLength: number,
    problems: Problems
): string {
    const value = raw[key];
    if (missing(value) || value === '') return '';
    if (typeof value === 'string' && value.length <= maxLength && pattern.test(value)) return value;
    problems.push({ setting: key, code: 'Invalid', usedInstead: '' });
    return '';
}

/** The CXone sign-in part of Settings. */
export type CxoneSignIn = Pick<Settings, OptionalTextKey>;

/** The CXone sign-in settings; for a CXone dialer the client id and an auth host (or both endpoints) are required. */
function readCxoneSignIn(
    raw: Readonly<Record<string, unknown>>,
    adapter: DialerAdapterKind,
    problems: Problems
): CxoneSignIn {
    const signIn: CxoneSignIn = {
        cxoneAuthHost: readOptionalText(raw, 'cxoneAuthHost', HTTPS_URL, URL_MAX, problems),
        cxoneAuthorizeEndpoint: readOptionalText(raw, 'cxoneAuthorizeEndpoint', HTTPS_URL, URL_MAX, problems),
        cxoneTokenEndpoint: readOptionalText(raw, 'cxoneTokenEndpoint', HTTPS_URL, URL_MAX, problems),
        cxoneClientId: readOptionalText(raw, 'cxoneClientId', CLIENT_ID, 128, problems),
        cxoneTenantId: readOptionalText(raw, 'cxoneTenantId', CXONE_ID, 64, problems),
        cxoneAgentId: readOptionalText(raw, 'cxoneAgentId', CXONE_ID, 64, problems),
        cxoneStation: readOptionalText(raw, 'cxoneStation', CXONE_STATION, 64, problems),
        cxoneRedirectUri: readOptionalText(raw, 'cxoneRedirectUri', HTTPS_URL, URL_MAX, problems)
    };
    if (adapter === DialerAdapterKind.CXone) problems.push(...cxoneSignInProblems(signIn, problems));
    return signIn;
}

/**
 * What a CXone dialer still lacks to sign in: the client id, and an auth host unless both endpoints are given.
 * A setting already reported (e.g. Invalid) is not reported again as Missing. The runtime calls it too, for a page
 * that chooses CXone over stored settings that name the simulated dialer.
 */
export function cxoneSignInProblems(settings: CxoneSignIn, known: readonly SettingsProblem[] = []): SettingsProblem[] {
    const reported = new Set(known.map((p) => p.setting));
    const found: SettingsProblem[] = [];
    const need = (setting: OptionalTextKey): void => {
        if (!settings[setting] && !reported.has(setting)) found.push({ setting, code: 'Missing', usedInstead: '' });
    };
    need('cxoneClientId');
    // Discovery on the auth host supplies whichever endpoint is not given explicitly.
    if (!settings.cxoneAuthorizeEndpoint || !settings.cxoneTokenEndpoint) need('cxoneAuthHost');
    return found;
}

const PROBLEM_CODES: ReadonlySet<string> = new Set(['Missing', 'OutOfRange', 'Invalid', 'UnknownField']);

/** Problems the server already found (and fixed); malformed entries are dropped, never shown raw. */
function serverProblems(value: unknown): SettingsProblem[] {
    if (!Array.isArray(value)) return [];
    const found: SettingsProblem[] = [];
    for (const entry of value) {
        if (!isRecord(entry)) continue;
        const { setting, code, usedInstead } = entry;
        if (typeof setting !== 'string' || !/^[A-Za-z][A-Za-z0-9_.]{0,119}$/.test(setting)) continue;
        if (typeof code !== 'string' || !PROBLEM_CODES.has(code)) continue;
        if (typeof usedInstead !== 'string' || usedInstead.length > 200) continue;
        found.push({ setting, code: code as SettingsProblem['code'], usedInstead });
    }
    return found;
}

/** The console-tab option (AD-5); added after the first release, so an absent value is the default, not a problem. */
function readContactTab(raw: Readonly<Record<string, unknown>>, problems: Problems): Settings['contactTab'] {
    const value = raw.contactTab;
    if (missing(value) || value === '') return DEFAULT_SETTINGS.contactTab;
    if (isContactTabMode(value)) return value;
    problems.push({ setting: 'contactTab', code: 'Invalid', usedInstead: DEFAULT_SETTINGS.contactTab });
    return DEFAULT_SETTINGS.contactTab;
}

/** A Contact field the compliance rules read (CP-1); absent or blank: the default, as for settings added later. */
function readContactField(
    raw: Readonly<Record<string, unknown>>,
    key: 'contactTimeZoneField' | 'contactCountryField' | 'contactStateField',
    problems: Problems
): string {
    const value = raw[key];
    if (missing(value) || value === '') return DEFAULT_SETTINGS[key];
    if (typeof value === 'string' && isContactFieldPath(value.trim())) return value.trim();
    problems.push({ setting: key, code: 'Invalid', usedInstead: DEFAULT_SETTINGS[key] });
    return DEFAULT_SETTINGS[key];
}

/** Parses raw settings into usable Settings, reporting every field that had to fall back (AD-3). */
export function parseSettings(raw: unknown): ParsedSettings {
    const problems: Problems = [];
    if (!isRecord(raw)) {
        problems.push({ setting: 'settings', code: missing(raw) ? 'Missing' : 'Invalid', usedInstead: 'defaults' });
        return { settings: DEFAULT_SETTINGS, problems };
    }
    let start = readInteger(raw, 'callingHoursStartMinute', { min: 0, max: MINUTES_IN_DAY - 1 }, problems);
    let end = readInteger(raw, 'callingHoursEndMinute', { min: 1, max: MINUTES_IN_DAY }, problems);
    if (start >= end) {
        // An empty window would refuse every callback; the default window is the lawful one.
        problems.push({
            setting: 'callingHoursEndMinute',
            code: 'OutOfRange',
            usedInstead: String(DEFAULT_SETTINGS.callingHoursEndMinute)
        });
        start = DEFAULT_SETTINGS.callingHoursStartMinute;
        end = DEFAULT_SETTINGS.callingHoursEndMinute;
    }
    const dialerAdapter = readEnum(raw, 'dialerAdapter', isDialerAdapterKind, problems);
    const settings: Settings = Object.freeze({
        linesPerAgent: readInteger(raw, 'linesPerAgent', LINES_RANGE, problems),
        previewEnabled: readBoolean(raw, 'previewEnabled', problems),
        rescheduleEnabled: readBoolean(raw, 'rescheduleEnabled', problems),
        screenPopsEnabled: readBoolean(raw, 'screenPopsEnabled', problems),
        attemptsHistoryEnabled: readBoolean(raw, 'attemptsHistoryEnabled', problems),
        defaultDeliverTo: readEnum(raw, 'defaultDeliverTo', isDeliverTo, problems),
        callingHoursGuard: readEnum(raw, 'callingHoursGuard', isCallingHoursGuard, problems),
        callingHoursStartMinute: start,
        callingHoursEndMinute: end,
        notesMaxLength: readInteger(raw, 'notesMaxLength', NOTES_RANGE, problems),
        dialerAdapter,
        dialerEndpoint: readEndpoint(raw, dialerAdapter, problems),
        ...readCxoneSignIn(raw, dialerAdapter, problems),
        valueOne: readValueField(raw, 'valueOne', problems),
        valueTwo: readValueField(raw, 'valueTwo', problems),
        contactTab: readContactTab(raw, problems),
        contactTimeZoneField: readContactField(raw, 'contactTimeZoneField', problems),
        contactCountryField: readContactField(raw, 'contactCountryField', problems),
        contactStateField: readContactField(raw, 'contactStateField', problems),
        ruleSets: readRuleSets(raw.ruleSets, problems),
        ...readWrapUp(raw, problems),
        ...readPresence(raw, problems)
    });
    const seen = new Set(problems.map((p) => `${p.setting}:${p.code}`));
    const reported = serverProblems(raw.problems).filter((p) => !seen.has(`${p.setting}:${p.code}`));
    return { settings, problems: [...reported, ...problems] };
}

/**
 * The raw settings with one page's App Builder properties laid over them (AD-4, AD-5), for the service to parse.
 * Each property is checked like the stored setting; one that cannot be used leaves the stored value and adds a
 * problem named `page.<setting>` to the raw `problems`, which parseSettings reports like the server's own.
 */
export function applyPageOverrides(raw: unknown, page: PageOverrides): unknown {
    // Unreadable settings already give the defaults and a problem; a page property cannot repair them.
    if (!isRecord(raw)) return raw;
    const stored = parseSettings(raw).settings;
    const next: Record<string, unknown> = { ...raw };
    const added: SettingsProblem[] = [];
    for (const key of ['valueOne', 'valueTwo'] as const) {
        const { value, problem } = overrideValue(key, stored[key], page[key]);
        if (problem) added.push(problem);
        else if (value !== stored[key]) next[key] = value;
    }
    const tab = page.contactTab;
    if (typeof tab === 'string' && tab.trim() !== '') {
        if (isContactTabMode(tab.trim())) next.contactTab = tab.trim();
        else
            added.push({
                setting: `${PAGE_PROBLEM_PREFIX}contactTab`,
                code: 'Invalid',
                usedInstead: stored.contactTab
            });
    }
    if (added.length) next.problems = [...(Array.isArray(raw.problems) ? raw.problems : []), ...added];
    return next;
}
