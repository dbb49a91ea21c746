/* eslint-disable no-await-in-loop -- virtual time is stepped in order: each step awaits the one before */
import { SimulatedDialer } from 'c/pcSimDialer';
import { DestinationUnavailableReason } from 'c/pcModel';
import type { AttemptsHistory } from 'c/pcModel';
import { reach } from 'test-support/time';
import { send, START, working, workShift } from 'test-support/simDialer';

const PERMANENT = [
    'Finalized',
    'DNC',
    'Exhausted',
    'DestinationNotActive',
    'DestinationNotInCadence',
    'MaxAnsweringMachineDetections'
];

function histories(dialer: SimulatedDialer): AttemptsHistory[] {
    return dialer.control.records().map((r) => dialer.control.attemptsHistory(r.id)!);
}

describe('c-pc-sim-dialer calling list', () => {
    it('SP-2 generates at least 200 contacts with list fields, zones and several destinations', () => {
        const dialer = new SimulatedDialer({ seed: 3, recordCount: 200 });
        const records = dialer.control.records();
        expect(records).toHaveLength(200);
        const zones = new Set(records.map((r) => r.timeZone));
        expect([...zones].some((z) => z?.startsWith('America/'))).toBe(true);
        expect([...zones].some((z) => z?.startsWith('Europe/'))).toBe(true);
        expect(records.some((r) => r.salesforceId === null)).toBe(true);
        for (const r of records) {
            expect(Object.keys(r.fields)).toEqual(['AccountName', 'BalanceDue', 'Product', 'ExternalId']);
        }
        const ids = records.map((r) => r.salesforceId).filter((id): id is string => id !== null);
        expect(ids.every((id) => /^003[A-Za-z0-9]{15}$/.test(id))).toBe(true);
        const history = dialer.control.attemptsHistory(records[0]!.id)!;
        const kinds = history.destinations.map((d) => d.kind);
        expect(kinds).toEqual(expect.arrayContaining(['Phone', 'Sms', 'Email']));
        expect(history.destinations.map((d) => d.description)).toEqual(
            expect.arrayContaining(['PhoneNumber', 'Mobile'])
        );
        for (const d of history.destinations.filter((x) => x.kind === 'Phone'))
            expect(d.value).toMatch(/^\+[1-9]\d{6,14}$/);
    });

    it('SP-3 every one of the eight unavailable reasons occurs in the list', () => {
        const dialer = new SimulatedDialer({ seed: 9, recordCount: 200 });
        const seen = new Set(histories(dialer).flatMap((h) => h.destinations.map((d) => d.unavailableReason)));
        for (const reason of Object.values(DestinationUnavailableReason)) expect(seen).toContain(reason);
    });

    it('SP-4 attempts are numbered per destination and listed oldest first with their outcomes', () => {
        const dialer = new SimulatedDialer({ seed: 9, recordCount: 200 });
        for (const h of histories(dialer)) {
            const at = h.attempts.map((a) => a.at);
            expect(at).toEqual([...at].sort((x, y) => x - y));
            for (const d of h.destinations) {
                const mine = h.attempts.filter((a) => a.destinationId === d.id);
                expect(mine.map((a) => a.number).sort((x, y) => x - y)).toEqual(mine.map((_, i) => i + 1));
                expect(d.attempts).toBe(mine.length);
                expect(mine.every((a) => a.destinationDescription === d.description)).toBe(true);
            }
        }
    });

    it('SP-5 never offers or dials a destination that has an unavailable reason', async () => {
        const { dialer } = await working({ preview: true, recordCount: 200 });
        const offered: string[] = [];
        const check = (recordId: string, destinationId: string): void => {
            const dest = dialer.control.attemptsHistory(recordId)!.destinations.find((d) => d.id === destinationId)!;
            offered.push(`${destinationId}:${dest.unavailableReason}:${dest.kind}`);
        };
        dialer.on('previewOffered', (p) => check(p.record.id, p.destinationId));
        dialer.on('callUpdated', (c) => {
            if (c.status === 'Dialing' && c.direction === 'Outbound') check(c.record.id, c.destinationId);
        });
        // Preview: accept every other record, requeue the rest.
        for (let i = 0; i < 40; i++) {
            const preview = await reach(dialer.control, () => dialer.control.preview());
            await send(dialer, i % 2 ? dialer.acceptPreview(preview.id) : dialer.requeuePreview(preview.id));
            if (i % 2) {
                const call = dialer.control.calls()[0];
                if (call && ['Dialing', 'Ringing', 'AMD'].includes(call.status)) {
                    await send(dialer, dialer.overrideMachine(call.id, 'AnsweringMachine'));
                }
                await workShift(dialer, 10 / 3600, 1_000);
            }
        }
        dialer.control.setPreview(false);
        dialer.control.setLines(3);
        await workShift(dialer, 2, 20_000);
        expect(offered.length).toBeGreaterThan(100);
        expect(offered.filter((o) => !o.endsWith(':null:Phone'))).toEqual([]);
    });

    it('SP-5 a DNC, exhausted or finalized destination is never among those dialled in a shift', async () => {
        const dialer = new SimulatedDialer({ seed: 21, startAt: START, recordCount: 200, preview: false, lines: 3 });
        const blocked = new Set<string>();
        for (const h of histories(dialer)) {
            for (const d of h.destinations) if (PERMANENT.includes(String(d.unavailableReason))) blocked.add(d.id);
        }
        expect(blocked.size).toBeGreaterThan(50);
        const dialled = new Set<string>();
        dialer.on('callUpdated', (c) => dialled.add(c.destinationId));
        await send(dialer, dialer.connect());
        await send(dialer, dialer.loginToSkill('skill-collections'));
        await workShift(dialer, 3, 30_000);
        expect(dialled.size).toBeGreaterThan(100);
        expect([...dialled].filter((d) => blocked.has(d))).toEqual([]);
    });

    it('SP-2 attemptsUpdated carries the history after each attempt, and getAttemptsHistory agrees', async () => {
        const { dialer, events } = await working({ preview: false });
        dialer.control.forceNextOutcome('Busy');
        await reach(dialer.control, () => events.of('attemptsUpdated').length > 0);
        const update = events.last('attemptsUpdated')!;
        expect(update.attempts.at(-1)!.outcome).toBe('Busy');
        const fetched = await send(dialer, dialer.getAttemptsHistory(update.recordId));
        expect(fetched.attempts.at(-1)).toEqual(update.attempts.at(-1));
        const busy = fetched.destinations.find((d) => d.id === update.attempts.at(-1)!.destinationId)!;
        expect(busy.lastOutcome).toBe('Busy');
        expect(busy.unavailableReason).toBe('LastOutcomeNotActiveForCalling');
        expect(busy.availableAt).toBeGreaterThan(dialer.control.clock.now());
        await expect(send(dialer, dialer.getAttemptsHistory('rec-none'))).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('SP-2 getAttemptsHistory rejects with Unsupported, and nothing is announced, where it is not supplied', async () => {
        expect.assertions(2);
        const { dialer, events } = await working({ preview: false, capabilities: { attemptsHistory: false } });
        await expect(send(dialer, dialer.getAttemptsHistory('rec-0001'))).rejects.toMatchObject({
            code: 'Unsupported'
        });
        dialer.control.forceNextOutcome('Busy');
        await reach(dialer.control, () => events.of('callRemoved').length > 0);
        expect(events.of('attemptsUpdated')).toHaveLength(0);
    });
});
