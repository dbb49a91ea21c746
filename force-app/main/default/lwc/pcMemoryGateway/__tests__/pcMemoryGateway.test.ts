import { InMemorySalesforceGateway, seedFromRecords } from 'c/pcMemoryGateway';
import type { MemoryContact } from 'c/pcMemoryGateway';
import type { AttemptLog, CallingRecord } from 'c/pcModel';
import { GatewayError } from 'c/pcSalesforcePort';
import { VirtualClock } from 'c/pcVirtualClock';

const ADA: MemoryContact = {
    id: '003000000000001',
    name: 'Ada Lovelace',
    phone: '+1 (312) 555-0100',
    email: 'ada@example.com',
    accountName: 'Analytical Engines',
    title: 'Owner',
    mailingCity: 'London',
    fields: { Region__c: 'North' },
    dialerRecordId: 'R-1'
};
const GRACE: MemoryContact = {
    ...ADA,
    id: '003000000000002',
    name: 'Grace Hopper',
    phone: '+13125550200',
    dialerRecordId: 'R-2'
};

const LOG: AttemptLog = {
    dialerContactId: 'C-1',
    contactId: ADA.id,
    recordId: 'R-1',
    number: '+13125550100',
    direction: 'Outbound',
    outcome: 'Completed',
    dispositionLabel: 'Completed',
    durationSeconds: 42,
    notes: '',
    endedAt: 0
};

function gateway(): InMemorySalesforceGateway {
    return new InMemorySalesforceGateway({
        contacts: [ADA, GRACE],
        interactions: [
            { id: 'i1', contactId: ADA.id, at: 1000, subject: 'Old', type: 'Call', outcome: null, notes: null },
            { id: 'i2', contactId: ADA.id, at: 3000, subject: 'New', type: 'Call', outcome: null, notes: null },
            { id: 'i3', contactId: GRACE.id, at: 2000, subject: 'Other', type: 'Call', outcome: null, notes: null }
        ],
        settings: { linesPerAgent: 2 }
    });
}

const query = { salesforceId: null, dialerRecordId: 'none', phone: '', fields: [] as string[] };

describe('pcMemoryGateway', () => {
    it('SP-1 finds a contact by Salesforce id first', async () => {
        const found = await gateway().findContact({ ...query, salesforceId: GRACE.id, dialerRecordId: 'R-1' });
        expect(found?.name).toBe('Grace Hopper');
    });

    it('SP-1 then by the dialer record id, then by phone digits', async () => {
        const g = gateway();
        const byRecord = await g.findContact({ ...query, dialerRecordId: 'R-2', phone: '+13125550100' });
        const byPhone = await g.findContact({ ...query, phone: '+13125550100' });
        const none = await g.findContact({ ...query, phone: '+13125559999' });
        expect([byRecord?.id, byPhone?.id, none]).toEqual([GRACE.id, ADA.id, null]);
    });

    it('CL-2 returns exactly the fields asked for, standard and custom', async () => {
        const found = await gateway().findContact({
            ...query,
            dialerRecordId: 'R-1',
            fields: ['Account.Name', 'Region__c', 'Missing__c']
        });
        expect(found?.fields).toEqual({ 'Account.Name': 'Analytical Engines', Region__c: 'North', Missing__c: null });
        expect(found).not.toHaveProperty('dialerRecordId');
    });

    it('SP-1 returns Contact History newest first', async () => {
        const history = await gateway().getContactHistory(ADA.id);
        expect(history.map((i) => i.subject)).toEqual(['New', 'Old']);
    });

    it("SP-1 answers a contact's history from its own Tasks: a screen pop never scans every Task of the org", async () => {
        const g = gateway();
        let reads = 0;
        const counted = (log: AttemptLog): AttemptLog =>
            new Proxy(log, {
                get(target, key, receiver) {
                    if (key === 'contactId') reads += 1;
                    return Reflect.get(target, key, receiver) as unknown;
                }
            });
        await g.logAttempt({ ...LOG, endedAt: 2500, notes: 'Ada, logged' });
        for (let i = 0; i < 50; i += 1) {
            // Sequential on purpose: each log is one Apex request, in order.
            // eslint-disable-next-line no-await-in-loop
            await g.logAttempt(counted({ ...LOG, dialerContactId: `G-${i}`, contactId: GRACE.id }));
        }
        reads = 0;
        const history = await g.getContactHistory(ADA.id);
        expect(history.map((i) => i.subject)).toEqual(['New', 'Call: Completed', 'Old']);
        expect(reads).toBe(0);
        expect(await g.getContactHistory(GRACE.id)).toHaveLength(51);
    });

    it('BX-1 logs an attempt once per dialer contact id', async () => {
        const g = gateway();
        const first = await g.logAttempt(LOG);
        const again = await g.logAttempt({ ...LOG, notes: 'retried' });
        expect(again).toEqual({ taskId: first.taskId, created: false });
        expect(first.created).toBe(true);
        expect(g.tasks()).toHaveLength(1);
        expect(g.tasks()[0]!.log.notes).toBe('');
    });

    it('BX-1 a failed log creates no Task and the retry creates exactly one', async () => {
        expect.assertions(3);
        const g = gateway();
        g.failNext('logAttempt', 'Network');
        await expect(g.logAttempt(LOG)).rejects.toEqual(expect.any(GatewayError));
        expect(g.tasks()).toHaveLength(0);
        await g.logAttempt(LOG);
        expect(g.tasks()).toHaveLength(1);
    });

    it('AD-2 hands back the stored settings unparsed', async () => {
        await expect(gateway().getSettings()).resolves.toEqual({ linesPerAgent: 2 });
    });

    it('answers after the injected latency on the given clock', async () => {
        const clock = new VirtualClock({ startAt: 0 });
        const g = new InMemorySalesforceGateway({ contacts: [ADA], clock, latencyMs: 300 });
        let answered = false;
        const pending = g.getContactHistory(ADA.id).then(() => {
            answered = true;
        });
        clock.advance(299);
        await Promise.resolve();
        expect(answered).toBe(false);
        clock.advance(1);
        await pending;
        expect(answered).toBe(true);
        expect(g.callCount('getContactHistory')).toBe(1);
    });

    it('SP-1 seeds contacts with accounts and earlier interactions, the same for the same seed', () => {
        const records: CallingRecord[] = [1, 2, 3].map((n) => ({
            id: `R-${n}`,
            firstName: `First${n}`,
            lastName: `Last${n}`,
            timeZone: 'America/Chicago',
            salesforceId: null,
            fields: { BalanceDue: `${n}00.00` }
        }));
        const a = seedFromRecords(records, 7);
        const b = seedFromRecords(records, 7);
        expect(a).toEqual(b);
        expect(a.contacts.map((c) => c.dialerRecordId)).toEqual(['R-1', 'R-2', 'R-3']);
        expect(a.contacts.every((c) => c.accountName)).toBe(true);
        expect(a.interactions.length).toBeGreaterThanOrEqual(3);
    });
});
