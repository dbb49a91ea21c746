// The simulated dialer's generated calling list, as the agent and the console see it through the control surface
// (SP-2, SP-3, SP-4): numbers that belong to the contact's zone, the destinations a record has and in which
// cadence, what earlier attempts look like, and each unavailable reason with the history that explains it.
import { SimulatedDialer } from 'c/pcSimDialer';
import type { AttemptsHistory, CallingRecord, Destination } from 'c/pcModel';
import { START } from 'test-support/simDialer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The numbers each zone's contacts are given: area codes with 555 in the US, a fixed form elsewhere. */
const ZONE_NUMBER: Record<string, RegExp> = {
    'America/New_York': /^\+1(212|718|617|305)555\d{4}$/,
    'America/Chicago': /^\+1(312|214|612)555\d{4}$/,
    'America/Denver': /^\+1(303|801)555\d{4}$/,
    'America/Phoenix': /^\+1602555\d{4}$/,
    'America/Los_Angeles': /^\+1(213|415|206)555\d{4}$/,
    'America/Anchorage': /^\+1907555\d{4}$/,
    'Pacific/Honolulu': /^\+1808555\d{4}$/,
    'Europe/London': /^\+4420794600\d{2}$/,
    'Europe/Dublin': /^\+3531\d{7}$/,
    'Europe/Berlin': /^\+4930\d{8}$/,
    'Europe/Paris': /^\+331\d{8}$/,
    'Europe/Madrid': /^\+3491\d{7}$/,
    none: /^\+1(646|917)555\d{4}$/
};

interface Listed {
    readonly record: CallingRecord;
    readonly history: AttemptsHistory;
}

function list(seed: number, recordCount: number): Listed[] {
    const dialer = new SimulatedDialer({ seed, recordCount, startAt: START });
    return dialer.control.records().map((record) => ({ record, history: dialer.control.attemptsHistory(record.id)! }));
}

const byDescription = (h: AttemptsHistory, description: string): Destination | undefined =>
    h.destinations.find((d) => d.description === description);

/**
 * A list long enough for every zone and shape to occur. Built in each test, not once for the file: a mutant is
 * only tested by the tests that ran its code.
 */
const long = (): Listed[] => list(5, 300);

describe('c-pc-sim-dialer generated calling list', () => {
    it("SP-2 every phone number is a number of the contact's zone, and the SMS goes to the mobile", () => {
        const all = long();
        for (const { record, history } of all) {
            const pattern = ZONE_NUMBER[record.timeZone ?? 'none']!;
            for (const d of history.destinations.filter((x) => x.kind === 'Phone'))
                expect([record.id, d.description, d.value]).toEqual([
                    record.id,
                    d.description,
                    expect.stringMatching(pattern)
                ]);
            expect(byDescription(history, 'SMS')!.value).toBe(byDescription(history, 'Mobile')!.value);
        }
        // Every zone of the table occurs in a list this long, and a contact without a zone too.
        expect(new Set(all.map((l) => l.record.timeZone ?? 'none'))).toEqual(new Set(Object.keys(ZONE_NUMBER)));
    });

    it('SP-2 a record has a home phone, a mobile, sometimes a work phone, an SMS and an e-mail, in that cadence', () => {
        const all = long();
        let withWork = 0;
        for (const { record, history } of all) {
            const shape = history.destinations.map((d) => [d.id, d.kind, d.description, d.cadenceOrder]);
            const work = byDescription(history, 'Work') ? 1 : 0;
            withWork += work;
            expect(shape).toEqual([
                [`${record.id}-phone`, 'Phone', 'PhoneNumber', 1],
                [`${record.id}-mobile`, 'Phone', 'Mobile', 2],
                ...(work ? [[`${record.id}-work`, 'Phone', 'Work', 3]] : []),
                [`${record.id}-sms`, 'Sms', 'SMS', 4],
                [`${record.id}-email`, 'Email', 'Email', 5]
            ]);
        }
        // About three records in five have a work phone.
        expect(withWork / all.length).toBeGreaterThan(0.5);
        expect(withWork / all.length).toBeLessThan(0.7);
    });

    it('SP-2 the e-mail is first.last and the record number at example.com, in lower case letters only', () => {
        const all = long();
        for (const [i, { record, history }] of all.entries()) {
            const name = `${record.firstName}.${record.lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
            expect(byDescription(history, 'Email')!.value).toBe(`${name}${i + 1}@example.com`);
        }
        expect(all.some((l) => /[^A-Za-z]/.test(l.record.lastName))).toBe(true);
    });

    it('SP-2 records are numbered in order, carry an external id, and three in four a Salesforce id', () => {
        const all = long();
        for (const [i, { record }] of all.entries()) {
            expect(record.id).toBe(`rec-${String(i + 1).padStart(4, '0')}`);
            expect(record.fields.ExternalId).toBe(`EXT-${100000 + i}`);
            expect(record.salesforceId ?? '003000000000000000').toMatch(/^003[A-Za-z0-9]{15}$/);
        }
        const withId = all.filter((l) => l.record.salesforceId !== null).length / all.length;
        expect(withId).toBeGreaterThan(0.65);
        expect(withId).toBeLessThan(0.85);
        // The id's characters are drawn from the whole alphabet: the last of them occurs too.
        expect(all.some((l) => l.record.salesforceId?.includes('9'))).toBe(true);
    });

    it('SP-2 each destination allows a number of attempts in its range', () => {
        const all = long();
        const ranges: Record<string, [number, number]> = {
            PhoneNumber: [4, 10],
            Mobile: [4, 10],
            Work: [3, 8],
            SMS: [2, 5],
            Email: [2, 5]
        };
        const seen: Record<string, Set<number>> = {};
        // Positions that raise a limit on purpose (an answering machine, a wrong number, a requeue) are left out.
        for (const { history } of all.filter((_, i) => ![13, 15, 17].includes(i % 20))) {
            for (const d of history.destinations) {
                const [low, high] = ranges[d.description]!;
                const max = d.maxAttempts ?? -1;
                expect([d.description, max >= low && max <= high]).toEqual([d.description, true]);
                (seen[d.description] ??= new Set()).add(max);
            }
        }
        for (const [description, [low, high]] of Object.entries(ranges))
            expect([description, seen[description]!.size]).toEqual([description, high - low + 1]);
    });

    it('SP-4 earlier attempts are ordinary outcomes days before the list starts, a few per destination', () => {
        const all = long();
        const outcomes = new Set<string>();
        for (const [i, { history }] of all.entries()) {
            // Positions that add attempts or a Do Not Call outcome of their own are left out.
            if ([5, 7, 13, 15, 17].includes(i % 20)) continue;
            for (const a of history.attempts) outcomes.add(a.outcome);
            for (const d of history.destinations) {
                const mine = history.attempts.filter((a) => a.destinationId === d.id);
                expect(mine.length).toBeLessThanOrEqual(d.kind === 'Phone' ? 3 : 1);
                expect(mine.length).toBeLessThan(d.maxAttempts ?? 0);
                expect(d.lastOutcome).toBe(mine.at(-1)?.outcome ?? null);
                expect(d.lastPresentation).toBe(mine.at(-1)?.at ?? null);
                // The first lies 2 to 9 days (and up to 8 hours more) before the list starts, on the hour.
                const before = mine.length ? START - mine[0]!.at : 2 * DAY;
                expect(before >= 2 * DAY && before <= 9 * DAY + 8 * HOUR && before % HOUR === 0).toBe(true);
                // A destination's earlier attempts lie 4 to 30 hours apart.
                for (let k = 1; k < mine.length; k += 1) {
                    const gap = mine[k]!.at - mine[k - 1]!.at;
                    expect(gap >= 4 * HOUR && gap <= 30 * HOUR && gap % HOUR === 0).toBe(true);
                }
            }
        }
        expect(outcomes).toEqual(new Set(['NoAnswer', 'AnsweringMachine', 'Busy']));
        // Some records have three earlier attempts on a phone, and some SMS or e-mail one attempt.
        const counts = all
            .filter((_, i) => ![5, 7, 13, 15, 17].includes(i % 20))
            .flatMap(({ history }) =>
                history.destinations.map((d) => [
                    d.kind,
                    history.attempts.filter((a) => a.destinationId === d.id).length
                ])
            );
        expect(counts).toContainEqual(['Phone', 3]);
        expect(counts).toContainEqual(['Sms', 1]);
        expect(counts).toContainEqual(['Email', 1]);
    });

    it('SP-3 some SMS and e-mail destinations are out of the cadence; phones only where the list puts them out', () => {
        const all = long();
        const out = all.flatMap(({ history }) =>
            history.destinations.filter((d) => d.unavailableReason === 'DestinationNotInCadence')
        );
        expect(out.some((d) => d.kind === 'Sms')).toBe(true);
        expect(out.some((d) => d.kind === 'Email')).toBe(true);
        const share = out.filter((d) => d.kind !== 'Phone').length / (2 * all.length);
        expect(share).toBeGreaterThan(0.15);
        expect(share).toBeLessThan(0.35);
    });

    it('SP-3 in every 20 records each unavailable reason occurs with the history that explains it', () => {
        for (const seed of [1, 2, 3]) {
            const twenty = list(seed, 20).map((l) => l.history);
            const reasons = (h: AttemptsHistory): (string | null)[] => h.destinations.map((d) => d.unavailableReason);
            // A finalized record: every destination says so.
            expect(new Set(reasons(twenty[3]!))).toEqual(new Set(['Finalized']));
            // A number on the Do Not Call list, with Do Not Call as its last outcome.
            expect(byDescription(twenty[5]!, 'PhoneNumber')).toMatchObject({
                unavailableReason: 'DNC',
                lastOutcome: 'DoNotCall'
            });
            // A mobile called as often as allowed.
            const exhausted = byDescription(twenty[7]!, 'Mobile')!;
            expect(exhausted.unavailableReason).toBe('Exhausted');
            expect(exhausted.attempts).toBe(exhausted.maxAttempts);
            // The third destination in the cadence out of it: the work phone, or the SMS without one.
            const outOfCadence = twenty[9]!.destinations[2]!;
            expect(outOfCadence.unavailableReason).toBe('DestinationNotInCadence');
            expect(['Work', 'SMS']).toContain(outOfCadence.description);
            expect(byDescription(twenty[11]!, 'PhoneNumber')!.unavailableReason).toBe('DestinationNotActive');
            // A mobile that reached three answering machines, the last a day ago, with attempts left.
            const machine = byDescription(twenty[13]!, 'Mobile')!;
            expect(machine.unavailableReason).toBe('MaxAnsweringMachineDetections');
            expect((machine.maxAttempts ?? 0) - machine.attempts).toBeGreaterThanOrEqual(2);
            const machineAttempts = twenty[13]!.attempts.filter((a) => a.destinationId === machine.id);
            expect(machineAttempts.filter((a) => a.outcome === 'AnsweringMachine')).toHaveLength(3);
            expect(machineAttempts.at(-1)).toMatchObject({ outcome: 'AnsweringMachine', at: START - DAY });
            expect(machine.lastPresentation).toBe(START - DAY);
            // A wrong number: out for good, two days ago, with attempts left.
            const wrong = byDescription(twenty[15]!, 'PhoneNumber')!;
            expect(wrong).toMatchObject({
                unavailableReason: 'LastOutcomeNotActiveForCalling',
                availableAt: null,
                lastOutcome: 'WrongNumber',
                lastPresentation: START - 2 * DAY
            });
            expect((wrong.maxAttempts ?? 0) - wrong.attempts).toBeGreaterThanOrEqual(2);
            expect(twenty[15]!.attempts.filter((a) => a.destinationId === wrong.id).at(-1)).toMatchObject({
                outcome: 'WrongNumber',
                at: START - 2 * DAY
            });
            // A number presented ten minutes ago and requeued: back in two hours.
            const presented = byDescription(twenty[17]!, 'PhoneNumber')!;
            expect(presented).toMatchObject({
                unavailableReason: 'Presented',
                availableAt: START + 2 * HOUR,
                lastOutcome: 'Requeued',
                lastPresentation: START - 10 * MINUTE
            });
            expect((presented.maxAttempts ?? 0) - presented.attempts).toBeGreaterThanOrEqual(2);
            expect(twenty[17]!.attempts.at(-1)).toMatchObject({
                destinationId: presented.id,
                outcome: 'Requeued',
                at: START - 10 * MINUTE
            });
            // Every phone of the record on the Do Not Call list.
            for (const d of twenty[19]!.destinations)
                expect([d.kind, d.unavailableReason === 'DNC']).toEqual([d.kind, d.kind === 'Phone']);
            // The other positions have no reason of their own: a phone is ready unless earlier answering machines
            // used it up; an SMS or e-mail may be out of the cadence.
            for (const i of [0, 1, 2, 4, 6, 8, 10, 12, 14, 16, 18])
                for (const d of twenty[i]!.destinations)
                    expect([i, d.description, d.unavailableReason]).toEqual([
                        i,
                        d.description,
                        d.unavailableReason === 'DestinationNotInCadence' && d.kind !== 'Phone'
                            ? 'DestinationNotInCadence'
                            : d.unavailableReason === 'MaxAnsweringMachineDetections'
                              ? 'MaxAnsweringMachineDetections'
                              : null
                    ]);
        }
    });

    it('SP-3 a number stopped by a wrong number or presented a moment ago keeps its own attempt limit, raised only to leave two', () => {
        const records = list(7, 600);
        for (const position of [15, 17]) {
            const phones = records
                .filter((_, i) => i % 20 === position)
                .map((l) => byDescription(l.history, 'PhoneNumber')!);
            const left = phones.map((d) => (d.maxAttempts ?? 0) - d.attempts);
            expect(left.every((n) => n >= 2)).toBe(true);
            // Most limits (4 to 10) were already above that: they are not lowered to it.
            expect(left.filter((n) => n > 2).length).toBeGreaterThan(phones.length / 2);
        }
    });
});
