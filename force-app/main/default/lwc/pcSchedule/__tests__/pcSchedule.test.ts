import {
    agentTimeZone,
    countryCode,
    formatInZone,
    isValidTimeZone,
    listTimeZones,
    normalizePhone,
    resolveWallTime,
    validateReschedule
} from 'c/pcSchedule';
import type { RescheduleContext } from 'c/pcSchedule';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { RescheduleDraft, Settings } from 'c/pcModel';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface BadCase {
    readonly name: string;
    readonly draft: Record<string, unknown>;
    readonly field: string;
    readonly code: string;
}
const bad = JSON.parse(readFileSync(join(__dirname, 'data', 'badDrafts.json'), 'utf8')) as {
    now: string;
    listNumber: string;
    base: RescheduleDraft;
    cases: BadCase[];
};

const NOW = Date.parse(bad.now);
const base = bad.base as RescheduleDraft;

function ctx(overrides: Partial<RescheduleContext> = {}, settings: Partial<Settings> = {}): RescheduleContext {
    return {
        now: NOW,
        settings: { ...DEFAULT_SETTINGS, ...settings },
        contactTimeZone: 'America/Chicago',
        listNumber: bad.listNumber,
        ...overrides
    };
}

function draftOf(c: BadCase): RescheduleDraft {
    const { notesRepeat, ...rest } = c.draft as { notesRepeat?: number } & Partial<RescheduleDraft>;
    return { ...base, ...rest, ...(notesRepeat ? { notes: 'n'.repeat(notesRepeat) } : {}) };
}

describe('pcSchedule', () => {
    describe('RS-2 bad input gets a clear message beside the field', () => {
        it('RS-2 has at least fifteen bad-input cases', () => {
            expect(bad.cases.length).toBeGreaterThanOrEqual(15);
        });

        it.each(bad.cases.map((c) => [c.name, c] as const))('RS-2 refuses %s', (_name, c) => {
            const result = validateReschedule(draftOf(c), ctx());
            expect(result.ok).toBe(false);
            if (result.ok) return;
            expect(result.errors).toContainEqual(expect.objectContaining({ field: c.field, code: c.code }));
        });

        it('RS-2 reports the notes limit and the typed length', () => {
            const result = validateReschedule({ ...base, notes: 'x'.repeat(12) }, ctx({}, { notesMaxLength: 10 }));
            expect(result.ok).toBe(false);
            expect(!result.ok && result.errors).toEqual([
                { field: 'notes', code: 'NotesTooLong', params: { max: '10', length: '12' } }
            ]);
        });

        it('RS-2 reports every bad field at once, so nothing typed needs retyping twice', () => {
            const result = validateReschedule(
                { ...base, number: 'abc', date: '2027-02-30', timeZone: 'Nowhere/City' },
                ctx()
            );
            expect(!result.ok && result.errors.map((e) => e.field).sort()).toEqual(['date', 'number', 'timeZone']);
        });

        it('RS-2 accepts the base draft the bad cases start from', () => {
            const result = validateReschedule(base, ctx());
            expect(result.ok).toBe(true);
        });
    });

    describe('phone numbers', () => {
        it.each([
            ['(312) 555-0100', '+13125550100'],
            ['312.555.0100', '+13125550100'],
            ['+1 312 555 0100', '+13125550100'],
            ['1-312-555-0100', '+13125550100'],
            ['+44 20 7946 0958', '+442079460958'],
            ['0044 20 7946 0958', '+442079460958']
        ])('RS-1 normalises %s to %s', (typed, e164) => {
            expect(normalizePhone(typed)).toBe(e164);
        });

        it('RS-1 reads a national number in the calling list country', () => {
            expect(normalizePhone('020 7946 0958', '44')).toBe('+442079460958');
        });

        it('RS-1 accepts a UK number on a UK list and sends it as E.164', () => {
            const result = validateReschedule(
                { ...base, number: '020 7946 0958', timeZone: 'Europe/London' },
                ctx({ listNumber: '+442079460000', contactTimeZone: 'Europe/London' })
            );
            expect(result.ok && result.request.number).toBe('+442079460958');
        });

        it('RS-1 accepts a foreign number when the list country is unknown', () => {
            const result = validateReschedule({ ...base, number: '+44 20 7946 0958' }, ctx({ listNumber: null }));
            expect(result.ok && result.request.number).toBe('+442079460958');
        });

        it('RS-2 knows one-, two- and three-digit country codes', () => {
            expect([countryCode('+13125550100'), countryCode('+442079460958'), countryCode('+353861234567')]).toEqual([
                '1',
                '44',
                '353'
            ]);
        });
    });

    describe('RS-3 the instant is computed from date, time and zone', () => {
        it('RS-3 09:00 America/Chicago is 15:00 UTC in winter', () => {
            const result = validateReschedule({ ...base, date: '2027-01-15', time: '09:00' }, ctx());
            expect(result.ok && new Date(result.request.at).toISOString()).toBe('2027-01-15T15:00:00.000Z');
        });

        it('RS-3 09:00 America/Chicago is 14:00 UTC in summer', () => {
            const result = validateReschedule({ ...base, date: '2027-07-15', time: '09:00' }, ctx());
            expect(result.ok && new Date(result.request.at).toISOString()).toBe('2027-07-15T14:00:00.000Z');
        });

        it('RS-3 uses the chosen zone, not the contact zone', () => {
            const result = validateReschedule({ ...base, time: '09:00', timeZone: 'Europe/London' }, ctx());
            expect(result.ok && new Date(result.request.at).toISOString()).toBe('2027-01-15T09:00:00.000Z');
            expect(result.ok && result.request.timeZone).toBe('Europe/London');
        });

        it('RS-3 names the nearest valid times around a spring-forward gap', () => {
            const result = validateReschedule({ ...base, date: '2027-03-14', time: '02:30' }, ctx());
            expect(!result.ok && result.errors).toEqual([
                {
                    field: 'time',
                    code: 'NonexistentLocalTime',
                    params: { before: '01:59', after: '03:00', zone: 'America/Chicago' }
                }
            ]);
        });

        it('RS-3 finds the gap in a zone that springs forward at 01:00', () => {
            const gap = resolveWallTime(
                { year: 2027, month: 3, day: 28, hour: 1, minute: 15, second: 0 },
                'Europe/London'
            );
            expect(gap.kind).toBe('gap');
            expect(
                gap.kind === 'gap' && [
                    formatInZone(gap.lastBefore, 'Europe/London'),
                    formatInZone(gap.firstAfter, 'Europe/London')
                ]
            ).toEqual(['2027-03-28 00:59', '2027-03-28 02:00']);
        });

        it('RS-3 takes the earlier instant of a repeated fall-back time and warns which', () => {
            const result = validateReschedule({ ...base, date: '2027-11-07', time: '01:30' }, ctx());
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            // 01:30 CDT (UTC-5) comes first; 01:30 CST (UTC-6) an hour later.
            expect(new Date(result.request.at).toISOString()).toBe('2027-11-07T06:30:00.000Z');
            expect(result.warnings).toContainEqual({
                field: 'time',
                code: 'AmbiguousLocalTime',
                params: { chosen: 'UTC-05:00', other: 'UTC-06:00', zone: 'America/Chicago' }
            });
        });

        it('RS-3 accepts the first minute after the gap', () => {
            const result = validateReschedule({ ...base, date: '2027-03-14', time: '03:00' }, ctx());
            expect(result.ok && new Date(result.request.at).toISOString()).toBe('2027-03-14T08:00:00.000Z');
        });

        it("RS-5 takes the guide's example date, 2027-03-14, from a day early in 2026; two years ahead is the limit", () => {
            const now = Date.parse('2026-01-05T17:00:00Z');
            expect(validateReschedule({ ...base, date: '2027-03-14' }, ctx({ now })).ok).toBe(true);
            // 09:00 in Chicago on the last day allowed, and on the day after it.
            const last = validateReschedule({ ...base, date: '2028-01-04', time: '09:00' }, ctx({ now }));
            const past = validateReschedule({ ...base, date: '2028-01-06', time: '09:00' }, ctx({ now }));
            expect([last.ok, past.ok]).toEqual([true, false]);
            expect(past.ok ? [] : past.errors.map((e) => [e.field, e.code, e.params])).toEqual([
                ['date', 'TooFarAhead', { maxDays: '730' }]
            ]);
        });

        it('RS-3 accepts the 29th of February in a leap year', () => {
            const result = validateReschedule(
                { ...base, date: '2028-01-01' },
                ctx({ now: Date.parse('2027-12-01T00:00:00Z') })
            );
            const leap = validateReschedule(
                { ...base, date: '2028-02-29' },
                ctx({ now: Date.parse('2027-12-01T00:00:00Z') })
            );
            expect([result.ok, leap.ok]).toEqual([true, true]);
        });

        it('RS-3 a time one minute from now is in the future, the current minute is not', () => {
            const now = Date.parse('2027-01-15T16:00:00Z'); // 10:00 in Chicago
            const same = validateReschedule({ ...base, time: '10:00' }, ctx({ now }));
            const next = validateReschedule({ ...base, time: '10:01' }, ctx({ now }));
            expect([same.ok, next.ok]).toEqual([false, true]);
        });
    });

    describe('BX-3 calling hours belong to the rule sets', () => {
        const late = { ...base, time: '22:15' };

        it('BX-3 CP-1 leaves calling hours to the rule sets: the pure validation judges only the draft', () => {
            // The service asks c/pcCompliance at the chosen instant (pcService/__tests__/compliance.test.ts).
            const result = validateReschedule(late, ctx({ contactTimeZone: 'America/Los_Angeles' }));
            expect(result.ok).toBe(true);
            expect(result.warnings).toEqual([]);
        });

        it("RS-1 shows the time in the contact's zone", () => {
            const result = validateReschedule(
                { ...base, time: '12:00', timeZone: 'America/New_York' },
                ctx({ contactTimeZone: 'America/Denver' })
            );
            expect(result.ok && result.contactLocalTime).toBe('2027-01-15 10:00 America/Denver');
        });
    });

    describe('zones', () => {
        it('RS-1 lists IANA zones including UTC and the common ones', () => {
            const zones = listTimeZones();
            expect(zones).toEqual(expect.arrayContaining(['UTC', 'America/Chicago', 'Europe/London']));
            expect(zones.every((z) => isValidTimeZone(z))).toBe(true);
        });

        it("RS-1 defaults to the agent's own zone, a valid one", () => {
            expect(isValidTimeZone(agentTimeZone())).toBe(true);
        });

        it.each(['America/Chicago', 'UTC', 'Asia/Kolkata', 'Etc/GMT+5', 'US/Central'])('accepts %s', (zone) => {
            expect(isValidTimeZone(zone)).toBe(true);
        });

        it.each([
            '',
            'Chicago',
            'america/chicago',
            'AMERICA/CHICAGO',
            'GMT+05:00',
            '../etc/passwd',
            'America//Chicago'
        ])('refuses %p', (zone) => {
            expect(isValidTimeZone(zone)).toBe(false);
        });
    });
});
