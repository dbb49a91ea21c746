import PcDisclosure from 'c/pcDisclosure';
import { cleanup, click, render } from 'test-support/lwc';

type Disclosure = HTMLElement & { label: string; open: boolean };

async function mount(props: Partial<Disclosure>): Promise<Disclosure> {
    const el = await render<Disclosure>('c-pc-disclosure', PcDisclosure, props);
    const body = document.createElement('span');
    body.textContent = 'acceptPreview: 503';
    el.appendChild(body);
    return el;
}

const toggleOf = (el: Disclosure): HTMLButtonElement => el.shadowRoot!.querySelector('button')!;
const contentOf = (el: Disclosure): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[data-id="content"]')!;

describe('c-pc-disclosure', () => {
    afterEach(cleanup);

    it('UB-6 BX-4 is a button named by its label that shows and hides what it holds, saying whether it is open', async () => {
        const el = await mount({ label: 'Details' });
        const toggle = toggleOf(el);
        expect(toggle.type).toBe('button');
        expect(toggle.textContent!.trim()).toBe('Details');
        expect(toggle.getAttribute('aria-controls')).toBe(contentOf(el).id);
        expect([toggle.getAttribute('aria-expanded'), contentOf(el).hidden, el.open]).toEqual(['false', true, false]);
        await click(toggle);
        expect([toggle.getAttribute('aria-expanded'), contentOf(el).hidden, el.open]).toEqual(['true', false, true]);
        expect((el.shadowRoot!.querySelector('lightning-icon') as unknown as { iconName: string }).iconName).toBe(
            'utility:chevrondown'
        );
        await click(toggle);
        expect([toggle.getAttribute('aria-expanded'), contentOf(el).hidden]).toEqual(['false', true]);
        expect((el.shadowRoot!.querySelector('lightning-icon') as unknown as { iconName: string }).iconName).toBe(
            'utility:chevronright'
        );
        await expect(el).toBeAccessible();
    });

    it('UB-6 can start open where the page asks for it', async () => {
        const el = await mount({ label: 'Details', open: true });
        expect([toggleOf(el).getAttribute('aria-expanded'), contentOf(el).hidden]).toEqual(['true', false]);
    });
});
