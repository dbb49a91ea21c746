/**
 * The Dialer simulator panel's admin settings beyond AD-2's switches (LC-2, CP-5): every rule set on or off, block
 * or warn, its window and limits; the Contact fields the rules read the contact's place from; the default
 * deliver-to; and the wrap-up settings (WU-1). Pure: the view rows the template shows and the change one control
 * makes. The console parses the result as it parses an org's settings, so a bad combination is reported there.
 */
import type { ComplianceRuleSet } from 'c/pcModel';
import type { LocalAdmin, NamedId, SimulatorView } from '../../../simulator';

interface Option {
    readonly value: string;
    readonly label: string;
    readonly selected: boolean;
}

/** One rule set's controls, named by the rule set so each is found by its own name. */
export interface RuleSetRow {
    readonly name: string;
    readonly label: string;
    readonly active: boolean;
    readonly activeLabel: string;
    readonly activeId: string;
    readonly modeId: string;
    readonly modeLabel: string;
    readonly modes: readonly Option[];
    readonly from: string;
    readonly fromLabel: string;
    readonly until: string;
    readonly untilLabel: string;
    readonly perNumber: string;
    readonly perNumberLabel: string;
    readonly perContact: string;
    readonly perContactLabel: string;
    readonly hours: string;
    readonly hoursLabel: string;
}

/** The wrap-up controls (WU-1). */
export interface WrapUpView {
    readonly limit: string;
    readonly skills: ReadonlyArray<{ readonly id: string; readonly label: string; readonly limit: string }>;
    readonly defaults: readonly Option[];
    readonly atZero: readonly Option[];
    readonly notes: ReadonlyArray<{
        readonly id: string;
        readonly inputId: string;
        readonly label: string;
        readonly checked: boolean;
        /** The dialer requires notes for it: the admin cannot lift that. */
        readonly disabled: boolean;
    }>;
}

/** Which control changed: a setting (`key`, with a skill or disposition `id`) or a rule set's `field`. */
export interface ControlRef {
    readonly key?: string;
    readonly rule?: string;
    readonly field?: string;
    readonly id?: string;
}

const hhmm = (minute: number | null): string =>
    minute === null
        ? ''
        : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const text = (n: number | null): string => (n === null ? '' : String(n));

/** The controls of every rule set, in the order the settings hold them. */
export function ruleSetRows(sets: readonly ComplianceRuleSet[]): RuleSetRow[] {
    return sets.map((r) => ({
        name: r.name,
        label: r.label,
        active: r.active,
        activeLabel: `${r.label} on`,
        activeId: `rule-${r.name}-active`,
        modeId: `rule-${r.name}-mode`,
        modeLabel: `${r.label} mode`,
        modes: [
            { value: 'Block', label: 'Block', selected: r.mode === 'Block' },
            { value: 'Warn', label: 'Warn', selected: r.mode === 'Warn' }
        ],
        from: hhmm(r.windowStartMinute),
        fromLabel: `${r.label} calls from`,
        until: hhmm(r.windowEndMinute),
        untilLabel: `${r.label} calls until`,
        perNumber: text(r.perDestinationLimit),
        perNumberLabel: `${r.label} calls per number`,
        perContact: text(r.perContactLimit),
        perContactLabel: `${r.label} calls per contact`,
        hours: String(r.limitWindowHours),
        hoursLabel: `${r.label} limit window (hours)`
    }));
}

/** The wrap-up controls for these settings and the dialer's skills and dispositions. */
export function wrapUpView(admin: LocalAdmin, view: Pick<SimulatorView, 'skills' | 'dispositions'>): WrapUpView {
    const skillLimits = admin.wrapUpSkillLimits;
    return {
        limit: String(admin.wrapUpLimitSeconds),
        skills: view.skills.map((k) => ({
            id: k.id,
            label: `${k.label} wrap-up limit (seconds)`,
            limit: Object.prototype.hasOwnProperty.call(skillLimits, k.id) ? String(skillLimits[k.id]) : ''
        })),
        defaults: [{ id: '', label: 'None' }, ...view.dispositions].map((d) => ({
            value: d.id,
            label: d.label,
            selected: d.id === admin.wrapUpDefaultDisposition
        })),
        atZero: [
            { value: 'Disposition', label: 'Save the default disposition' },
            { value: 'Unavailable', label: 'Set the agent Unavailable' }
        ].map((o) => ({ ...o, selected: o.value === admin.wrapUpAtZero })),
        // One the dialer requires notes for stays required whatever the admin sets (the two rules add up): shown
        // checked and fixed, saying so.
        notes: view.dispositions.map((d) => ({
            id: d.id,
            inputId: `notes-${d.id}`,
            label: d.dialerRequiresNotes
                ? `${d.label} requires notes (set by the dialer)`
                : `${d.label} requires notes`,
            checked: d.dialerRequiresNotes || admin.notesRequiredDispositions.includes(d.id),
            disabled: d.dialerRequiresNotes
        }))
    };
}

/** The contact's numbers for the Do Not Call control, the chosen one selected (else the first). */
export function dncChoices(destinations: readonly NamedId[], chosen: string): Option[] {
    const selected = destinations.some((d) => d.id === chosen) ? chosen : (destinations[0]?.id ?? '');
    return destinations.map((d) => ({ value: d.id, label: d.label, selected: d.id === selected }));
}

function minuteOf(value: string): number | null {
    const m = /^(\d{2}):(\d{2})/.exec(value);
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** A whole number as typed, or null for an empty field; undefined when it is not one. */
function whole(value: string): number | null | undefined {
    const v = value.trim();
    if (!v) return null;
    return /^\d{1,6}$/.test(v) ? Number(v) : undefined;
}

function ruleChange(set: ComplianceRuleSet, field: string, value: string | boolean): ComplianceRuleSet | null {
    if (field === 'active') return { ...set, active: value === true };
    if (typeof value !== 'string') return null;
    switch (field) {
        case 'mode':
            return value === 'Block' || value === 'Warn' ? { ...set, mode: value } : null;
        case 'windowStart':
            return { ...set, windowStartMinute: minuteOf(value) };
        case 'windowEnd':
            return { ...set, windowEndMinute: minuteOf(value) };
        case 'perDestinationLimit':
        case 'perContactLimit': {
            const n = whole(value);
            return n === undefined ? null : { ...set, [field]: n };
        }
        case 'limitWindowHours': {
            const n = whole(value);
            return n === undefined || n === null ? null : { ...set, limitWindowHours: n };
        }
        default:
            return null;
    }
}

/** The settings after one control's change; null when the value is not one the control can hold. */
export function adminChange(admin: LocalAdmin, ref: ControlRef, value: string | boolean): LocalAdmin | null {
    if (ref.rule) {
        const sets = admin.ruleSets;
        const index = sets.findIndex((r) => r.name === ref.rule);
        const set = sets[index];
        const changed = set && ref.field ? ruleChange(set, ref.field, value) : null;
        if (!changed) return null;
        return { ...admin, ruleSets: sets.map((r, i) => (i === index ? changed : r)) };
    }
    const s = typeof value === 'string' ? value.trim() : '';
    switch (ref.key) {
        case 'defaultDeliverTo':
            return s === 'Me' || s === 'Skill' ? { ...admin, defaultDeliverTo: s } : null;
        case 'contactTimeZoneField':
        case 'contactCountryField':
        case 'contactStateField':
            return { ...admin, [ref.key]: s };
        case 'wrapUpLimitSeconds': {
            const n = whole(s);
            return n === undefined ? null : { ...admin, wrapUpLimitSeconds: n ?? 0 };
        }
        case 'wrapUpSkillLimits': {
            const n = whole(s);
            if (n === undefined || !ref.id) return null;
            const limits: Record<string, number> = { ...admin.wrapUpSkillLimits };
            if (n === null) delete limits[ref.id];
            else limits[ref.id] = n;
            return { ...admin, wrapUpSkillLimits: limits };
        }
        case 'wrapUpDefaultDisposition':
            return { ...admin, wrapUpDefaultDisposition: s };
        case 'wrapUpAtZero':
            return s === 'Disposition' || s === 'Unavailable' ? { ...admin, wrapUpAtZero: s } : null;
        case 'notesRequiredDispositions': {
            if (!ref.id) return null;
            const rest = admin.notesRequiredDispositions.filter((d) => d !== ref.id);
            return { ...admin, notesRequiredDispositions: value === true ? [...rest, ref.id] : rest };
        }
        default:
            return null;
    }
}

/** The longest preview timeout the panel takes, in seconds (an hour: longer is no timeout an agent would notice). */
export const MAX_PREVIEW_TIMEOUT_S = 3600;

/**
 * The dialer's preview timeout as typed in the panel (BX-6): empty is none; whole seconds from 1 to an hour; anything
 * else is refused with the words shown beside the field, and what was typed stays there.
 */
export function previewTimeoutOf(typed: string): { readonly seconds: number | null } | { readonly error: string } {
    const text = typed.trim();
    if (text === '') return { seconds: null };
    const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PREVIEW_TIMEOUT_S) {
        return { error: `Enter whole seconds from 1 to ${MAX_PREVIEW_TIMEOUT_S}, or leave it empty for no timeout.` };
    }
    return { seconds };
}
