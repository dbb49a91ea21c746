/**
 * The service's compliance gate (CP-1): before every action that places or schedules a call (Accept, Reschedule,
 * callback delivery, transfer to a number, click-to-dial) the console asks c/pcCompliance with what it knows of the
 * contact, and turns the answer into a go, a refusal or a warning the agent may confirm (CP-3). Pure functions of
 * the console's state; the service sends or holds the command.
 */
import type {
    Call,
    Callback,
    CallingRecord,
    CallingWindow,
    ComplianceNotice,
    ComplianceRuleSet,
    ComplianceVerdict,
    ConsoleState,
    FieldIssue,
    Instant,
    Interaction,
    RescheduleValidation
} from 'c/pcModel';
import { RuleMode } from 'c/pcModel';
import { normalizePhone } from 'c/pcSchedule';
import { applies, checkCall, checkNumber, nextAllowed, placeFromContact, queryFor, resolvePlace } from 'c/pcCompliance';
import type { ComplianceAttempt, ContactFacts, ComplianceQuery } from 'c/pcCompliance';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;

/** What the console knows of the contact of `record` (the pop's, when it is this record's). */
export function factsOf(state: ConsoleState, record: CallingRecord): ContactFacts {
    const pop = state.screenPop;
    const mine = pop && pop.record.id === record.id ? pop : null;
    return {
        record,
        history: mine?.attemptsHistory ?? null,
        place: placeFromContact(state.settings, mine?.contact?.fields),
        ruleSets: state.settings.ruleSets
    };
}

/** May `number` of `record` be called (or be scheduled) at `at`? */
export function checkRecord(
    state: ConsoleState,
    record: CallingRecord,
    number: string,
    at: Instant
): ComplianceVerdict {
    return checkNumber(factsOf(state, record), number, at);
}

/**
 * A number with no calling record behind it (click-to-dial, a transfer, a callback the console did not pop): its
 * place from the Contact's fields when known, else from the number; its attempts from the Tasks logged for it.
 */
export function checkBareNumber(
    state: ConsoleState,
    number: string,
    at: Instant,
    contactFields?: Readonly<Record<string, string | null>> | null,
    logged: readonly Interaction[] = []
): ComplianceVerdict {
    const attempts: ComplianceAttempt[] = [];
    for (const item of logged) if (item.attempt) attempts.push({ number: item.attempt.number, at: item.at });
    return checkCall({
        at,
        destination: number,
        // Stryker disable next-line ArrayDeclaration: the list only says which numbers are on Do Not Call; empty, no number is
        destinations: [{ number, dnc: false }],
        attempts,
        place: resolvePlace(placeFromContact(state.settings, contactFields), number),
        ruleSets: state.settings.ruleSets
    });
}

/** The notice to show for a verdict; null when the call is allowed. A Block names only its blocking rules. */
export function noticeOf(verdict: ComplianceVerdict, at: Instant): ComplianceNotice | null {
    if (verdict.verdict === 'Allowed') return null;
    const findings =
        verdict.verdict === 'Block' ? verdict.findings.filter((f) => f.mode === RuleMode.Block) : verdict.findings;
    return Object.freeze({ verdict: verdict.verdict, findings, at, nextAllowedAt: verdict.nextAllowedAt });
}

/** Go on (with the warning the agent overrode, if any), or stop with the notice to show. */
export type GateOutcome =
    | { readonly go: true; readonly overridden: ComplianceNotice | null }
    | { readonly go: false; readonly notice: ComplianceNotice };

/** A Block always stops; a Warn stops until the agent confirms it (CP-3: one more click). */
export function gate(verdict: ComplianceVerdict, at: Instant, confirmWarnings: boolean): GateOutcome {
    const notice = noticeOf(verdict, at);
    if (!notice) return { go: true, overridden: null };
    if (notice.verdict === 'Warn' && confirmWarnings) return { go: true, overridden: notice };
    return { go: false, notice };
}

/**
 * The line the override adds to the attempt's Task (CP-3). It names the rule sets by their admin labels (org data,
 * in the org's words) and their developer names, so a report can find overridden attempts by a fixed prefix.
 */
export function overrideNote(notice: ComplianceNotice): string {
    const rules = notice.findings.map((f) => `${f.ruleLabel} (${f.rule}: ${f.kind})`);
    return `[Compliance override] ${rules.join('; ')}`;
}

/** The agent's notes with the override line after them. */
export function withOverride(notes: string, note: string | undefined): string {
    if (!note) return notes;
    return notes ? `${notes}\n${note}` : note;
}

/** Every active rule set's window that applies to the contact reached at `number`, narrowed to one (RS-6). */
export function callingWindowOf(
    state: ConsoleState,
    record: CallingRecord,
    number: string,
    now: Instant
): CallingWindow | null {
    const q = queryFor(factsOf(state, record), number, now);
    const sets = state.settings.ruleSets.filter(
        (s) => applies(s, q.place) && s.windowStartMinute !== null && s.windowEndMinute !== null
    );
    if (!sets.length) return null;
    // The strictest reading: the latest opening and the earliest close of all windows that apply.
    const startMinute = Math.max(...sets.map((s) => s.windowStartMinute ?? 0));
    // Stryker disable next-line ArithmeticOperator: the filter above keeps only sets with both ends, so the fallback never applies
    const endMinute = Math.min(...sets.map((s) => s.windowEndMinute ?? 24 * 60));
    return Object.freeze({ startMinute, endMinute, rules: Object.freeze(sets.map((s) => s.label)) });
}

function everyRuleBlocks(sets: readonly ComplianceRuleSet[]): readonly ComplianceRuleSet[] {
    return sets.map((s) => ({ ...s, mode: RuleMode.Block }));
}

/**
 * The reschedule form's default instant (RS-6, CP-1): the first quarter hour at least a quarter of an hour ahead at
 * which no rule, blocking or warning, objects to calling `number`; null when none ever will (DNC).
 */
export function nextCallableAt(
    state: ConsoleState,
    record: CallingRecord,
    number: string,
    now: Instant
): Instant | null {
    const base = queryFor(factsOf(state, record), number, now);
    const strict: ComplianceQuery = { ...base, ruleSets: everyRuleBlocks(base.ruleSets) };
    let at = Math.ceil((now + QUARTER) / QUARTER) * QUARTER;
    // A limit frees on the second an attempt leaves its window: round up and ask again until both agree.
    // Stryker disable next-line EqualityOperator,UpdateOperator: the instant settles within two rounds; the bound only guards a rule that never does
    for (let round = 0; round < 8; round++) {
        const next = nextAllowed({ ...strict, at });
        if (next === null) return null;
        const rounded = Math.ceil(next / QUARTER) * QUARTER;
        // Stryker disable next-line ConditionalExpression: a shortcut; once settled, every further round keeps the same instant
        if (rounded === at) return at;
        at = rounded;
    }
    return at;
}

/**
 * A reschedule's validation with the rules' answer at the chosen instant (CP-1): a Block is the time field's error,
 * a Warn its warning; both carry the notice the form words (CP-3) and the window for the note beside the field.
 */
export function withCompliance(
    base: RescheduleValidation,
    state: ConsoleState,
    record: CallingRecord,
    listNumber: string,
    now: Instant
): RescheduleValidation {
    const callingWindow = callingWindowOf(state, record, listNumber, now);
    if (!base.ok) return { ...base, callingWindow };
    const { at, number } = base.request;
    const notice = noticeOf(checkRecord(state, record, number, at), at);
    if (!notice) return { ...base, compliance: null, callingWindow };
    if (notice.verdict === 'Block') {
        const errors: FieldIssue[] = [{ field: 'time', code: 'ComplianceBlocked', params: {} }];
        return { ok: false, errors, warnings: base.warnings, compliance: notice, callingWindow };
    }
    const warning: FieldIssue = { field: 'time', code: 'ComplianceWarning', params: {} };
    return { ...base, warnings: [...base.warnings, warning], compliance: notice, callingWindow };
}

/** What the rules say of a callback ringing now (CP-1): the pop's facts when it is the callback's record; null when it may. */
export function callbackNotice(state: ConsoleState, callback: Callback, now: Instant): ComplianceNotice | null {
    const number = typeof callback?.number === 'string' ? normalizePhone(callback.number) : null;
    if (!number) return null;
    const pop = state.screenPop;
    const verdict =
        pop && pop.record.id === callback.recordId
            ? checkRecord(state, pop.record, number, now)
            : checkBareNumber(state, number, now);
    const outcome = gate(verdict, now, false);
    return outcome.go ? null : outcome.notice;
}

/**
 * Overridden warnings waiting for their attempt's Task (CP-3), kept under the key the call will be found by: the
 * call id (a transfer), the record id (Accept) or `n:` and the number (click-to-dial); dropped once logged.
 */
export class OverrideBook {
    private readonly notes = new Map<string, string>();

    /** Keeps the gate's overridden warning, if any, under `key`. */
    keep(outcome: GateOutcome, key: string): void {
        if (outcome.go && outcome.overridden) this.notes.set(key, overrideNote(outcome.overridden));
    }

    /** The override line for a call's Task, if the agent overrode a warning to place it. */
    of(call: Call): string | undefined {
        return this.notes.get(call.id) ?? this.notes.get(call.record.id) ?? this.notes.get(`n:${call.number}`);
    }

    /** Forgets a call's override once its Task is logged. */
    forget(call: Call): void {
        for (const key of [call.id, call.record.id, `n:${call.number}`]) this.notes.delete(key);
    }
}
