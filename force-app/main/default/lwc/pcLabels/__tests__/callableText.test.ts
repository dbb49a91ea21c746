import { callableText, whenText } from '../callableText';
import type { CallableLabels } from '../callableText';

const L: CallableLabels = {
    now: 'Now',
    after: 'after {0} ({1})',
    warn: 'Now, with a warning: {1} until {0}',
    warnOpen: 'Now, with a warning: {0}',
    no: 'No ({0})',
    windowRule: '{0} hours',
    limitRule: '{0}: {1} calls in {2}',
    dnc: 'Do Not Call',
    hours: '{0} hours',
    days: '{0} days',
    dialerReason: (r) => `dialer: ${r}`
};

/** 7:00 AM in New York on Tuesday 2026-01-06. */
const NOW = Date.UTC(2026, 0, 6, 12);

describe('callableText (CP-4)', () => {
    it('CP-4 a warning with no end names the rule only', () => {
        const text = callableText(
            L,
            { status: 'Warn', reason: { kind: 'Limit', rule: 'Florida', limit: 3, hours: 24 }, from: null, zone: null },
            NOW
        );
        expect(text).toBe('Now, with a warning: Florida: 3 calls in 24 hours');
    });

    it('CP-4 a time with no known zone is written without a zone name, in the runtime zone', () => {
        expect(whenText(NOW, NOW, null)).toMatch(/^\d{1,2}:\d{2}\s?[AP]M$/);
    });

    it('CP-4 the day is named only when it is not today where the contact is', () => {
        const zone = 'America/Los_Angeles';
        // 4:00 AM Pacific now; 8:00 AM Pacific the same day, then the next day.
        expect(whenText(Date.UTC(2026, 0, 6, 16), NOW, zone)).toBe('8:00 AM Pacific Time');
        expect(whenText(Date.UTC(2026, 0, 7, 16), NOW, zone)).toBe('Wed, Jan 7, 8:00 AM Pacific Time');
    });

    it('CP-4 a label placeholder with no value stays as written', () => {
        expect(
            callableText(
                { ...L, no: 'No ({0}) {3}' },
                { status: 'No', reason: { kind: 'Dnc' }, from: null, zone: null },
                NOW
            )
        ).toBe('No (Do Not Call) {3}');
    });
});
