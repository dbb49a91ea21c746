import { SimulatedDialer } from 'c/pcSimDialer';
import type { CallingListContact } from 'c/pcModel';
import { toE164 } from '../orgList';

const CONTACTS: readonly CallingListContact[] = [
    {
        id: '003000000000001AAA',
        dialerRecordId: 'PC-1001',
        firstName: 'Ava',
        lastName: 'Martinez',
        accountName: 'Northwind Traders',
        phones: [
            { field: 'Phone', number: '(312) 555-0101' },
            { field: 'MobilePhone', number: '312.555.0102' }
        ],
        email: 'ava.martinez@example.com'
    },
    {
        id: '003000000000002AAA',
        dialerRecordId: 'PC-1002',
        firstName: 'Ben',
        lastName: 'Okafor',
        accountName: null,
        phones: [{ field: 'Phone', number: 'ask reception' }],
        email: null
    }
];

describe('the simulated calling list from Contacts', () => {
    it('SP-1 one record per Contact with a callable number, carrying its id, name, account and numbers', () => {
        const dialer = new SimulatedDialer({ seed: 7, startAt: Date.UTC(2026, 10, 24, 15), contacts: CONTACTS });
        const records = dialer.control.records();
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({
            id: 'PC-1001',
            firstName: 'Ava',
            lastName: 'Martinez',
            salesforceId: '003000000000001AAA',
            timeZone: null
        });
        expect(records[0]?.fields.AccountName).toBe('Northwind Traders');
        expect(records[0]?.fields.ExternalId).toBe('PC-1001');
        const history = dialer.control.attemptsHistory('PC-1001');
        expect(history?.destinations.map((d) => [d.description, d.value])).toEqual([
            ['PhoneNumber', '+13125550101'],
            ['Mobile', '+13125550102'],
            ['Email', 'ava.martinez@example.com']
        ]);
    });

    it('SP-1 without Contacts the dialer keeps its generated list', () => {
        const dialer = new SimulatedDialer({ seed: 7, recordCount: 20, contacts: [] });
        expect(dialer.control.records()[0]?.id).toBe('rec-0001');
    });

    it('SP-1 numbers as typed in Salesforce become E.164; what is not a number is dropped', () => {
        expect(toE164('(312) 555-0101')).toBe('+13125550101');
        expect(toE164('+44 20 7946 0000')).toBe('+442079460000');
        expect(toE164('1-212-555-0105')).toBe('+12125550105');
        expect(toE164('555-0101')).toBeNull();
    });
});
