import { checkCall, resolvePlace, SHIPPED_RULE_SETS } from 'c/pcCompliance';
import type { ComplianceQuery } from 'c/pcCompliance';
import { complianceRefusal, complianceText, complianceWarning } from 'c/pcLabels';
import type { ComplianceRuleSet, Instant } from 'c/pcModel';

const MIAMI = '+13052345678';
const HOUR = 3_600_000;

function ask(
    at: Instant,
    over: Partial<ComplianceQuery> = {},
    rules: readonly ComplianceRuleSet[] = SHIPPED_RULE_SETS
) {
    return checkCall({
        at,
        destination: MIAMI,
        destinations: [{ number: MIAMI, dnc: false }],
        attempts: [],
        place: resolvePlace({}, MIAMI),
        ruleSets: rules,
        ...over
    });
}

describe('compliance texts (CP-3)', () => {
    it('CP-3 a window refusal names the rule, the hours, the local time there and the wait', () => {
        const at = Date.UTC(2027, 0, 12, 12, 40); // 7:40 AM in Miami
        const v = ask(at);
        expect(v.findings.map((f) => complianceText(f, at))).toEqual([
            'US federal law allows calls 8:00 AM–9:00 PM; it is 7:40 AM there; callable in 20 min.',
            'Florida allows calls 8:00 AM–8:00 PM; it is 7:40 AM there; callable in 20 min.'
        ]);
        expect(complianceRefusal(v.findings.slice(1), at)).toBe(
            'Not allowed now: Florida allows calls 8:00 AM–8:00 PM; it is 7:40 AM there; callable in 20 min.'
        );
    });

    it('CP-3 Florida after 8 PM: callable the next morning, written as a day and time in their zone', () => {
        const at = Date.UTC(2027, 0, 13, 1, 15); // 8:15 PM, Tue 12 Jan, in Miami
        const [florida] = ask(at).findings;
        expect(florida && complianceText(florida, at)).toBe(
            'Florida allows calls 8:00 AM–8:00 PM; it is 8:15 PM there; callable Wed, Jan 13, 8:00 AM their time.'
        );
    });

    it('CP-3 a limit names the count, the span and the wait in hours and minutes', () => {
        const at = Date.UTC(2027, 0, 12, 17, 0); // noon in Miami
        const attempts = [21.5, 3, 1].map((h) => ({ number: MIAMI, at: at - h * HOUR }));
        const [limit] = ask(at, { attempts }).findings;
        expect(limit && complianceText(limit, at)).toBe(
            'Florida allows 3 calls to this contact in 24 hours; 3 made; callable in 2 h 30 min.'
        );
        const strictRegF = { active: true, perContactLimit: 1 };
        const regF = SHIPPED_RULE_SETS.map((s) => ({ ...s, ...(s.name === 'US_Regulation_F' ? strictRegF : {}) }));
        const [weekly] = ask(at, { attempts: [{ number: MIAMI, at: at - 30 * HOUR }] }, regF).findings;
        expect(weekly && complianceText(weekly, at)).toMatch(
            /^Regulation F allows 1 calls to this contact in 7 days; 1 made; callable Mon, Jan 18, /
        );
    });

    it('CP-3 SP-5 DNC says the number cannot be called; a warning asks to confirm and says it is logged', () => {
        const at = Date.UTC(2027, 0, 12, 17, 0);
        const [dnc] = ask(at, { destinations: [{ number: MIAMI, dnc: true }] }).findings;
        expect(dnc && complianceText(dnc, at)).toBe('This number is on the Do Not Call list; it cannot be called.');
        const late = Date.UTC(2027, 0, 13, 1, 30); // 8:30 PM in Miami
        const warn = SHIPPED_RULE_SETS.map((s) => (s.name === 'US_Florida' ? { ...s, mode: 'Warn' as const } : s));
        const v = ask(late, {}, warn);
        expect(v.verdict).toBe('Warn');
        expect(complianceWarning(v.findings, late)).toBe(
            'Florida allows calls 8:00 AM–8:00 PM; it is 8:30 PM there; callable Wed, Jan 13, 8:00 AM their time. Call anyway? The override is logged on the attempt.'
        );
    });
});
