import PcConsole from 'c/pcConsole';
import { APPLICATION_SCOPE, subscribe, unsubscribe } from 'lightning/messageService';
import { StubConsoleApi } from 'test-support/recorders';
import { cleanup, flush, render } from 'test-support/lwc';

// sfdx-lwc-jest's stub of lightning/messageService: every function a jest.fn, so the test plays the channel.
const mocked = {
    subscribe: subscribe as unknown as jest.Mock,
    unsubscribe: unsubscribe as unknown as jest.Mock
};
const CONTACT_ID = '003000000000001AAA';

/** Mounts the console with a service and returns the listener it subscribed on the dial channel. */
async function mount(): Promise<{ service: StubConsoleApi; el: HTMLElement; deliver: (m: unknown) => Promise<void> }> {
    const service = new StubConsoleApi();
    const el = await render<HTMLElement>('c-pc-console', PcConsole, { service });
    expect(mocked.subscribe).toHaveBeenCalledTimes(1);
    const [, , listener, options] = mocked.subscribe.mock.calls[0] as [unknown, unknown, (m: unknown) => void, unknown];
    expect(options).toEqual({ scope: APPLICATION_SCOPE });
    return {
        service,
        el,
        deliver: async (m) => {
            listener(m);
            await flush();
        }
    };
}

describe('c-pc-console dial requests from a record page', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => {
        mocked.subscribe.mockReset().mockReturnValue({ id: 'subscription' });
        mocked.unsubscribe.mockReset();
        warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => {
        cleanup();
        warn.mockRestore();
    });

    it('WU-4 a Contact page`s dial request on the channel is dialled once through the service, in E.164', async () => {
        const { service, deliver } = await mount();
        await deliver({ contactId: CONTACT_ID, number: '(312) 555-0177' });
        expect(service.callsOf('dial')).toEqual([
            { method: 'dial', args: [{ number: '+13125550177', contactId: CONTACT_ID }] }
        ]);
        expect(warn).not.toHaveBeenCalled();
    });

    it.each([
        ['a name field', { contactId: CONTACT_ID, number: '+13125550177', name: 'Ann Lee' }],
        ['an Account id', { contactId: '001000000000001AAA', number: '+13125550177' }],
        ['a short id', { contactId: '003000000001', number: '+13125550177' }],
        ['a number with letters', { contactId: CONTACT_ID, number: 'call 312 555 0177' }],
        ['a number with an extension', { contactId: CONTACT_ID, number: '+1 312 555 0177 ext 9' }],
        ['a number that is not text', { contactId: CONTACT_ID, number: 13125550177 }],
        ['no object', 'dial +13125550177']
    ])('WU-4 a forged dial request (%s) is refused with a note and dials nothing', async (_what, message) => {
        const { service, deliver } = await mount();
        await deliver(message);
        expect(service.callsOf('dial')).toEqual([]);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignored a dial request'));
    });

    it('WU-4 the console stops listening when removed', async () => {
        const { el } = await mount();
        el.remove();
        expect(mocked.unsubscribe).toHaveBeenCalledWith({ id: 'subscription' });
    });
});
