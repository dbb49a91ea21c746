import { checkPhone, formatPhone } from 'c/pcPhone';

describe('pcPhone', () => {
    it.each([
        ['123', 'TooShort'],
        ['1234567890123456789', 'TooLong'],
        ['312-555-CALL', 'NotANumber'],
        ['(112) 555-0100', 'Invalid'],
        ['+44 20 7946 0958', 'ForeignCountry'],
        ['+1 312 555 0123 ext 9', 'Extension'],
        ['312 555 0123 x9', 'Extension']
    ])('RS-7 %s fails the rule %s', (typed, problem) => {
        const result = checkPhone(typed, '+13125550199');
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problem).toBe(problem);
    });

    it('RS-7 names both country codes and the extension in what the message needs', () => {
        expect(checkPhone('+44 20 7946 0958', '+13125550199')).toEqual({
            ok: false,
            problem: 'ForeignCountry',
            params: { expected: '+1', actual: '+44' }
        });
        expect(checkPhone('+1 312 555 0123 ext 9', '+13125550199')).toEqual({
            ok: false,
            problem: 'Extension',
            params: { ext: '9' }
        });
    });

    it.each([
        ['(312) 555-0100', '+13125550100'],
        ['1-312-555-0100', '+13125550100'],
        ['0044 20 7946 0958', '+442079460958']
    ])('RS-7 %s is dialable as %s', (typed, e164) => {
        const list = e164.startsWith('+44') ? '+442079460000' : '+13125550199';
        expect(checkPhone(typed, list)).toEqual({ ok: true, e164 });
    });

    it("UB-5 shows a number in the agent's country nationally and any other internationally, never raw E.164", () => {
        expect(formatPhone('+13125550100', 'US')).toBe('(312) 555-0100');
        expect(formatPhone('+442079460958', 'US')).toBe('+44 20 7946 0958');
        expect(formatPhone('+442079460958', 'GB')).toBe('020 7946 0958');
        expect(formatPhone('not a number', 'US')).toBe('not a number');
        expect(formatPhone('', 'US')).toBe('');
    });
});
