import PcPreviewWindow from 'c/pcPreviewWindow';
import { PreviewAction, PreviewTimeoutAction, ErrorCode } from 'c/pcModel';
import type { PreviewState } from 'c/pcModel';
import { HOSTILE, makeError, makePreviewState, makeRecord, makeState, NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import {
    buttonNames,
    byDataId,
    change,
    cleanup,
    click,
    findButton,
    flush,
    press,
    render,
    textOf
} from 'test-support/lwc';

type PreviewEl = HTMLElement & { preview: PreviewState | null; now: number };

async function mount(preview = makePreviewState(), extra: Record<string, unknown> = {}) {
    const service = new StubConsoleApi();
    const el = await render<PreviewEl>('c-pc-preview-window', PcPreviewWindow, {
        preview,
        service,
        now: NOW,
        values: [
            { label: 'Account', value: 'Analytical Engines Ltd' },
            { label: 'Balance due', value: '120.50' }
        ],
        dispositions: makeState().dispositions,
        ...extra
    });
    return { el, service };
}

describe('c-pc-preview-window', () => {
    afterEach(cleanup);

    it('PV-1 shows the contact name, number to dial, Value one / Value two and attempts so far', async () => {
        const { el } = await mount();
        const text = textOf(el);
        expect(byDataId(el, 'contact-name')!.textContent!.trim()).toBe('Ada Lovelace');
        expect(byDataId(el, 'number')!.textContent).toBe('(312) 555-0100');
        expect(text).toContain('Account');
        expect(text).toContain('Analytical Engines Ltd');
        expect(text).toContain('Balance due');
        expect(text).toContain('120.50');
        expect(byDataId(el, 'attempts')!.textContent).toBe('2');
        await expect(el).toBeAccessible();
    });

    it('PV-1 renders a contact name and Value field holding markup as literal text', async () => {
        const { el } = await mount(makePreviewState({ record: makeRecord({ firstName: HOSTILE, lastName: '' }) }), {
            values: [{ label: 'Account', value: HOSTILE }]
        });
        expect(byDataId(el, 'contact-name')!.textContent!.trim()).toBe(HOSTILE);
        expect(byDataId(el, 'value')!.textContent).toBe(HOSTILE);
        expect(el.shadowRoot!.querySelector('img')).toBeNull();
    });

    it('PV-2 PV-3 PV-4 PV-5 offers Accept, Requeue, Reschedule and Snooze with their icons', async () => {
        const { el } = await mount();
        expect(buttonNames(el)).toEqual(['Accept', 'Requeue', 'Reschedule', 'Snooze']);
        const icons = ['Accept', 'Requeue', 'Reschedule', 'Snooze'].map(
            (n) => (findButton(el, n) as unknown as { iconName: string }).iconName
        );
        expect(icons).toEqual(['utility:check', 'utility:close', 'utility:event', 'utility:clock']);
    });

    it('PV-2 asks the dialer to place the call when Accept is clicked', async () => {
        const { el, service } = await mount();
        await click(findButton(el, 'Accept'));
        expect(service.calls.map((c) => c.method)).toEqual(['acceptPreview']);
    });

    it('PV-3 requeues the record when Requeue is clicked', async () => {
        const { el, service } = await mount();
        await click(findButton(el, 'Requeue'));
        expect(service.callsOf('requeuePreview')).toHaveLength(1);
    });

    it('PV-4 opens the reschedule form when Reschedule is clicked, and hides it where not offered', async () => {
        const { el, service } = await mount();
        await click(findButton(el, 'Reschedule'));
        expect(service.callsOf('setRescheduling')).toEqual([{ method: 'setRescheduling', args: [true] }]);
        el.preview = makePreviewState({}, { actions: [PreviewAction.Accept, PreviewAction.Requeue] });
        await flush();
        expect(findButton(el, 'Reschedule')).toBeNull();
        expect(findButton(el, 'Snooze')).toBeNull();
    });

    it('PV-5 snoozes the record back to the personal queue when Snooze is clicked', async () => {
        const { el, service } = await mount();
        await click(findButton(el, 'Snooze'));
        expect(service.callsOf('snoozePreview')).toHaveLength(1);
    });

    it('PV-6 sends an action once and disables every action while the dialer confirms', async () => {
        const { el, service } = await mount();
        service.holdCommand('acceptPreview');
        await click(findButton(el, 'Accept'));
        await click(findButton(el, 'Accept'));
        await click(findButton(el, 'Requeue'));
        expect(service.calls.map((c) => c.method)).toEqual(['acceptPreview']);
        el.preview = makePreviewState({}, { pending: PreviewAction.Accept });
        await flush();
        expect(byDataId(el, 'pending')!.textContent).toContain('Waiting for the dialer to confirm Accept');
        expect(
            ['Accept', 'Requeue', 'Snooze'].map((n) => (findButton(el, n) as unknown as { disabled: boolean }).disabled)
        ).toEqual([true, true, true]);
        await expect(el).toBeAccessible();
    });

    it('PV-6 keeps the window open on failure with a clear error and a retry', async () => {
        const failed = makePreviewState(
            {},
            { error: makeError({ code: ErrorCode.Timeout }), failedAction: PreviewAction.Requeue }
        );
        const { el, service } = await mount(failed);
        expect(byDataId(el, 'error')!.textContent).toContain('Requeue failed: The request took too long. Try again.');
        expect(byDataId(el, 'contact-name')).not.toBeNull();
        await expect(el).toBeAccessible();
        await click(findButton(el, 'Retry'));
        expect(service.callsOf('retryPreview')).toHaveLength(1);
    });

    it('BX-6 counts down where the preview has a timeout and says what happens at zero', async () => {
        const { el } = await mount(
            makePreviewState({ timeout: { expiresAt: NOW + 12_000, atZero: PreviewTimeoutAction.Requeue } })
        );
        expect(byDataId(el, 'countdown')!.textContent).toContain('0:12 left. At zero the record is requeued.');
        el.now = NOW + 3_000;
        await flush();
        expect(byDataId(el, 'countdown')!.textContent).toContain('0:09 left');
        el.preview = makePreviewState({ timeout: { expiresAt: NOW + 5_000, atZero: PreviewTimeoutAction.Dial } });
        await flush();
        expect(byDataId(el, 'countdown')!.textContent).toContain('At zero the dialer places the call.');
        await expect(el).toBeAccessible();
    });

    it('BX-6 shows no countdown where the dialer sets no timeout', async () => {
        const { el } = await mount();
        expect(byDataId(el, 'countdown')).toBeNull();
    });

    it('BX-7 records a disposition from the preview without dialing', async () => {
        const { el, service } = await mount(
            makePreviewState({}, { actions: [PreviewAction.Accept, PreviewAction.Disposition] })
        );
        await expect(el).toBeAccessible();
        await change(el.shadowRoot!.querySelector('lightning-combobox'), 'disp-2');
        await change(byDataId(el, 'disposition-notes'), 'Wrong person answered before', 'input');
        await click(findButton(el, 'Close Without Dialing'));
        expect(service.callsOf('dispositionPreview')).toEqual([
            { method: 'dispositionPreview', args: ['disp-2', 'Wrong person answered before'] }
        ]);
        expect(service.callsOf('acceptPreview')).toHaveLength(0);
    });

    it('BX-7 UB-6 Close Without Dialing says notes are required beside Notes, as the wrap-up does, and keeps the text', async () => {
        const { el, service } = await mount(makePreviewState({}, { actions: [PreviewAction.Disposition] }));
        const notes = byDataId<HTMLTextAreaElement>(el, 'disposition-notes')!;
        const error = byDataId(el, 'notes-error')!;
        expect(notes.getAttribute('aria-required')).toBe('false');
        await change(el.shadowRoot!.querySelector('lightning-combobox'), 'disp-2');
        expect(notes.getAttribute('aria-required')).toBe('true');
        const close = findButton(el, 'Close Without Dialing') as unknown as { disabled: boolean };
        expect(close.disabled).toBe(false);
        await change(notes, '   ', 'input');
        await click(findButton(el, 'Close Without Dialing'));
        expect(service.callsOf('dispositionPreview')).toEqual([]);
        expect(error.textContent!.trim()).toBe('Notes are required for this disposition.');
        expect(notes.getAttribute('aria-invalid')).toBe('true');
        expect(notes.getAttribute('aria-describedby')).toBe(error.id);
        expect(notes.value).toBe('   ');
        expect(el.shadowRoot!.activeElement).toBe(notes);
        await expect(el).toBeAccessible();
        await change(notes, 'Pays on Friday', 'input');
        expect(error.textContent!.trim()).toBe('');
        expect(notes.getAttribute('aria-invalid')).toBe('false');
        await click(findButton(el, 'Close Without Dialing'));
        expect(service.callsOf('dispositionPreview')[0]?.args).toEqual(['disp-2', 'Pays on Friday']);
    });

    it('BX-7 UB-6 Close Without Dialing with no disposition chosen has the list say so; nothing is sent', async () => {
        const { el, service } = await mount(makePreviewState({}, { actions: [PreviewAction.Disposition] }));
        const list = el.shadowRoot!.querySelector('lightning-combobox') as unknown as HTMLElement & {
            required: boolean;
            messageWhenValueMissing: string;
            reportValidity: () => boolean;
        };
        list.reportValidity = jest.fn(() => false);
        expect(list.required).toBe(true);
        expect(list.messageWhenValueMissing).toBe('Choose a disposition.');
        await click(findButton(el, 'Close Without Dialing'));
        expect(list.reportValidity).toHaveBeenCalled();
        expect(service.callsOf('dispositionPreview')).toEqual([]);
        expect(byDataId(el, 'notes-error')!.textContent!.trim()).toBe('');
    });

    it('BX-7 a disposition that needs no notes closes without them', async () => {
        const { el, service } = await mount(makePreviewState({}, { actions: [PreviewAction.Disposition] }));
        await change(el.shadowRoot!.querySelector('lightning-combobox'), 'disp-1');
        expect(byDataId(el, 'disposition-notes')!.getAttribute('aria-required')).toBe('false');
        await click(findButton(el, 'Close Without Dialing'));
        expect(service.callsOf('dispositionPreview')[0]?.args).toEqual(['disp-1', '']);
    });

    it('BX-7 starts each new record with an empty disposition form', async () => {
        const { el } = await mount(makePreviewState({}, { actions: [PreviewAction.Disposition] }));
        await change(el.shadowRoot!.querySelector('lightning-combobox'), 'disp-2');
        await change(byDataId(el, 'disposition-notes'), '  ', 'input');
        await click(findButton(el, 'Close Without Dialing'));
        expect(byDataId(el, 'notes-error')!.textContent!.trim()).not.toBe('');
        el.preview = makePreviewState({ id: 'pv-2' }, { actions: [PreviewAction.Disposition] });
        await flush();
        const combo = el.shadowRoot!.querySelector('lightning-combobox') as unknown as { value: string };
        const notes = byDataId<HTMLTextAreaElement>(el, 'disposition-notes')!;
        expect([combo.value, notes.value]).toEqual(['', '']);
        expect(byDataId(el, 'notes-error')!.textContent!.trim()).toBe('');
    });

    it('BX-4 runs preview actions from Alt+Shift+1 / Alt+Shift+2 / Alt+Shift+4 and names the shortcut in each title', async () => {
        const { el, service } = await mount();
        expect(findButton(el, 'Accept')!.title).toBe('Accept (Alt+Shift+1)');
        expect(findButton(el, 'Requeue')!.title).toBe('Requeue (Alt+Shift+2)');
        expect(findButton(el, 'Reschedule')!.title).toBe('Reschedule (Alt+Shift+3)');
        expect(findButton(el, 'Snooze')!.title).toBe('Snooze (Alt+Shift+4)');
        const card = el.shadowRoot!.querySelector('article')!;
        await press(card, 'a', { altKey: true, shiftKey: true, code: 'Digit1' });
        expect(service.calls.map((c) => c.method)).toEqual(['acceptPreview']);
        await press(card, 'q'); // no Alt: typing, not a shortcut
        expect(service.calls).toHaveLength(1);
    });

    it('BX-4 sends nothing from a shortcut for an action the preview does not offer', async () => {
        const { el, service } = await mount(makePreviewState({}, { actions: [PreviewAction.Accept] }));
        await press(el.shadowRoot!.querySelector('article')!, 's', { altKey: true, shiftKey: true, code: 'Digit4' });
        expect(service.calls).toHaveLength(0);
    });
});
