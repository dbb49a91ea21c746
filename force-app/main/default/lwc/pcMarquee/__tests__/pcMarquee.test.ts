import PcMarquee from 'c/pcMarquee';
import { MessageKind } from 'c/pcModel';
import type { AgentMessage } from 'c/pcModel';
import { NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, click, findButton, flush, render } from 'test-support/lwc';

type MarqueeEl = HTMLElement & { message: AgentMessage | null };

const callback: AgentMessage = {
    id: 'm-1',
    kind: MessageKind.Callback,
    at: NOW,
    text: 'Callback for Ada Lovelace',
    number: '+13125550100'
};

async function mount(message: AgentMessage | null = callback) {
    const service = new StubConsoleApi();
    const el = await render<MarqueeEl>('c-pc-marquee', PcMarquee, { message, service });
    return { el, service };
}

describe('c-pc-marquee', () => {
    afterEach(cleanup);

    it('RS-4 scrolls the callback number while the marquee is set, then goes away when the service clears it', async () => {
        const { el } = await mount();
        expect(byDataId(el, 'marquee-text')!.textContent).toBe('Callback: (312) 555-0100');
        expect(byDataId(el, 'marquee-text')!.closest('[role="status"]')).not.toBeNull();
        await expect(el).toBeAccessible();
        el.message = null;
        await flush();
        expect(byDataId(el, 'marquee')).toBeNull();
        await expect(el).toBeAccessible();
    });

    it('RS-4 shows a message without a number as its text, literally', async () => {
        const { el } = await mount({ ...callback, number: null, text: '<img src=x onerror=alert(1)>' });
        expect(byDataId(el, 'marquee-text')!.textContent).toBe('<img src=x onerror=alert(1)>');
        expect(el.shadowRoot!.querySelector('img')).toBeNull();
    });

    it('RS-4 can be dismissed before its five seconds are up', async () => {
        const { el, service } = await mount();
        await click(findButton(el, 'Dismiss'));
        expect(service.calls).toEqual([{ method: 'dismissMarquee', args: [] }]);
    });
});
