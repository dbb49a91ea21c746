import PcAgentMessages from 'c/pcAgentMessages';
import { MessageKind } from 'c/pcModel';
import type { AgentMessage } from 'c/pcModel';
import { HOSTILE, NOW } from 'test-support/fixtures';
import { byDataId, cleanup, click, flush, queryAll, render } from 'test-support/lwc';

type MessagesEl = HTMLElement & { messages: AgentMessage[] };

const msg = (
    id: string,
    at: number,
    kind: AgentMessage['kind'],
    text: string,
    number: string | null = null
): AgentMessage => ({
    id,
    at,
    kind,
    text,
    number
});

const MESSAGES = [
    msg('m-2', NOW, MessageKind.Callback, 'Callback for Ada Lovelace', '+13125550100'),
    msg('m-1', NOW - 65_000, MessageKind.Routed, 'Grace Hopper was routed to another agent')
];

async function mount(messages: AgentMessage[] = MESSAGES) {
    return render<MessagesEl>('c-pc-agent-messages', PcAgentMessages, { messages, timeZone: 'UTC' });
}

const toggle = (el: HTMLElement) => byDataId<HTMLButtonElement>(el, 'toggle')!;

describe('c-pc-agent-messages', () => {
    afterEach(cleanup);

    it('AG-1 can be opened at any time from a button that counts the messages', async () => {
        const el = await mount();
        expect(toggle(el).textContent!.trim()).toBe('Agent Messages (2)');
        expect(byDataId(el, 'list')).toBeNull();
        await expect(el).toBeAccessible();
        await click(toggle(el));
        expect(toggle(el).getAttribute('aria-expanded')).toBe('true');
        expect(byDataId(el, 'list')).not.toBeNull();
        await expect(el).toBeAccessible();
        await click(toggle(el));
        expect(byDataId(el, 'list')).toBeNull();
    });

    it('AG-1 lists every message newest first, each with its time', async () => {
        const el = await mount([...MESSAGES].reverse());
        await click(toggle(el));
        expect(queryAll(el, '[data-id="text"]').map((n) => n.textContent)).toEqual([
            'Callback for Ada Lovelace',
            'Grace Hopper was routed to another agent'
        ]);
        expect(queryAll(el, '[data-id="time"]').map((n) => n.textContent)).toEqual([
            '03/10/2026 15:04:05',
            '03/10/2026 15:03:00'
        ]);
        expect(queryAll(el, '[data-id="kind"]').map((n) => n.textContent)).toEqual(['Callback', 'Routed']);
    });

    it('AG-1 a callback worded "Callback: …" by the dialer says Callback once, beside its time', async () => {
        const el = await mount([
            msg('m-3', NOW, MessageKind.Callback, 'callback: Nadia Jensen at +33190962532', '+33190962532'),
            msg('m-4', NOW - 1_000, MessageKind.Info, 'Callback: times are in the contact`s zone')
        ]);
        await click(toggle(el));
        expect(queryAll(el, '[data-id="text"]').map((n) => n.textContent)).toEqual([
            'Nadia Jensen at +33 1 90 96 25 32',
            'Callback: times are in the contact`s zone'
        ]);
        expect(queryAll(el, '[data-id="kind"]').map((n) => n.textContent)).toEqual(['Callback', 'Information']);
    });

    it('UB-2 BX-4 closes when focus moves on to a control outside it, and stays open while focus stays inside', async () => {
        const el = await mount();
        const outside = document.createElement('button');
        document.body.appendChild(outside);
        await click(toggle(el));
        const leave = (relatedTarget: EventTarget | null) =>
            byDataId(el, 'list')!.dispatchEvent(
                new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget })
            );
        leave(toggle(el));
        leave(null);
        await flush();
        expect(byDataId(el, 'list')).not.toBeNull();
        leave(outside);
        await flush();
        expect(byDataId(el, 'list')).toBeNull();
        expect(toggle(el).getAttribute('aria-expanded')).toBe('false');
        outside.remove();
    });

    it('RS-4 keeps the callback number in Agent Messages after the marquee is gone', async () => {
        const el = await mount();
        await click(toggle(el));
        expect(byDataId(el, 'number')!.textContent).toBe('(312) 555-0100');
    });

    it('AG-1 adds new messages while open and says when there are none', async () => {
        const el = await mount([]);
        await click(toggle(el));
        expect(byDataId(el, 'empty')!.textContent).toBe('No messages yet.');
        el.messages = [msg('m-9', NOW, MessageKind.Info, HOSTILE)];
        await flush();
        expect(toggle(el).textContent!.trim()).toBe('Agent Messages (1)');
        expect(byDataId(el, 'text')!.textContent).toBe(HOSTILE);
        expect(el.shadowRoot!.querySelector('img')).toBeNull();
    });
});
