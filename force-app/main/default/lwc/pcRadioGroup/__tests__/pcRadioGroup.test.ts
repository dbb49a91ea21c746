import PcRadioGroup from 'c/pcRadioGroup';
import type { RadioOption } from 'c/pcRadioGroup';
import { cleanup, findRadio, flush, render } from 'test-support/lwc';

type GroupEl = HTMLElement & { label: string; options: readonly RadioOption[]; value: string; type: string };

const OPTIONS: readonly RadioOption[] = [
    { label: 'Me', value: 'Me' },
    { label: 'Anyone in this skill', value: 'Skill' }
];

function mount(props: Partial<GroupEl> = {}): Promise<GroupEl> {
    return render<GroupEl>('c-pc-radio-group', PcRadioGroup, {
        label: 'Deliver to',
        options: OPTIONS,
        value: 'Me',
        ...props
    });
}

const radios = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

/** The radio whose label reads `name`, as a screen reader names it. */
function radio(el: HTMLElement, name: string): HTMLInputElement {
    const found = findRadio(el, name);
    if (!found) throw new Error(`no radio named ${name}`);
    return found;
}

describe('c-pc-radio-group', () => {
    afterEach(cleanup);

    it.each(['radio', 'button'])(
        'RS-1 BX-4 a %s group is a fieldset named by its legend, each radio named by its label',
        async (type) => {
            const el = await mount({ type });
            const fieldset = el.shadowRoot!.querySelector('fieldset')!;
            expect(fieldset.querySelector('legend')!.textContent).toBe('Deliver to');
            expect(radios(el).map((r) => r.labels?.[0]?.textContent?.trim())).toEqual(['Me', 'Anyone in this skill']);
            expect(
                el.shadowRoot!.querySelectorAll(type === 'button' ? '.slds-radio_button' : '.slds-radio')
            ).toHaveLength(2);
            await expect(el).toBeAccessible();
        }
    );

    it('RS-1 checks the choice of its value, and follows a new value', async () => {
        const el = await mount();
        expect(radio(el, 'Me').checked).toBe(true);
        expect(radio(el, 'Anyone in this skill').checked).toBe(false);
        el.value = 'Skill';
        await flush();
        expect(radio(el, 'Me').checked).toBe(false);
        expect(radio(el, 'Anyone in this skill').checked).toBe(true);
    });

    it('RS-1 a click on a radio fires change with its value, as lightning-radio-group does', async () => {
        const el = await mount();
        const seen: string[] = [];
        el.addEventListener('change', (e) => seen.push((e as CustomEvent<{ value: string }>).detail.value));
        radio(el, 'Anyone in this skill').click();
        await flush();
        expect(seen).toEqual(['Skill']);
        expect(el.value).toBe('Skill');
        expect(radio(el, 'Anyone in this skill').checked).toBe(true);
    });

    it('BX-4 the radios of a group share one name of their own, so arrow keys move within it and no further', async () => {
        const first = await mount();
        const second = await mount({ label: 'Transfer to', type: 'button' });
        const names = (el: HTMLElement) => new Set(radios(el).map((r) => r.name));
        expect(names(first).size).toBe(1);
        expect(names(second).size).toBe(1);
        expect([...names(first)][0]).not.toBe([...names(second)][0]);
    });

    it('BX-4 focus() puts focus on the checked radio, where arrow keys then move the choice', async () => {
        const el = await mount({ value: 'Skill' });
        (el as unknown as { focus(): void }).focus();
        expect(el.shadowRoot!.activeElement).toBe(radio(el, 'Anyone in this skill'));
        el.value = '';
        await flush();
        (el as unknown as { focus(): void }).focus();
        expect(el.shadowRoot!.activeElement).toBe(radio(el, 'Me'));
    });
});
