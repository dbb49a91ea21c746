import { DestinationUnavailableReason, isCallStatus, isDestinationUnavailableReason, recordName } from 'c/pcModel';

describe('c-pc-model', () => {
    it('SP-3 knows exactly the eight unavailable reasons of the guide', () => {
        expect(Object.values(DestinationUnavailableReason)).toHaveLength(8);
        expect(isDestinationUnavailableReason('DNC')).toBe(true);
        expect(isDestinationUnavailableReason('dnc')).toBe(false);
        expect(isDestinationUnavailableReason(undefined)).toBe(false);
    });

    it('CL-1 checks call statuses exactly, as the guide spells them', () => {
        expect(['Dialing', 'Ringing', 'AMD', 'Active', 'Held', 'Ended'].every(isCallStatus)).toBe(true);
        expect(isCallStatus('Amd')).toBe(false);
    });

    it('CL-1 shows a record by first and last name', () => {
        expect(
            recordName({
                id: 'r',
                firstName: 'Ada',
                lastName: 'Lovelace',
                timeZone: null,
                salesforceId: null,
                fields: {}
            })
        ).toBe('Ada Lovelace');
    });
});
