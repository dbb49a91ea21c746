import PcClickToDial from 'c/pcClickToDial';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, click, findButton, flush, render } from 'test-support/lwc';

const NUMBERS = [
    { label: 'Phone', number: '+13125550100' },
    { label: 'Mobile', number: '+13125550177' }
];

async function mount(over: Record<string, unknown> = {}) {
    const service = new StubConsoleApi();
    const el = await render<HTMLElement>('c-pc-click-to-dial', PcClickToDial, {
        numbers: NUMBERS,
        contactId: '003000000000001AAA',
        service,
        ...over
    });
    return { el, service };
}

describe('c-pc-click-to-dial', () => {
    afterEach(cleanup);

    it('WU-4 lists the contact`s numbers, each with a named Call button that dials it through the console', async () => {
        const { el, service } = await mount();
        const text = byDataId(el, 'numbers')!.textContent!;
        expect(text).toContain('Phone');
        expect(text).toContain('(312) 555-0177');
        await click(findButton(el, 'Call (312) 555-0177'));
        expect(service.callsOf('dial')).toEqual([
            { method: 'dial', args: [{ number: '+13125550177', contactId: '003000000000001AAA' }] }
        ]);
        await flush();
        expect(byDataId(el, 'dial-status')!.textContent).toBe('Dialing (312) 555-0177 in the console.');
        await expect(el).toBeAccessible();
    });

    it('WU-4 a refused dial says why and can be tried again', async () => {
        const { el, service } = await mount();
        service.results.set('dial', {
            ok: false,
            error: { id: 'e1', source: 'Validation', code: 'InvalidState', detail: '', at: 0, command: 'dial' }
        });
        await click(findButton(el, 'Call (312) 555-0100'));
        await flush();
        expect(byDataId(el, 'dial-error')!.textContent!.length).toBeGreaterThan(0);
        service.results.delete('dial');
        await click(findButton(el, 'Call (312) 555-0100'));
        expect(service.callsOf('dial')).toHaveLength(2);
    });

    it('UB-6 WU-4 with the console service itself it dials as click-to-dial, whose failures it alone shows', async () => {
        const service = new StubConsoleApi();
        const clickToDial = jest.fn(async () => ({
            ok: false as const,
            error: {
                id: 'e2',
                source: 'Validation' as const,
                code: 'InvalidState' as const,
                detail: '',
                at: 0,
                command: 'clickToDial'
            }
        }));
        const { el } = await mount({ service: Object.assign(service, { clickToDial }) });
        await click(findButton(el, 'Call (312) 555-0100'));
        await flush();
        expect(clickToDial).toHaveBeenCalledWith({ number: '+13125550100', contactId: '003000000000001AAA' });
        expect(service.callsOf('dial')).toEqual([]);
        expect(byDataId(el, 'dial-error')!.textContent).toBe(
            'That is not possible in the current state of the call or agent.'
        );
    });

    it('WU-4 says so when the contact has no number', async () => {
        const { el } = await mount({ numbers: [] });
        expect(byDataId(el, 'none')!.textContent).toBe('This contact has no phone number.');
    });
});
