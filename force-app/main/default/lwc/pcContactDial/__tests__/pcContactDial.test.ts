import PcContactDial from 'c/pcContactDial';
import { getRecord } from 'lightning/uiRecordApi';
import { publish } from 'lightning/messageService';
import PC_DIAL from '@salesforce/messageChannel/PC_Dial__c';
import { byDataId, cleanup, click, findButton, flush, render } from 'test-support/lwc';

// sfdx-lwc-jest's stubs: getRecord is a test wire adapter that emits what the test gives it; publish is a jest.fn.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- the test drives the wire stub
const recordWire = getRecord as unknown as { emit(value: unknown): void };
const published = publish as unknown as jest.Mock;
const CONTACT_ID = '003000000000001AAA';

function contact(fields: Record<string, string | null>): unknown {
    return {
        apiName: 'Contact',
        id: CONTACT_ID,
        fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v, displayValue: null }]))
    };
}

async function mount(): Promise<HTMLElement> {
    const el = await render<HTMLElement>('c-pc-contact-dial', PcContactDial, { recordId: CONTACT_ID });
    return el;
}

function dialer(el: HTMLElement): ShadowRoot {
    return el.shadowRoot!.querySelector('c-pc-click-to-dial')!.shadowRoot!;
}

describe('c-pc-contact-dial', () => {
    beforeEach(() => published.mockReset());
    afterEach(cleanup);

    it('WU-4 lists the Contact`s numbers from the record and publishes a dial request (id and number only)', async () => {
        const el = await mount();
        recordWire.emit(contact({ Phone: '(312) 555-0100', MobilePhone: '+13125550177', HomePhone: null }));
        await flush();
        const text = byDataId(dialer(el), 'numbers')!.textContent!;
        expect(text).toContain('Phone');
        expect(text).toContain('Mobile');
        await click(findButton(dialer(el), 'Call (312) 555-0177'));
        expect(published).toHaveBeenCalledTimes(1);
        expect(published.mock.calls[0]![1]).toBe(PC_DIAL);
        expect(published.mock.calls[0]![2]).toEqual({ contactId: CONTACT_ID, number: '+13125550177' });
    });

    it('WU-4 a Contact without a number says so and offers no Call button', async () => {
        const el = await mount();
        recordWire.emit(contact({ Phone: null, MobilePhone: '  ' }));
        await flush();
        expect(byDataId(dialer(el), 'none')).not.toBeNull();
        expect(findButton(dialer(el), 'Call')).toBeNull();
        expect(published).not.toHaveBeenCalled();
    });
});
