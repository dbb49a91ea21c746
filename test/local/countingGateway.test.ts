import { countGatewayCalls } from '../../local/countingGateway';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';

describe('the local console counting gateway (bench part "org")', () => {
    it('counts each call by method and passes calls and results through unchanged', async () => {
        const inner = new InMemorySalesforceGateway({ contacts: [], interactions: [] });
        const { gateway, counts } = countGatewayCalls(inner);
        expect(counts()).toEqual({});
        const settings = await gateway.getSettings();
        expect(settings).toEqual(await inner.getSettings());
        await gateway.getSettings();
        const contact = await gateway.findContact({
            salesforceId: null,
            dialerRecordId: 'rec-1',
            phone: '+13125550100',
            fields: []
        });
        expect(contact).toBeNull();
        expect(counts()).toEqual({ getSettings: 2, findContact: 1 });
    });

    it('gives the same wrapper on every read of a method, so counting allocates nothing per call', () => {
        const { gateway } = countGatewayCalls(new InMemorySalesforceGateway({ contacts: [], interactions: [] }));
        expect(Reflect.get(gateway, 'logAttempt')).toBe(Reflect.get(gateway, 'logAttempt'));
    });
});
