/**
 * CP-4 at its edges: which rule Attempts History's "Callable" names when several stand in the way (Do Not Call over
 * a window, a blocking rule over a warning one, the narrower of two windows opening together, overnight windows),
 * whose reasons count for a history built from Salesforce, and how long the selector's answer holds.
 */
import { callableAt, CallableSelector } from '../callable';
import { DEFAULT_RULE_SETS, DEFAULT_SETTINGS, DestinationKind, RuleMode } from 'c/pcModel';
import type { AttemptsHistorySource, ComplianceRuleSet, Destination, ScreenPop, Settings } from 'c/pcModel';
import { central, makeDestination, makeHistoryPop, makeScreenPop } from 'test-support/fixtures';

const CHICAGO = '+13125550100';

const phone = (id: string, over: Partial<Destination> = {}): Destination =>
    makeDestination({ id, value: CHICAGO, ...over });

const popOf = (
    destinations: readonly Destination[],
    source: AttemptsHistorySource = 'Dialer',
    fields: Record<string, string | null> = {}
): ScreenPop => makeHistoryPop({ destinations, source, fields, timeZone: 'America/Chicago' });

const rules = (ruleSets: readonly ComplianceRuleSet[]): Settings => ({ ...DEFAULT_SETTINGS, ruleSets });
const federal = DEFAULT_RULE_SETS.find((r) => r.name === 'US_Federal')!;
const windowRule = (name: string, start: number, end: number): ComplianceRuleSet => ({
    ...federal,
    name,
    label: name,
    windowStartMinute: start,
    windowEndMinute: end
});

describe('CP-4 the rule Callable names', () => {
    it('CP-4 a number on the Do Not Call list of a history built from Salesforce is never callable, for Do Not Call rather than the hour', () => {
        const pop = popOf([phone('p', { unavailableReason: 'DNC' })], 'Salesforce');
        expect(callableAt(pop, DEFAULT_SETTINGS, central(7))?.p).toMatchObject({
            status: 'No',
            reason: { kind: 'Dnc' },
            from: null
        });
    });

    it('CP-4 a history built from Salesforce shows no dialer reason: the rules answer', () => {
        const pop = popOf([phone('p', { unavailableReason: 'Exhausted' })], 'Salesforce');
        expect(callableAt(pop, DEFAULT_SETTINGS, central(12))?.p).toEqual({
            status: 'Now',
            reason: null,
            from: null,
            zone: null
        });
    });

    it('CP-4 an email destination gets no answer even with a dialer reason', () => {
        const email: Destination = { ...phone('e', { unavailableReason: 'Exhausted' }), kind: DestinationKind.Email };
        const result = callableAt(popOf([phone('p'), email]), DEFAULT_SETTINGS, central(12))!;
        expect(Object.keys(result)).toEqual(['p']);
    });

    it('CP-4 a blocking rule is named over a warning one, even where the warning one is narrower', () => {
        const settings = rules(
            DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Florida' ? { ...r, mode: RuleMode.Warn } : r))
        );
        const pop = popOf([phone('p')], 'Dialer', { MailingState: 'Florida', MailingCountry: 'US' });
        expect(callableAt(pop, settings, central(21, 30))?.p).toMatchObject({
            status: 'Later',
            reason: { kind: 'Window', rule: 'US federal law' },
            from: central(8) + 86_400_000
        });
    });

    it('CP-4 of two windows opening at the same minute, the narrower is named, an overnight one measured across midnight', () => {
        // 20:00-08:00 is open 12 hours, 20:00-23:00 three: at noon both are closed and both open at 20:00.
        const evening = windowRule('Evening', 1200, 1380);
        const overnight = windowRule('Overnight', 1200, 480);
        for (const ruleSets of [
            [overnight, evening],
            [evening, overnight]
        ]) {
            expect(callableAt(popOf([phone('p')]), rules(ruleSets), central(12))?.p).toMatchObject({
                status: 'Later',
                reason: { kind: 'Window', rule: 'Evening' },
                from: central(20)
            });
        }
    });

    it('CP-4 of two daytime windows opening together, the one closing first is named', () => {
        const short = windowRule('Short', 540, 600);
        const long = windowRule('Long', 540, 1200);
        for (const ruleSets of [
            [long, short],
            [short, long]
        ]) {
            expect(callableAt(popOf([phone('p')]), rules(ruleSets), central(8))?.p?.reason).toEqual({
                kind: 'Window',
                rule: 'Short'
            });
        }
    });
});

describe('CP-4 the selector as the clock moves', () => {
    it('CP-4 a window closing on the minute is seen at once: callable at 8:59:59 PM, not at 9:00 PM', () => {
        const selector = new CallableSelector();
        const pop = popOf([phone('p')]);
        expect(selector.select(pop, DEFAULT_SETTINGS, central(20, 59, 30))?.p?.status).toBe('Now');
        expect(selector.select(pop, DEFAULT_SETTINGS, central(20, 59, 59))?.p?.status).toBe('Now');
        expect(selector.select(pop, DEFAULT_SETTINGS, central(21))?.p?.status).toBe('Later');
    });

    it('CP-4 a clock set back is answered for the earlier instant', () => {
        const selector = new CallableSelector();
        const pop = popOf([phone('p')]);
        expect(selector.select(pop, DEFAULT_SETTINGS, central(8, 0, 30))?.p?.status).toBe('Now');
        expect(selector.select(pop, DEFAULT_SETTINGS, central(7, 59, 50))?.p?.status).toBe('Later');
    });

    it('CP-4 another pop with the same settings is answered for itself', () => {
        const selector = new CallableSelector();
        const at = central(12);
        expect(selector.select(popOf([phone('p')]), DEFAULT_SETTINGS, at)?.p?.status).toBe('Now');
        const other = popOf([phone('p', { unavailableReason: 'Exhausted' })]);
        expect(selector.select(other, DEFAULT_SETTINGS, at + 1_000)?.p?.status).toBe('No');
    });

    it('CP-4 a pop without an Attempts History has no answer', () => {
        const pop = makeScreenPop({ attemptsHistory: null });
        expect(new CallableSelector().select(pop, DEFAULT_SETTINGS, central(12))).toBeNull();
    });
});
