/**
 * Properties of the compliance check against an independent oracle: the oracle reads local time with its own
 * Intl formatter and counts attempts itself, so a slip in the module's zone or window arithmetic shows here.
 */
import fc from 'fast-check';
import { checkCall, resolvePlace, SHIPPED_RULE_SETS } from 'c/pcCompliance';
import type { ComplianceAttempt, ComplianceQuery } from 'c/pcCompliance';
import type { ComplianceRuleSet, Instant } from 'c/pcModel';

const HOUR = 3_600_000;
const NUMBERS = ['+13052345678', '+19182345678', '+13122345678', '+12082345678', '+12122345678', '+18082345678'];
const ZONES = [null, 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Pacific/Honolulu'];
const START = Date.UTC(2027, 2, 10); // spans the US spring change (14 March)

const oracleFormat = new Map<string, Intl.DateTimeFormat>();
function localMinute(at: Instant, zone: string): number {
    let f = oracleFormat.get(zone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        oracleFormat.set(zone, f);
    }
    const [h, m] = f.format(at).split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
}

/** True when some active blocking rule forbids the call (the oracle's own reading of CP-1). */
function forbidden(q: ComplianceQuery): boolean {
    if (q.destinations.some((d) => d.number === q.destination && d.dnc)) return true;
    const zones = q.place.zones;
    for (const set of q.ruleSets) {
        if (!set.active || set.mode !== 'Block') continue;
        const inRegion =
            q.place.country === set.country &&
            (!set.regions.length || !q.place.regions.length || q.place.regions.some((r) => set.regions.includes(r)));
        if (!inRegion) continue;
        const { windowStartMinute: s, windowEndMinute: e } = set;
        if (s !== null && e !== null && zones.some((z) => localMinute(q.at, z) < s || localMinute(q.at, z) >= e)) {
            return true;
        }
        const recent = q.attempts.filter((a) => a.at <= q.at && q.at - a.at < set.limitWindowHours * HOUR);
        if (set.perContactLimit !== null && recent.length >= set.perContactLimit) return true;
        const toDest = recent.filter((a) => a.number === q.destination);
        if (set.perDestinationLimit !== null && toDest.length >= set.perDestinationLimit) return true;
    }
    return false;
}

// Instants often a minute either side of a window's edge in some zone (the US zones here are 4 to 10 hours behind UTC).
const minuteArb = fc.oneof(
    fc.integer({ min: 0, max: 30 * 24 * 60 }),
    fc
        .tuple(
            fc.integer({ min: 1, max: 29 }),
            fc.constantFrom(479, 480, 1199, 1200, 1259, 1260),
            fc.constantFrom(4, 5, 6, 7, 8, 10)
        )
        .map(([day, edge, hours]) => day * 24 * 60 + edge + hours * 60)
);

/** Fails the property run (fast-check shrinks and reports the sequence). */
function must(condition: boolean, what: string): void {
    if (!condition) throw new Error(what);
}

const ruleSetsArb: fc.Arbitrary<readonly ComplianceRuleSet[]> = fc
    .tuple(...SHIPPED_RULE_SETS.map(() => fc.record({ active: fc.boolean(), block: fc.boolean() })))
    .map((flags) =>
        SHIPPED_RULE_SETS.map((s, i) => ({
            ...s,
            active: flags[i]?.active ?? s.active,
            mode: flags[i]?.block === false ? ('Warn' as const) : ('Block' as const)
        }))
    );

// An agent action: try to call or schedule one of the numbers, some minutes after the previous action.
const actionArb = fc.record({
    number: fc.constantFrom(...NUMBERS),
    afterMinutes: fc.oneof(fc.integer({ min: 0, max: 36 * 60 }), fc.constantFrom(1, 59, 60, 61)),
    // Scheduling picks an instant ahead; calling now is 0.
    aheadMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 * 24 * 60 })),
    // What the agent does when refused: give up, or take the next time the refusal names.
    takeNext: fc.boolean()
});

describe('pcCompliance properties', () => {
    it('CP-1 BX-3 SP-5 no sequence of agent actions places or schedules a call that a blocking rule forbids', () => {
        let placedCalls = 0;
        let refusals = 0;
        fc.assert(
            fc.property(
                ruleSetsArb,
                fc.constantFrom(...ZONES),
                fc.subarray(NUMBERS),
                fc.array(actionArb, { minLength: 1, maxLength: 25 }),
                (ruleSets, recordZone, dncNumbers, actions) => {
                    const destinations = NUMBERS.map((number) => ({ number, dnc: dncNumbers.includes(number) }));
                    const placed: ComplianceAttempt[] = [];
                    let now = START;
                    for (const a of actions) {
                        now += a.afterMinutes * 60_000;
                        const place = resolvePlace({ timeZone: recordZone }, a.number);
                        const ask = (at: Instant): ComplianceQuery => ({
                            at,
                            destination: a.number,
                            destinations,
                            // Scheduled calls count from their instant; the ones made so far are all known.
                            attempts: placed,
                            place,
                            ruleSets
                        });
                        const q = ask(now + a.aheadMinutes * 60_000);
                        const v = checkCall(q);
                        let at: Instant | null = v.verdict === 'Block' ? null : q.at;
                        if (at === null && a.takeNext && v.nextAllowedAt !== null) {
                            must(v.nextAllowedAt > q.at, 'the next time lies ahead');
                            // The next time a refusal names is never itself refused.
                            must(checkCall(ask(v.nextAllowedAt)).verdict !== 'Block', 'the next time is allowed');
                            at = v.nextAllowedAt;
                        }
                        if (v.verdict === 'Block') refusals++;
                        if (at === null) continue;
                        placedCalls++;
                        must(!forbidden(ask(at)), `placed a forbidden call at ${new Date(at).toISOString()}`);
                        placed.push({ number: a.number, at });
                    }
                }
            ),
            { numRuns: 150 }
        );
        // The runs did both: calls went through and calls were refused.
        expect(placedCalls).toBeGreaterThan(100);
        expect(refusals).toBeGreaterThan(100);
    });

    it('CP-1 the check refuses exactly what the oracle forbids, at any instant', () => {
        fc.assert(
            fc.property(
                ruleSetsArb,
                fc.constantFrom(...ZONES),
                fc.constantFrom(...NUMBERS),
                minuteArb,
                fc.array(fc.integer({ min: 0, max: 8 * 24 * 60 }), { maxLength: 10 }),
                fc.boolean(),
                (ruleSets, zone, number, minute, agesMinutes, dnc) => {
                    const at = START + minute * 60_000;
                    const q: ComplianceQuery = {
                        at,
                        destination: number,
                        destinations: [{ number, dnc }],
                        attempts: agesMinutes.map((m) => ({ number, at: at - m * 60_000 })),
                        place: resolvePlace({ timeZone: zone }, number),
                        ruleSets
                    };
                    expect(checkCall(q).verdict === 'Block').toBe(forbidden(q));
                }
            ),
            { numRuns: 600 }
        );
    });
});
