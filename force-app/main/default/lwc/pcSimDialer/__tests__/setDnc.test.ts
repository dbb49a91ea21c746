/** CP-5: the local console puts a contact's number on the Do Not Call list through the simulator's control. */
import { SimulatedDialer } from 'c/pcSimDialer';
import { VirtualClock } from 'c/pcVirtualClock';

function dialer(): SimulatedDialer {
    return new SimulatedDialer({ seed: 18, clock: new VirtualClock(), lines: 1, preview: true, latencyMs: 0 });
}

describe('SimulatedDialer control.setDnc', () => {
    it('CP-5 marks one phone number DNC: Attempts History gives the dialer reason, the other numbers keep theirs', () => {
        const d = dialer();
        const record = d.control.records()[0]!;
        const before = d.control.attemptsHistory(record.id)!;
        const phone = before.destinations.find((x) => x.kind === 'Phone' && !x.unavailableReason)!;
        expect(d.control.setDnc(record.id, phone.id)).toBe(true);
        const after = d.control.attemptsHistory(record.id)!;
        expect(after.destinations.find((x) => x.id === phone.id)?.unavailableReason).toBe('DNC');
        const others = (h: typeof before) =>
            h.destinations.filter((x) => x.id !== phone.id).map((x) => [x.id, x.unavailableReason]);
        expect(others(after)).toEqual(others(before));
    });

    it('CP-5 refuses an unknown record, an unknown number and an email address', () => {
        const d = dialer();
        const record = d.control.records()[0]!;
        const email = d.control.attemptsHistory(record.id)!.destinations.find((x) => x.kind === 'Email')!;
        expect(d.control.setDnc('no-such-record', 'x')).toBe(false);
        expect(d.control.setDnc(record.id, 'no-such-number')).toBe(false);
        expect(d.control.setDnc(record.id, email.id)).toBe(false);
        expect(
            d.control.attemptsHistory(record.id)!.destinations.find((x) => x.id === email.id)?.unavailableReason
        ).not.toBe('DNC');
    });
});
