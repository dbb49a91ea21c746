import PcZonePicker from 'c/pcZonePicker';
import { cleanup, flush, render } from 'test-support/lwc';

const WINTER = Date.UTC(2027, 0, 10, 12);

async function mount(value = 'America/New_York', error = '') {
    const el = await render<HTMLElement>('c-pc-zone-picker', PcZonePicker, {
        label: 'Time zone',
        value,
        error,
        at: WINTER
    });
    const picked: string[] = [];
    el.addEventListener('change', (e) => picked.push((e as CustomEvent<{ value: string }>).detail.value));
    const box = el.shadowRoot!.querySelector('[role="combobox"]') as HTMLInputElement;
    return { el, box, picked };
}

const key = async (box: HTMLElement, k: string) => {
    box.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    await flush();
};

describe('c-pc-zone-picker', () => {
    afterEach(cleanup);

    it('RS-6 is a named combobox controlling a named listbox of options', async () => {
        const { el, box } = await mount();
        expect(box.value).toBe('Eastern Time – New York (UTC−05:00)');
        expect(box.getAttribute('aria-autocomplete')).toBe('list');
        const list = el.shadowRoot!.querySelector('[role="listbox"]')!;
        expect(list.getAttribute('aria-label')).toBe('Time zone');
        expect(box.getAttribute('aria-controls')).toBe(list.id);
        await expect(el).toBeAccessible();
    });

    it('RS-6 arrows move through the matches, Enter picks, Escape closes without picking', async () => {
        const { el, box, picked } = await mount();
        box.dispatchEvent(new CustomEvent('focus'));
        box.value = 'central time';
        box.dispatchEvent(new CustomEvent('input'));
        await flush();
        const options = () => Array.from(el.shadowRoot!.querySelectorAll('[role="option"]')) as HTMLElement[];
        const first = options()[0]!.dataset.value;
        await key(box, 'ArrowDown');
        const second = options()[1]!.dataset.value;
        expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
        await key(box, 'ArrowUp');
        expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
        await key(box, 'Escape');
        expect(box.getAttribute('aria-expanded')).toBe('false');
        expect(picked).toEqual([]);
        await key(box, 'ArrowDown');
        await key(box, 'ArrowDown');
        await key(box, 'Enter');
        expect(picked).toEqual([second]);
        expect(first).not.toBe(second);
    });

    it("RS-2 the error is the field's accessible description", async () => {
        const { el, box } = await mount('Atlantis', 'Choose a time zone from the list.');
        expect(box.getAttribute('aria-invalid')).toBe('true');
        const help = el.shadowRoot!.querySelector(`[id="${box.getAttribute('aria-describedby')}"]`)!;
        expect(help.textContent!.trim()).toBe('Choose a time zone from the list.');
        expect(box.value).toBe('Atlantis');
    });
});
