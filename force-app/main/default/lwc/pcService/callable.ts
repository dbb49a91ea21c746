/**
 * Attempts History's "Callable" (CP-4): for every phone destination of the screen pop, whether it can be called
 * now and, if not, which rule and from when. The dialer's own reason wins where it gives one (SP-5); otherwise the
 * admin's rule sets answer, through the same compliance module Accept and Reschedule ask (CP-1). Pure: the
 * service hands in its state and its clock.
 */
import type { Callability, CallableReason, DestinationCallable, Instant, ScreenPop, Settings } from 'c/pcModel';
import { AttemptsHistorySource, CallableStatus, DestinationKind, RuleMode } from 'c/pcModel';
import { callability, placeFromContact } from 'c/pcCompliance';
import type { ComplianceFinding, ComplianceVerdict } from 'c/pcCompliance';

const MINUTE = 60_000;

function reasonOf(f: ComplianceFinding): CallableReason {
    switch (f.kind) {
        case 'Dnc':
            return { kind: 'Dnc' };
        case 'Window':
            return { kind: 'Window', rule: f.ruleLabel };
        default:
            return { kind: 'Limit', rule: f.ruleLabel, limit: f.limit ?? 0, hours: f.limitWindowHours ?? 24 };
    }
}

/** Minutes a finding's calling window is open a day; a limit has no window and sorts after every window. */
function windowLength(f: ComplianceFinding): number {
    if (f.windowStartMinute === null || f.windowEndMinute === null) return Number.MAX_SAFE_INTEGER;
    return (f.windowEndMinute - f.windowStartMinute + 1440) % 1440;
}

/**
 * The finding that holds out longest: one with no next time (DNC) first, else the latest next time; between
 * rules that free the number at the same instant, the strictest window (Florida's 8-20 over federal 8-21), so the
 * agent reads the rule that is really in the way.
 */
function binding(findings: readonly ComplianceFinding[]): ComplianceFinding | undefined {
    const never = findings.find((f) => f.nextAt === null);
    if (never) return never;
    return [...findings].sort((a, b) => (b.nextAt ?? 0) - (a.nextAt ?? 0) || windowLength(a) - windowLength(b))[0];
}

function fromVerdict(v: ComplianceVerdict): DestinationCallable {
    if (v.verdict === 'Allowed') return { status: CallableStatus.Now, reason: null, from: null, zone: null };
    const block = v.verdict === 'Block';
    const f = binding(v.findings.filter((x) => x.mode === (block ? RuleMode.Block : RuleMode.Warn)));
    const reason = f ? reasonOf(f) : null;
    const zone = f?.zone ?? null;
    if (!block) return { status: CallableStatus.Warn, reason, from: f?.nextAt ?? null, zone };
    return v.nextAllowedAt === null
        ? { status: CallableStatus.No, reason, from: null, zone }
        : { status: CallableStatus.Later, reason, from: v.nextAllowedAt, zone };
}

/** Callable for each phone destination of the pop's Attempts History at `now`; null without a history. */
export function callableAt(pop: ScreenPop | null, settings: Settings, now: Instant): Callability | null {
    const history = pop?.attemptsHistory;
    if (!pop || !history) return null;
    const verdicts = callability(
        {
            record: pop.record,
            history,
            place: placeFromContact(settings, pop.contact?.fields),
            ruleSets: settings.ruleSets
        },
        now
    );
    // Built from Salesforce's records, the reasons are not the dialer's: only the rules answer there.
    const fromDialer = history.source !== AttemptsHistorySource.Salesforce;
    const out: Record<string, DestinationCallable> = {};
    for (const d of history.destinations) {
        if (d.kind === DestinationKind.Email) continue;
        const verdict = verdicts.get(d.id);
        if (fromDialer && d.unavailableReason) {
            out[d.id] = Object.freeze({
                status: CallableStatus.No,
                reason: Object.freeze({ kind: 'Dialer', reason: d.unavailableReason }),
                from: null,
                zone: null
            });
        } else if (verdict) {
            out[d.id] = Object.freeze(fromVerdict(verdict));
        }
    }
    return Object.freeze(out);
}

function same(a: Callability, b: Callability): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * callableAt with memory: the answer is kept until the next minute (a calling window opens or closes on a minute
 * of some zone's wall clock) or the first instant it names, whichever is sooner, and a recomputed answer equal to
 * the last is the last object. A view may ask every second and re-render only when the answer changes.
 */
export class CallableSelector {
    private last: {
        pop: ScreenPop;
        settings: Settings;
        at: Instant;
        until: Instant;
        value: Callability;
    } | null = null;

    /** Callable for the pop at `now` (see callableAt). */
    select(pop: ScreenPop | null, settings: Settings, now: Instant): Callability | null {
        if (!pop?.attemptsHistory) return null;
        const l = this.last;
        const sameInputs = l !== null && l.pop === pop && l.settings === settings;
        if (l && sameInputs && now >= l.at && now < l.until) return l.value;
        const fresh: Callability = callableAt(pop, settings, now) ?? Object.freeze({});
        const value = l && same(l.value, fresh) ? l.value : fresh;
        let until = Math.floor(now / MINUTE) * MINUTE + MINUTE;
        for (const c of Object.values(value)) if (c.from !== null && c.from > now) until = Math.min(until, c.from);
        this.last = { pop, settings, at: now, until, value };
        return value;
    }
}
