import PcScreenPop from 'c/pcScreenPop';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { ScreenPop } from 'c/pcModel';
import { HOSTILE, makeScreenPop, NOW } from 'test-support/fixtures';
import { byDataId, cleanup, click, findButton, flush, queryAll, render } from 'test-support/lwc';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageRef: unknown) {
                mockNavigate(pageRef);
            }
            [GenerateUrl]() {
                return Promise.resolve('');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin };
});

type PopEl = HTMLElement & { screenPop: ScreenPop | null };

async function mount(pop: ScreenPop | null = makeScreenPop(), settings = DEFAULT_SETTINGS) {
    return render<PopEl>('c-pc-screen-pop', PcScreenPop, { screenPop: pop, settings, now: NOW, timeZone: 'UTC' });
}

const tabLabels = (el: HTMLElement) => queryAll(el, '[role="tab"]').map((t) => t.textContent?.trim() ?? '');

describe('c-pc-screen-pop', () => {
    afterEach(() => {
        cleanup();
        mockNavigate.mockReset();
    });

    it('CL-2 shows Value one and Value two with their admin labels at the top', async () => {
        const el = await mount();
        expect(queryAll(el, '[data-id="value-label"]').map((n) => n.textContent)).toEqual(['Account', 'Balance due']);
        expect(queryAll(el, '[data-id="value"]').map((n) => n.textContent)).toEqual([
            'Analytical Engines Ltd',
            '120.50'
        ]);
        await expect(el).toBeAccessible();
    });

    it('SP-1 has a Contact History tab with contact details and earlier interactions, and an Attempts tab', async () => {
        const el = await mount(makeScreenPop({ attemptsHistory: null }));
        expect(tabLabels(el)).toEqual(['Contact History', 'Attempts']);
        expect(byDataId(el, 'email')!.textContent).toBe('ada@example.com');
        expect(byDataId(el, 'account')!.textContent).toBe('Analytical Engines Ltd');
        const interaction = byDataId(el, 'interaction')!;
        expect(interaction.textContent).toContain('03/09/2026 15:04:05');
        expect(interaction.textContent).toContain('Try later');
        await expect(el).toBeAccessible();
    });

    it("SP-1 shows a logged attempt's outcome in Contact History by its label, other outcomes as Salesforce has them", async () => {
        const pop = makeScreenPop();
        const logged = { ...pop.history[0]!, id: 'i-2', outcome: 'AnsweringMachine' };
        const el = await mount({ ...pop, history: [pop.history[0]!, logged] });
        const texts = queryAll(el, '[data-id="interaction"]').map((i) => i.textContent);
        expect(texts[0]).toContain('Try later');
        expect(texts[0]).toContain('No answer');
        expect(texts[1]).toContain('Answering machine');
        expect(texts[1]).not.toContain('AnsweringMachine');
    });

    it('SP-1 says when there is no matching contact or no earlier interaction', async () => {
        const el = await mount(makeScreenPop({ contact: null, history: [] }));
        expect(byDataId(el, 'no-contact')!.textContent).toBe('No matching Salesforce contact.');
        expect(byDataId(el, 'no-interactions')!.textContent).toBe('No earlier interactions.');
        expect(byDataId(el, 'name')!.textContent).toBe('Ada Lovelace');
        expect(findButton(el, 'Open Contact Record')).toBeNull();
        await expect(el).toBeAccessible();
    });

    it('SP-2 adds the Attempts History tab where the dialer supplies it and the admin enabled it', async () => {
        const el = await mount();
        expect(tabLabels(el)).toEqual(['Contact History', 'Attempts', 'Attempts History']);
        await click(queryAll(el, '[role="tab"]')[2]!);
        const table = byDataId(el, 'attempts-history') as unknown as { showDestinations: boolean };
        expect(table.showDestinations).toBeTruthy();
        expect(queryAll(el, '[data-id="destination"]')).toHaveLength(2);
        const off = await mount(makeScreenPop(), { ...DEFAULT_SETTINGS, attemptsHistoryEnabled: false });
        expect(tabLabels(off)).toEqual(['Contact History', 'Attempts']);
    });

    it("SP-1 opens the contact's record through Lightning navigation", async () => {
        const el = await mount();
        await click(findButton(el, 'Open Contact Record'));
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '003000000000001', objectApiName: 'Contact', actionName: 'view' }
        });
    });

    it('CL-2 renders a Value field and contact name holding markup as literal text', async () => {
        const pop = makeScreenPop({ valueOne: { label: 'Account', value: HOSTILE } });
        const el = await mount({ ...pop, contact: { ...pop.contact!, name: HOSTILE } });
        expect(queryAll(el, '[data-id="value"]')[0]!.textContent).toBe(HOSTILE);
        expect(byDataId(el, 'name')!.textContent).toBe(HOSTILE);
        expect(queryAll(el, 'img')).toHaveLength(0);
    });

    it('SP-1 shows a spinner while Salesforce data loads and nothing without a screen pop', async () => {
        const el = await mount(makeScreenPop({ loading: true }));
        const spinner = el.shadowRoot!.querySelector('lightning-spinner') as unknown as { alternativeText: string };
        expect(spinner.alternativeText).toBe('Loading…');
        await expect(el).toBeAccessible();
        el.screenPop = null;
        await flush();
        expect(el.shadowRoot!.querySelector('section')).toBeNull();
    });
});
