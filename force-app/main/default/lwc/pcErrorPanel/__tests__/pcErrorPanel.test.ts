import PcErrorPanel from 'c/pcErrorPanel';
import { ErrorCode, ErrorSource } from 'c/pcModel';
import type { ConsoleError } from 'c/pcModel';
import { makeError } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, click, findButton, flush, queryAll, render } from 'test-support/lwc';

type PanelEl = HTMLElement & { errors: ConsoleError[] };

async function mount(errors: ConsoleError[]) {
    const service = new StubConsoleApi();
    const el = await render<PanelEl>('c-pc-error-panel', PcErrorPanel, { errors, service });
    return { el, service };
}

describe('c-pc-error-panel', () => {
    afterEach(cleanup);

    it.each([
        [ErrorSource.Dialer, 'Dialer'],
        [ErrorSource.Salesforce, 'Salesforce'],
        [ErrorSource.Validation, 'Check your input'],
        [ErrorSource.Configuration, 'Configuration']
    ])('BX-8 shows a %s error as a readable message from labels', async (source, title) => {
        const { el } = await mount([makeError({ source, code: ErrorCode.Permission, detail: 'insufficient access' })]);
        expect(byDataId(el, 'source')!.textContent).toBe(title);
        expect(byDataId(el, 'message')!.textContent).toBe('You do not have permission to do that.');
        // UB-6: the technical detail is behind a "Details" disclosure, closed until the agent opens it.
        expect(byDataId(el, 'detail')!.textContent).toBe('insufficient access');
        const disclosure = byDataId(el, 'detail')!.closest('c-pc-disclosure')!;
        const toggle = disclosure.shadowRoot!.querySelector('button')!;
        expect([toggle.textContent!.trim(), toggle.getAttribute('aria-expanded')]).toEqual(['Details', 'false']);
        expect(disclosure.shadowRoot!.querySelector<HTMLElement>('[data-id="content"]')!.hidden).toBe(true);
        await expect(el).toBeAccessible();
    });

    it('BX-8 has a readable message for every error code', async () => {
        const errors = Object.values(ErrorCode).map((code, i) => makeError({ id: `e${i}`, code }));
        const { el } = await mount(errors);
        const messages = queryAll(el, '[data-id="message"]').map((m) => m.textContent);
        expect(messages).toHaveLength(Object.values(ErrorCode).length);
        expect(new Set(messages).size).toBe(messages.length);
        expect(messages.every((m) => m && !/^[A-Z][a-zA-Z]+$/.test(m))).toBe(true);
    });

    it('BX-5 dismisses an error', async () => {
        const { el, service } = await mount([makeError({ id: 'err-7' })]);
        await click(findButton(el, 'Dismiss'));
        expect(service.calls).toEqual([{ method: 'dismissError', args: ['err-7'] }]);
        el.errors = [];
        await flush();
        expect(byDataId(el, 'errors')).toBeNull();
    });

    it('PV-6 BX-5 retries a failed command that can be sent again, and offers no retry otherwise', async () => {
        const { el, service } = await mount([
            makeError({ id: 'e1', command: 'connect', code: ErrorCode.Network }),
            makeError({ id: 'e2', command: 'hold' }),
            makeError({ id: 'e3', command: null })
        ]);
        const retries = queryAll(el, 'lightning-button');
        expect(retries).toHaveLength(1);
        await click(findButton(el, 'Retry'));
        expect(service.calls).toEqual([
            { method: 'dismissError', args: ['e1'] },
            { method: 'start', args: [] }
        ]);
    });

    it('WU-5 UB-6 an Omni-Channel presence failure says where it happened and its Retry sends the change again', async () => {
        const { el, service } = await mount([
            makeError({ id: 'e9', source: ErrorSource.OmniChannel, command: 'presence', code: ErrorCode.Timeout })
        ]);
        const retryPresence = jest.fn(() => Promise.resolve({ ok: true as const }));
        Object.assign(service, { retryPresence });
        expect(byDataId(el, 'source')!.textContent).toBe('Omni-Channel');
        await click(findButton(el, 'Retry'));
        expect(retryPresence).toHaveBeenCalledTimes(1);
        expect(service.calls).toEqual([{ method: 'dismissError', args: ['e9'] }]);
        await expect(el).toBeAccessible();
    });

    it('BX-8 renders error detail as literal text', async () => {
        const { el } = await mount([makeError({ detail: '<img src=x onerror=alert(1)>' })]);
        expect(byDataId(el, 'detail')!.textContent).toBe('<img src=x onerror=alert(1)>');
        expect(el.shadowRoot!.querySelector('img')).toBeNull();
    });
});
