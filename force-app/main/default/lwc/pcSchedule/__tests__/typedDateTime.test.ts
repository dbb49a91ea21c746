import { parseTypedDate, parseTypedTime } from 'c/pcSchedule';

describe('pcSchedule typed dates and times', () => {
    it.each([
        ['2027-03-14', 'en-US'],
        ['3/14/2027', 'en-US'],
        ['14/03/2027', 'en-GB'],
        ['14.03.2027', 'de-DE'],
        ['Mar 14, 2027', 'en-US'],
        ['March 14 2027', 'en-US'],
        ['14 March 2027', 'en-GB']
    ])('RS-5 reads %s (%s) as 14 March 2027', (text, locale) => {
        expect(parseTypedDate(text, locale)).toEqual({ ok: true, value: { year: 2027, month: 3, day: 14 } });
    });

    it.each([
        ['2027-02-30', 'DayOutOfRange', { day: '30', days: '28', month: 'February', year: '2027' }],
        ['Feb 30, 2027', 'DayOutOfRange', { day: '30', days: '28', month: 'February', year: '2027' }],
        ['2027-13-01', 'MonthOutOfRange', { month: '13' }],
        ['tomorrow', 'DateFormat', { example: '3/14/2027' }]
    ])('RS-5 never rolls %s over: %s', (text, code, params) => {
        expect(parseTypedDate(text, 'en-US')).toEqual({ ok: false, problem: { code, params } });
    });

    it.each([
        ['14:30', 14, 30],
        ['13:30', 13, 30],
        ['2:30 PM', 14, 30],
        ['12:05 am', 0, 5],
        ['9 am', 9, 0],
        ['9.15', 9, 15]
    ])('RS-5 reads the time %s', (text, hour, minute) => {
        expect(parseTypedTime(text)).toEqual({ ok: true, value: { hour, minute } });
    });

    it.each([
        ['25:00', 'HourOutOfRange'],
        ['09:60', 'MinuteOutOfRange'],
        ['9:60 AM', 'MinuteOutOfRange'],
        ['13:30 PM', 'HourOutOfRange'],
        ['noon-ish', 'TimeFormat']
    ])('RS-5 refuses the time %s with %s, never rolling it over', (text, code) => {
        const result = parseTypedTime(text);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problem.code).toBe(code);
    });
});
