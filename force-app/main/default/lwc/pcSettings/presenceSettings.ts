/**
 * The Omni-Channel presence settings (WU-5): who leads (PC_Settings__mdt Presence_Mode__c) and the state mapping
 * (PC_Presence_Map__mdt read through Apex). Untrusted input: a bad mode falls back to the default and is reported;
 * a bad mapping record is reported (`presenceMap.<name>`) and left out (AD-3). Added after the first release, so an
 * absent mode or no mapping sent at all means the defaults, never a problem.
 */
import type { PresenceMapping, Settings, SettingsProblem } from 'c/pcModel';
import {
    DEFAULT_PRESENCE_MAP,
    DEFAULT_SETTINGS,
    OMNI_OFFLINE,
    PresenceDialerState,
    PresenceDirection,
    isPresenceDialerState,
    isPresenceDirection,
    isPresenceMode
} from 'c/pcModel';

/** A custom metadata developer name, as ServicePresenceStatus and PC_Presence_Map__mdt records have them. */
const DEVELOPER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
/** An unavailable code as a dialer names it (id or label): letters, digits, spaces and common punctuation. */
const CODE = /^[\p{L}\p{N}][\p{L}\p{N} _.:'&()/-]{0,79}$/u;
const MAX_ROWS = 200;

type Raw = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Raw {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

/** One mapping row, or the name of the field that makes it unusable. */
function mappingOf(row: Raw): PresenceMapping | string {
    const dialerState = text(row.dialerState);
    if (!isPresenceDialerState(dialerState)) return 'dialerState';
    const presenceStatus = text(row.presenceStatus);
    if (!DEVELOPER_NAME.test(presenceStatus)) return 'presenceStatus';
    const rawDirection = text(row.direction);
    const direction = rawDirection === '' ? PresenceDirection.Both : rawDirection;
    if (!isPresenceDirection(direction)) return 'direction';
    // The console cannot start a call or wrap-up because Omni-Channel changed: a call is shown to Omni only.
    if (dialerState === PresenceDialerState.OnCall && direction !== PresenceDirection.ToOmni) return 'direction';
    // A code narrows an Unavailable row only.
    const unavailableCode = text(row.unavailableCode);
    if (unavailableCode !== '' && (dialerState !== PresenceDialerState.Unavailable || !CODE.test(unavailableCode))) {
        return 'unavailableCode';
    }
    const name = text(row.name);
    return Object.freeze({
        name: DEVELOPER_NAME.test(name) ? name : presenceStatus,
        dialerState,
        unavailableCode,
        presenceStatus: presenceStatus.toLowerCase() === OMNI_OFFLINE.toLowerCase() ? OMNI_OFFLINE : presenceStatus,
        direction
    });
}

function readMap(value: unknown, problems: SettingsProblem[]): readonly PresenceMapping[] {
    if (value === undefined || value === null) return DEFAULT_PRESENCE_MAP;
    if (!Array.isArray(value)) {
        problems.push({ setting: 'presenceMap', code: 'Invalid', usedInstead: 'shipped' });
        return DEFAULT_PRESENCE_MAP;
    }
    const rows: PresenceMapping[] = [];
    (value as readonly unknown[]).slice(0, MAX_ROWS).forEach((row, index) => {
        const name = isRecord(row) && DEVELOPER_NAME.test(text(row.name)) ? text(row.name) : String(index + 1);
        const parsed = isRecord(row) ? mappingOf(row) : 'record';
        if (typeof parsed === 'string') {
            problems.push({ setting: `presenceMap.${name}.${parsed}`, code: 'Invalid', usedInstead: 'skipped' });
        } else rows.push(parsed);
    });
    return Object.freeze(rows);
}

/** The presence part of Settings (WU-5). */
export function readPresence(raw: Raw, problems: SettingsProblem[]): Pick<Settings, 'presenceMode' | 'presenceMap'> {
    const mode = text(raw.presenceMode);
    let presenceMode = DEFAULT_SETTINGS.presenceMode;
    if (isPresenceMode(mode)) presenceMode = mode;
    else if (mode !== '') problems.push({ setting: 'presenceMode', code: 'Invalid', usedInstead: presenceMode });
    return { presenceMode, presenceMap: readMap(raw.presenceMap, problems) };
}
