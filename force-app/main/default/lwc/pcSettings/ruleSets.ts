/**
 * Parses the compliance rule sets (PC_Rule_Set__mdt read through Apex, CP-2): untrusted input. Each record is
 * checked field by field; a bad record is reported (`ruleSets.<name>.<field>`) and left out, except that a bad
 * copy of a shipped record is replaced by the shipped values, so a typo never switches a state's law off (AD-3).
 * No rule sets sent at all (a gateway that keeps none) means the shipped ones.
 */
import type { ComplianceRuleSet, SettingsProblem } from 'c/pcModel';
import { DEFAULT_RULE_SETS, isRuleMode } from 'c/pcModel';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const AREA_CODE = /^[2-9]\d{2}$/;
const LIMIT_MAX = 999;
const WINDOW_HOURS_MAX = 366 * 24;

type Raw = Readonly<Record<string, unknown>>;

/** One field's problem, named for the admin; thrown inside the record's parse and caught per record. */
class BadField extends Error {
    constructor(
        readonly field: string,
        readonly code: SettingsProblem['code']
    ) {
        super(field);
    }
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && !v.trim());

function list(raw: Raw, key: string, pattern: RegExp): readonly string[] {
    const v = raw[key];
    if (blank(v)) return [];
    // Text as custom metadata holds it, or a list as the model does (a parsed Settings parses again unchanged).
    const texts = typeof v === 'string' ? v.split(/[\s,;]+/) : Array.isArray(v) ? (v as readonly unknown[]) : null;
    if (!texts?.every((t) => typeof t === 'string')) throw new BadField(key, 'Invalid');
    const items = (texts as readonly string[]).map((t) => t.toUpperCase()).filter(Boolean);
    if (!items.every((i) => pattern.test(i))) throw new BadField(key, 'Invalid');
    return Object.freeze(items);
}

function minute(raw: Raw, key: string): number | null {
    // The model's minutes after midnight, where a parsed Settings is parsed again.
    const asMinutes = raw[`${key}Minute`];
    if (typeof asMinutes === 'number' && Number.isInteger(asMinutes) && asMinutes >= 0 && asMinutes <= 24 * 60) {
        return asMinutes;
    }
    const v = raw[key];
    if (blank(v)) return null;
    const m = typeof v === 'string' ? HH_MM.exec(v.trim()) : null;
    if (!m) throw new BadField(key, 'Invalid');
    return Number(m[1]) * 60 + Number(m[2]);
}

function whole(raw: Raw, key: string, max: number): number | null {
    const v = raw[key];
    if (blank(v)) return null;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new BadField(key, 'Invalid');
    if (v < 1 || v > max) throw new BadField(key, 'OutOfRange');
    return v;
}

function parseOne(raw: Raw, name: string): ComplianceRuleSet {
    const country = typeof raw.country === 'string' ? raw.country.trim().toUpperCase() : '';
    if (!country) throw new BadField('country', 'Missing');
    if (!COUNTRY.test(country)) throw new BadField('country', 'Invalid');
    const windowStartMinute = minute(raw, 'windowStart');
    const windowEndMinute = minute(raw, 'windowEnd');
    if ((windowStartMinute === null) !== (windowEndMinute === null)) {
        throw new BadField(windowStartMinute === null ? 'windowStart' : 'windowEnd', 'Missing');
    }
    if (windowStartMinute !== null && windowEndMinute !== null && windowStartMinute >= windowEndMinute) {
        throw new BadField('windowEnd', 'OutOfRange');
    }
    const perDestinationLimit = whole(raw, 'perDestinationLimit', LIMIT_MAX);
    const perContactLimit = whole(raw, 'perContactLimit', LIMIT_MAX);
    const hours = whole(raw, 'limitWindowHours', WINDOW_HOURS_MAX);
    if (hours === null && (perDestinationLimit !== null || perContactLimit !== null)) {
        throw new BadField('limitWindowHours', 'Missing');
    }
    const mode = typeof raw.mode === 'string' ? raw.mode.trim() : raw.mode;
    if (blank(mode)) throw new BadField('mode', 'Missing');
    if (!isRuleMode(mode)) throw new BadField('mode', 'Invalid');
    if (raw.active !== undefined && raw.active !== null && typeof raw.active !== 'boolean') {
        throw new BadField('active', 'Invalid');
    }
    const label = typeof raw.label === 'string' && raw.label.trim() ? raw.label.trim() : name;
    return Object.freeze({
        name,
        label,
        country,
        regions: list(raw, 'regions', REGION),
        areaCodes: list(raw, 'areaCodes', AREA_CODE),
        windowStartMinute,
        windowEndMinute,
        perDestinationLimit,
        perContactLimit,
        limitWindowHours: hours ?? 24,
        mode,
        // An unchecked box comes as false; one absent is off too, never on by accident.
        active: raw.active === true
    });
}

/** The rule sets to check, from the raw `ruleSets` Apex sends; problems are appended to `problems`. */
export function readRuleSets(value: unknown, problems: SettingsProblem[]): readonly ComplianceRuleSet[] {
    if (value === undefined || value === null) return DEFAULT_RULE_SETS;
    if (!Array.isArray(value)) {
        problems.push({ setting: 'ruleSets', code: 'Invalid', usedInstead: 'shipped' });
        return DEFAULT_RULE_SETS;
    }
    const out: ComplianceRuleSet[] = [];
    const seen = new Set<string>();
    (value as readonly unknown[]).forEach((item, index) => {
        const raw: Raw = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Raw) : {};
        const name = typeof raw.name === 'string' && NAME.test(raw.name) ? raw.name : null;
        if (!name || seen.has(name)) {
            problems.push({
                setting: `ruleSets.${index}.name`,
                code: name ? 'Invalid' : 'Missing',
                usedInstead: 'skipped'
            });
            return;
        }
        seen.add(name);
        try {
            out.push(parseOne(raw, name));
        } catch (e) {
            /* istanbul ignore next -- parseOne throws only BadField */
            if (!(e instanceof BadField)) throw e;
            const shipped = DEFAULT_RULE_SETS.find((s) => s.name === name);
            problems.push({
                setting: `ruleSets.${name}.${e.field}`,
                code: e.code,
                usedInstead: shipped ? 'shipped' : 'skipped'
            });
            if (shipped) out.push(shipped);
        }
    });
    return Object.freeze(out);
}
