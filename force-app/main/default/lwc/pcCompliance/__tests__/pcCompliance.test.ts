import { checkCall, nextInWindow, resolvePlace, SHIPPED_RULE_SETS } from 'c/pcCompliance';
import type { ComplianceAttempt, ComplianceQuery, RecordPlace } from 'c/pcCompliance';
import type { ComplianceRuleSet, Instant } from 'c/pcModel';

const HOUR = 3_600_000;
const MIN = 60_000;

const MIAMI = '+13052345678'; // 305: Florida, Eastern
const TULSA = '+19182345678'; // 918: Oklahoma, Central
const CHICAGO = '+13122345678'; // 312: Illinois, Central
const NEW_YORK = '+12122345678'; // 212: New York, Eastern
const BOISE = '+12082345678'; // 208: Idaho, Mountain and Pacific

function withActive(name: string, patch: Partial<ComplianceRuleSet> = {}): readonly ComplianceRuleSet[] {
    return SHIPPED_RULE_SETS.map((s) => (s.name === name ? { ...s, active: true, ...patch } : s));
}

function query(
    number: string,
    at: Instant,
    opts: {
        record?: RecordPlace;
        attempts?: readonly ComplianceAttempt[];
        dnc?: boolean;
        ruleSets?: readonly ComplianceRuleSet[];
    } = {}
): ComplianceQuery {
    return {
        at,
        destination: number,
        destinations: [{ number, dnc: opts.dnc ?? false }],
        attempts: opts.attempts ?? [],
        place: resolvePlace(opts.record ?? {}, number),
        ruleSets: opts.ruleSets ?? SHIPPED_RULE_SETS
    };
}

/** A January 2027 weekday at a wall time in a zone with a whole-hour offset (EST -5, CST -6). */
function local(hour: number, minute: number, offsetHours: number, day = 12): Instant {
    return Date.UTC(2027, 0, day, hour - offsetHours, minute);
}

describe('pcCompliance: where the contact is', () => {
    it('CP-1 zone and region from the number when the record says nothing', () => {
        expect(resolvePlace({}, MIAMI)).toEqual({
            zones: ['America/New_York'],
            country: 'US',
            regions: ['US-FL'],
            areaCode: '305'
        });
        expect(resolvePlace({}, BOISE).zones).toEqual(['America/Boise', 'America/Los_Angeles']);
    });

    it('CP-1 the record wins: its zone, its state by code or by name, its country', () => {
        const p = resolvePlace({ timeZone: 'America/Chicago', state: 'Oklahoma', country: 'United States' }, MIAMI);
        expect(p).toMatchObject({ zones: ['America/Chicago'], country: 'US', regions: ['US-OK'] });
        expect(resolvePlace({ state: 'fl' }, CHICAGO).regions).toEqual(['US-FL']);
        expect(resolvePlace({ state: 'US-FL' }, CHICAGO).regions).toEqual(['US-FL']);
        // A zone the runtime does not know is ignored, and the number's zone is used.
        expect(resolvePlace({ timeZone: 'Mars/Olympus' }, CHICAGO).zones).toEqual(['America/Chicago']);
    });
});

describe('pcCompliance: each shipped rule set at the edges of its window', () => {
    // [rule set, number, UTC offset in January, [hour, minute, verdict, the rule named first or null]]
    const cases: readonly (readonly [
        string,
        string,
        number,
        readonly (readonly [number, number, string, string | null])[]
    ])[] = [
        [
            'US federal (Illinois)',
            CHICAGO,
            -6,
            [
                [7, 59, 'Block', 'US_Federal'],
                [8, 0, 'Allowed', null],
                [19, 59, 'Allowed', null],
                [20, 0, 'Allowed', null],
                [20, 59, 'Allowed', null],
                [21, 0, 'Block', 'US_Federal']
            ]
        ],
        [
            'Florida',
            MIAMI,
            -5,
            [
                [7, 59, 'Block', 'US_Federal'],
                [8, 0, 'Allowed', null],
                [19, 59, 'Allowed', null],
                [20, 0, 'Block', 'US_Florida'],
                [20, 59, 'Block', 'US_Florida'],
                [21, 0, 'Block', 'US_Federal']
            ]
        ],
        [
            'Oklahoma',
            TULSA,
            -6,
            [
                [7, 59, 'Block', 'US_Federal'],
                [8, 0, 'Allowed', null],
                [19, 59, 'Allowed', null],
                [20, 0, 'Block', 'US_Oklahoma'],
                [20, 59, 'Block', 'US_Oklahoma'],
                [21, 0, 'Block', 'US_Federal']
            ]
        ]
    ];
    for (const [name, number, offset, rows] of cases) {
        for (const [h, m, verdict, rule] of rows) {
            const hhmm = `${h}:${String(m).padStart(2, '0')}`;
            it(`CP-1 BX-3 ${name} at ${hhmm} local: ${verdict === 'Block' ? `Block by ${rule ?? ''}, next time 8:00 local` : 'Allowed now'}`, () => {
                const at = local(h, m, offset);
                const v = checkCall(query(number, at));
                expect(v.verdict).toBe(verdict);
                expect(v.findings[0]?.rule ?? null).toBe(rule);
                // Blocked before 8:00: today at 8:00; after the window: tomorrow at 8:00. Allowed: now.
                const next = verdict === 'Allowed' ? at : h < 8 ? local(8, 0, offset) : local(8, 0, offset, 13);
                expect(v.nextAllowedAt).toBe(next);
            });
        }
    }

    it('CP-2 a rule set the admin turned off does not apply; one set to warn warns and lets the call go', () => {
        const at = local(20, 30, -5);
        const off = SHIPPED_RULE_SETS.map((s) => (s.name === 'US_Florida' ? { ...s, active: false } : s));
        expect(checkCall(query(MIAMI, at, { ruleSets: off })).verdict).toBe('Allowed');
        const warn = withActive('US_Florida', { mode: 'Warn' });
        const v = checkCall(query(MIAMI, at, { ruleSets: warn }));
        expect(v.verdict).toBe('Warn');
        expect(v.findings.map((f) => [f.rule, f.mode, f.nextAt])).toEqual([
            ['US_Florida', 'Warn', local(8, 0, -5, 13)]
        ]);
        expect(v.nextAllowedAt).toBe(at);
    });
});

describe('pcCompliance: daylight saving time', () => {
    it('CP-1 spring forward (14 Mar 2027, New York): 7:59 EDT refused, next time 8:00 EDT = 12:00 UTC', () => {
        const before = Date.UTC(2027, 2, 14, 11, 59); // 07:59 EDT
        const v = checkCall(query(NEW_YORK, before));
        expect(v.verdict).toBe('Block');
        expect(v.nextAllowedAt).toBe(Date.UTC(2027, 2, 14, 12, 0));
        expect(checkCall(query(NEW_YORK, Date.UTC(2027, 2, 14, 12, 0))).verdict).toBe('Allowed');
        // From the evening before, across the change: the next opening is 8:00 EDT, not 8:00 EST.
        const evening = Date.UTC(2027, 2, 14, 2, 30); // 21:30 EST, 13 Mar
        expect(checkCall(query(NEW_YORK, evening)).nextAllowedAt).toBe(Date.UTC(2027, 2, 14, 12, 0));
    });

    it('CP-1 fall back (7 Nov 2027, Chicago): 21:00 CST is refused, 20:59 CST allowed; 8:00 CST is 14:00 UTC', () => {
        expect(checkCall(query(CHICAGO, Date.UTC(2027, 10, 8, 2, 59))).verdict).toBe('Allowed');
        const late = checkCall(query(CHICAGO, Date.UTC(2027, 10, 8, 3, 0)));
        expect(late.verdict).toBe('Block');
        expect(late.nextAllowedAt).toBe(Date.UTC(2027, 10, 8, 14, 0));
        const early = checkCall(query(CHICAGO, Date.UTC(2027, 10, 7, 7, 30))); // 01:30 CDT, first reading
        expect(early.nextAllowedAt).toBe(Date.UTC(2027, 10, 7, 14, 0));
    });

    it('CP-1 a window opening inside the spring gap opens when the gap ends', () => {
        const from = Date.UTC(2027, 2, 14, 5, 0); // 00:00 EST
        expect(nextInWindow(from, 'America/New_York', 2 * 60 + 30, 4 * 60)).toBe(Date.UTC(2027, 2, 14, 7, 0));
    });
});

describe('pcCompliance: zone from the record vs from the number, and a code spanning two zones', () => {
    const at = Date.UTC(2027, 0, 13, 4, 30); // 23:30 in New York, 20:30 in Los Angeles

    it("CP-1 the record's zone: a 212 number living in Los Angeles may be called at 20:30 there", () => {
        expect(checkCall(query(NEW_YORK, at, { record: { timeZone: 'America/Los_Angeles' } })).verdict).toBe('Allowed');
    });

    it("CP-1 the number's zone when the record has none: 23:30 in New York is refused until 8:00 there", () => {
        const v = checkCall(query(NEW_YORK, at));
        expect(v.verdict).toBe('Block');
        expect(v.findings[0]?.zone).toBe('America/New_York');
        expect(v.nextAllowedAt).toBe(Date.UTC(2027, 0, 13, 13, 0));
    });

    it("CP-1 208 spans Mountain and Pacific: 8:00 in Boise is 7:00 in Idaho's Pacific part, so wait for 8:00 there", () => {
        const v = checkCall(query(BOISE, Date.UTC(2027, 0, 12, 15, 0)));
        expect(v.verdict).toBe('Block');
        expect(v.findings[0]?.zone).toBe('America/Los_Angeles');
        expect(v.nextAllowedAt).toBe(Date.UTC(2027, 0, 12, 16, 0));
        // 20:30 in Boise is inside federal hours in both zones; 21:00 there is not.
        expect(checkCall(query(BOISE, Date.UTC(2027, 0, 13, 3, 30))).verdict).toBe('Allowed');
        expect(checkCall(query(BOISE, Date.UTC(2027, 0, 13, 4, 0))).verdict).toBe('Block');
    });

    it('CP-1 a US contact whose zone is unknown is read in every US zone (the strictest reading)', () => {
        const v = checkCall({
            ...query(CHICAGO, local(11, 0, -6)),
            place: { zones: [], country: 'US', regions: [], areaCode: null }
        });
        // 11:00 in Chicago is 7:00 in Honolulu: refused until 8:00 HST = 18:00 UTC.
        expect(v.verdict).toBe('Block');
        expect(v.nextAllowedAt).toBe(Date.UTC(2027, 0, 12, 18, 0));
    });
});

describe('pcCompliance: rolling-window limits', () => {
    const noon = local(12, 0, -5);
    const earlier = (hoursAgo: readonly number[], number = MIAMI): ComplianceAttempt[] =>
        hoursAgo.map((h) => ({ number, at: noon - h * HOUR }));

    it('CP-1 Florida: the 3rd call in 24 h is allowed, the 4th refused until the 1st leaves the window', () => {
        expect(checkCall(query(MIAMI, noon, { attempts: earlier([20, 2]) })).verdict).toBe('Allowed');
        const v = checkCall(query(MIAMI, noon, { attempts: earlier([20, 3, 1]) }));
        expect(v.verdict).toBe('Block');
        expect(v.findings.map((f) => [f.rule, f.kind, f.limit, f.counted])).toEqual([
            ['US_Florida', 'ContactLimit', 3, 3]
        ]);
        expect(v.nextAllowedAt).toBe(noon + 4 * HOUR); // 20 h ago + 24 h
    });

    it('CP-1 the Florida limit counts every number of the contact; a call 24 h ago has left the window', () => {
        const attempts = [...earlier([5], CHICAGO), ...earlier([4, 24])];
        expect(checkCall(query(MIAMI, noon, { attempts })).verdict).toBe('Allowed');
        const v = checkCall(query(MIAMI, noon, { attempts: [...attempts, ...earlier([1], CHICAGO)] }));
        expect(v.verdict).toBe('Block');
    });

    it('CP-1 a limit that frees after the window closes names the next opening (20:00 + 8:00 next day)', () => {
        const at = local(19, 0, -5);
        const v = checkCall(
            query(MIAMI, at, {
                attempts: [
                    { number: MIAMI, at: at - 23 * HOUR },
                    { number: MIAMI, at: at - 2 * HOUR },
                    { number: MIAMI, at: at - HOUR }
                ]
            })
        );
        // The first leaves the window at 20:00, when Florida's window has closed: next is 8:00 tomorrow.
        expect(v.nextAllowedAt).toBe(local(8, 0, -5, 13));
    });

    it('CP-1 Regulation F (turned on): the 7th call in 7 days is allowed, the 8th refused until the 1st is 7 days old', () => {
        const rules = withActive('US_Regulation_F');
        const six = [150, 120, 96, 72, 48, 30].map((h) => ({ number: CHICAGO, at: local(12, 0, -6) - h * HOUR }));
        expect(checkCall(query(CHICAGO, local(12, 0, -6), { attempts: six, ruleSets: rules })).verdict).toBe('Allowed');
        const seven = [...six, { number: CHICAGO, at: local(12, 0, -6) - HOUR }];
        const v = checkCall(query(CHICAGO, local(12, 0, -6), { attempts: seven, ruleSets: rules }));
        expect(v.verdict).toBe('Block');
        expect(v.findings[0]).toMatchObject({ rule: 'US_Regulation_F', kind: 'ContactLimit', limit: 7, counted: 7 });
        // The 1st leaves the window at 6:00 tomorrow, before federal hours: next is 8:00 tomorrow.
        expect(v.findings[0]?.nextAt).toBe(local(12, 0, -6) + (168 - 150) * HOUR);
        expect(v.nextAllowedAt).toBe(local(8, 0, -6, 13));
        // Shipped off: without the admin turning it on, the 8th call goes.
        expect(checkCall(query(CHICAGO, local(12, 0, -6), { attempts: seven })).verdict).toBe('Allowed');
    });

    it('CP-2 a per-destination limit counts only that number', () => {
        const rules = withActive('US_Federal', { perDestinationLimit: 1 });
        const attempts = earlier([1], CHICAGO);
        expect(checkCall(query(MIAMI, noon, { attempts, ruleSets: rules })).verdict).toBe('Allowed');
        const v = checkCall(query(MIAMI, noon, { attempts: earlier([1]), ruleSets: rules }));
        expect(v.findings[0]).toMatchObject({ kind: 'DestinationLimit', nextAt: noon + 23 * HOUR });
    });
});

describe('pcCompliance: DNC', () => {
    it('SP-5 CP-1 a DNC number is refused at any hour and never becomes callable', () => {
        const v = checkCall(query(CHICAGO, local(12, 0, -6), { dnc: true }));
        expect(v.verdict).toBe('Block');
        expect(v.findings[0]).toMatchObject({ kind: 'Dnc', rule: 'DNC', nextAt: null });
        expect(v.nextAllowedAt).toBeNull();
    });

    it('SP-5 another number of the same contact stays callable', () => {
        const q = query(CHICAGO, local(12, 0, -6));
        const v = checkCall({ ...q, destinations: [...q.destinations, { number: MIAMI, dnc: true }] });
        expect(v.verdict).toBe('Allowed');
    });

    it('CP-1 the next time each refusal names is itself allowed, and a minute before it is not', () => {
        const at = local(20, 30, -5);
        const v = checkCall(query(MIAMI, at, { attempts: [{ number: MIAMI, at: at - 10 * MIN }] }));
        const next = v.nextAllowedAt ?? 0;
        expect(checkCall(query(MIAMI, next)).verdict).toBe('Allowed');
        expect(checkCall(query(MIAMI, next - MIN)).verdict).toBe('Block');
    });
});
