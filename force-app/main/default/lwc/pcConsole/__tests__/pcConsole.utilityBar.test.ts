import PcConsole from 'c/pcConsole';
import PcAttemptsHistory from 'c/pcAttemptsHistory';
import PcShortcutHelp from 'c/pcShortcutHelp';
import PcCallCard from 'c/pcCallCard';
import PcAgentMessages from 'c/pcAgentMessages';
import PcAvailabilityBar from 'c/pcAvailabilityBar';
import { CallStatus, DEFAULT_SETTINGS, ErrorCode, Outcome, PreviewAction, TransferTargetKind } from 'c/pcModel';
import type { AgentMessage, ConsoleApi } from 'c/pcModel';
import { makeCallView, makeError, makePreviewState, makeScreenPop, makeState, NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import {
    accessibleDescription,
    byDataId,
    cleanup,
    click,
    findButton,
    flush,
    press,
    query,
    queryAll,
    render,
    textOf
} from 'test-support/lwc';

jest.mock('c/pcRuntime', () => ({ createConsoleService: jest.fn() }), { virtual: false });

type ConsoleEl = HTMLElement & { service?: ConsoleApi };

async function mount(service: StubConsoleApi) {
    const el = await render<ConsoleEl>('c-pc-console', PcConsole, { service });
    // The screen pop follows its call one task later (CL-1); let it catch up.
    await new Promise((r) => setTimeout(r, 0));
    await flush();
    return el;
}

const tabNames = (el: HTMLElement) => queryAll(el, '[role="tab"]').map((t) => t.textContent!.trim());

describe('c-pc-console in a utility-bar panel', () => {
    afterEach(cleanup);

    it('UB-1 the work column sticks over the pop while it leaves half the window to it; taller, it scrolls with the page', async () => {
        const observed: { callback: ResizeObserverCallback; targets: Element[]; disconnected: boolean }[] = [];
        class FakeResizeObserver {
            private readonly entry: (typeof observed)[number];
            constructor(callback: ResizeObserverCallback) {
                this.entry = { callback, targets: [], disconnected: false };
                observed.push(this.entry);
            }
            observe(target: Element): void {
                this.entry.targets.push(target);
            }
            disconnect(): void {
                this.entry.disconnected = true;
            }
        }
        const real = (window as { ResizeObserver?: unknown }).ResizeObserver;
        Object.assign(window, { ResizeObserver: FakeResizeObserver, innerHeight: 600 });
        try {
            const el = await mount(new StubConsoleApi(makeState({ calls: [makeCallView()] })));
            const work = byDataId(el, 'work')!;
            expect(observed.map((o) => o.targets)).toEqual([[work]]);
            const resize = async (height: number): Promise<void> => {
                Object.defineProperty(work, 'offsetHeight', { configurable: true, value: height });
                observed[0]!.callback([], observed[0] as unknown as ResizeObserver);
                await flush();
            };
            // One line: 180 px of a 600 px window, the pop has the rest.
            await resize(180);
            expect(work.classList.contains('pc-console__work_sticky')).toBe(true);
            // Three lines: 530 px would leave the pop 70 px, and hold the last line under anything docked below.
            await resize(530);
            expect(work.classList.contains('pc-console__work_sticky')).toBe(false);
            await resize(300);
            expect(work.classList.contains('pc-console__work_sticky')).toBe(true);
            // A taller window makes room again, measured when the window is resized.
            await resize(530);
            Object.assign(window, { innerHeight: 1100 });
            window.dispatchEvent(new CustomEvent('resize'));
            await flush();
            expect(work.classList.contains('pc-console__work_sticky')).toBe(true);
            el.remove();
            expect(observed[0]!.disconnected).toBe(true);
        } finally {
            Object.assign(window, { ResizeObserver: real, innerHeight: 768 });
        }
    });

    it('UB-6 a failed Accept shows one message, where the agent acted, with one Retry and its detail behind Details', async () => {
        const error = makeError({
            id: 'e-accept',
            code: ErrorCode.Network,
            detail: 'acceptPreview: simulated Network failure',
            command: 'accept'
        });
        const service = new StubConsoleApi(
            makeState({
                preview: makePreviewState({}, { error, failedAction: PreviewAction.Accept }),
                errors: [error]
            })
        );
        const el = await mount(service);
        const messages = queryAll(el, '[role="alert"]').filter((a) => a.textContent!.trim());
        expect(messages).toHaveLength(1);
        expect(messages[0]!.textContent).toContain('Accept failed');
        expect(messages[0]!.textContent).not.toContain('acceptPreview');
        expect(
            queryAll(el, 'lightning-button').filter((b) => (b as unknown as { label: string }).label === 'Retry')
        ).toHaveLength(1);
        // The detail is behind a disclosure: a button named Details, collapsed until the agent opens it.
        const disclosure = byDataId(el, 'error-detail')!.closest('c-pc-disclosure')!;
        const toggle = disclosure.shadowRoot!.querySelector('button')!;
        const content = disclosure.shadowRoot!.querySelector<HTMLElement>('[data-id="content"]')!;
        expect([toggle.textContent!.trim(), toggle.getAttribute('aria-expanded'), content.hidden]).toEqual([
            'Details',
            'false',
            true
        ]);
        await click(toggle);
        expect([toggle.getAttribute('aria-expanded'), content.hidden]).toEqual(['true', false]);
        expect(toggle.getAttribute('aria-controls')).toBe(content.id);
        await click(findButton(el, 'Retry'));
        expect(service.callsOf('retryPreview')).toHaveLength(1);
    });

    it('UB-6 an error with no place of its own still shows once, in the banner', async () => {
        const error = makeError({ id: 'e-hold', command: 'hold' });
        const el = await mount(new StubConsoleApi(makeState({ errors: [error] })));
        expect(queryAll(el, '[data-id="error"]')).toHaveLength(1);
    });

    it('AD-5 at AMD the pop shows the basic information only: name and Value one / Value two, no tabs', async () => {
        const service = new StubConsoleApi(
            makeState({ calls: [makeCallView({ status: CallStatus.Amd })], screenPop: makeScreenPop() })
        );
        const el = await mount(service);
        expect(byDataId(el, 'name')!.textContent).toBe('Ada Lovelace');
        expect(queryAll(el, '[data-id="value"]').length).toBe(2);
        expect(tabNames(el)).toEqual([]);
    });

    it('AD-5 on answer the Contact History panel opens where the admin configured screen pops', async () => {
        const answered = makeCallView({ status: CallStatus.Active, answeredAt: NOW - 1000 });
        const el = await mount(new StubConsoleApi(makeState({ calls: [answered], screenPop: makeScreenPop() })));
        expect(tabNames(el)).toEqual(['Contact History', 'Attempts', 'Attempts History']);
    });

    it('AD-5 with screen pops off, answering keeps the basic information and opens no Contact History panel', async () => {
        const answered = makeCallView({ status: CallStatus.Active, answeredAt: NOW - 1000 });
        const service = new StubConsoleApi(
            makeState({
                calls: [answered],
                screenPop: makeScreenPop(),
                settings: { ...DEFAULT_SETTINGS, screenPopsEnabled: false }
            })
        );
        const el = await mount(service);
        expect(tabNames(el)).toEqual([]);
        expect(queryAll(el, '[data-id="value"]').length).toBe(2);
    });

    it('UB-3 the screen pop tabs are an SLDS tablist the arrow keys move through, so Attempts History never hides under More', async () => {
        const answered = makeCallView({ status: CallStatus.Active, answeredAt: NOW - 1000 });
        const el = await mount(new StubConsoleApi(makeState({ calls: [answered], screenPop: makeScreenPop() })));
        const tablist = query(el, '[role="tablist"]')!;
        await press(tablist, 'End');
        const selected = queryAll(el, '[role="tab"]').find((t) => t.getAttribute('aria-selected') === 'true')!;
        expect(selected.textContent!.trim()).toBe('Attempts History');
        expect(queryAll(el, '[data-id="destination"]').length).toBeGreaterThan(0);
        await press(tablist, 'ArrowRight');
        expect(queryAll(el, '[role="tab"]')[0]!.getAttribute('aria-selected')).toBe('true');
    });

    it('UB-2 the callback marquee is docked over the console, outside the flow of the controls', async () => {
        const message: AgentMessage = { id: 'm', kind: 'Callback', at: NOW, text: 'Callback', number: '+13125550100' };
        const el = await mount(new StubConsoleApi(makeState({ marquee: message, messages: [message] })));
        expect(byDataId(el, 'marquee')).not.toBeNull();
        expect(el.shadowRoot!.querySelector('.pc-console__dock > c-pc-marquee')).not.toBeNull();
    });
});

describe('utility-bar parts', () => {
    afterEach(cleanup);

    it('UB-3 every destination field carries its label for the stacked layout, and an uncallable one its reason first', async () => {
        const pop = makeScreenPop();
        const el = await render<HTMLElement>('c-pc-attempts-history', PcAttemptsHistory, {
            history: pop.attemptsHistory,
            showDestinations: true,
            now: NOW
        });
        const rows = queryAll(el, '[data-id="destination"]');
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
            const labels = Array.from(row.querySelectorAll('[data-label]')).map((c) => c.getAttribute('data-label'));
            expect(labels).toEqual([
                'Destination Description',
                'Destination Value',
                'Attempts',
                'Available Time',
                'Last Presentation',
                'Last Outcome',
                'Unavailable Reason'
            ]);
        }
        const withReason = rows.filter((r) => r.querySelector('[data-id="reason"]'));
        for (const row of withReason) expect(row.querySelector('.pc-hist__reason-cell_set')).not.toBeNull();
        expect(el.shadowRoot!.querySelector('.slds-scrollable_x')).toBeNull();
    });

    it('UB-2 BX-4 Keyboard shortcuts opens a popover listing Alt+Shift shortcuts; Escape closes it', async () => {
        const el = await render<HTMLElement>('c-pc-shortcut-help', PcShortcutHelp, {});
        const toggle = byDataId(el, 'help-toggle')!;
        expect((toggle as unknown as { alternativeText: string }).alternativeText).toBe('Keyboard shortcuts');
        await click(toggle);
        const dialog = query(el, '[role="dialog"]')!;
        expect(dialog.className).toContain('slds-popover');
        expect(dialog.textContent).toContain('Accept');
        expect(dialog.textContent).toContain('Alt+Shift+1');
        expect(dialog.textContent).toContain('Bad Number');
        expect(dialog.textContent).toContain('Alt+Shift+7');
        await press(dialog, 'Escape');
        expect(query(el, '[role="dialog"]')).toBeNull();
    });

    it('UB-2 the skill panel and Agent Messages are SLDS dropdowns over the content', async () => {
        const bar = await render<HTMLElement>('c-pc-availability-bar', PcAvailabilityBar, {
            agent: makeState().agent,
            skills: makeState().skills,
            service: new StubConsoleApi()
        });
        await click(byDataId(bar, 'availability'));
        expect(byDataId(bar, 'panel')!.className).toContain('slds-dropdown');
        const message: AgentMessage = { id: 'm', kind: 'Callback', at: NOW, text: 'Callback', number: '+1312' };
        const messages = await render<HTMLElement>('c-pc-agent-messages', PcAgentMessages, { messages: [message] });
        await click(byDataId(messages, 'toggle'));
        expect(byDataId(messages, 'list')!.className).toContain('slds-dropdown');
        await press(byDataId(messages, 'list')!, 'Escape');
        expect(byDataId(messages, 'list')).toBeNull();
    });

    it('UB-2 UB-5 Agent Messages names a callback number once, not twice, formatted for people', async () => {
        const message: AgentMessage = {
            id: 'm',
            kind: 'Callback',
            at: NOW,
            text: 'Callback for Ada Lovelace at +13125550100',
            number: '+13125550100'
        };
        const el = await render<HTMLElement>('c-pc-agent-messages', PcAgentMessages, { messages: [message] });
        await click(byDataId(el, 'toggle'));
        const text = byDataId(el, 'message')!.textContent!;
        expect(text.split('(312) 555-0100')).toHaveLength(2);
        expect(text).not.toContain('+13125550100');
    });

    it('UB-2 Transfer opens a popover whose Agent field says what to type', async () => {
        const state = makeState();
        const el = await render<HTMLElement>('c-pc-call-card', PcCallCard, {
            view: makeCallView({ status: CallStatus.Active, answeredAt: NOW - 1000 }),
            service: new StubConsoleApi(),
            now: NOW,
            capabilities: { ...state.capabilities, transferKinds: [TransferTargetKind.Agent] },
            skills: state.skills
        });
        await new Promise((r) => setTimeout(r, 0));
        await flush();
        await click(findButton(el, 'Transfer'));
        const popover = query(el, '[role="dialog"]')!;
        expect(popover.className).toContain('slds-popover');
        const input = popover.querySelector<HTMLInputElement>('input[data-id="transfer-target"]')!;
        expect(textOf(popover.querySelector(`label[for="${input.id}"]`)!)).toBe('Agent ID');
        expect(input.placeholder).toMatch(/Agent ID, e\.g\./);
        // The help is the field's description (after the message about what was typed, when there is one).
        expect(accessibleDescription(input)).toMatch(/agent ID/i);
        await press(popover, 'Escape');
        expect(query(el, '[role="dialog"]')).toBeNull();
    });

    it('UB-4 after a transfer the ended call says Transferred, not Live contact', async () => {
        const el = await render<HTMLElement>('c-pc-call-card', PcCallCard, {
            view: makeCallView(
                { status: CallStatus.Ended, answeredAt: NOW - 9000, endedAt: NOW, outcome: Outcome.Transferred },
                { wrapUp: { saved: false, error: null } }
            ),
            service: new StubConsoleApi(),
            now: NOW,
            capabilities: makeState().capabilities
        });
        expect(byDataId(el, 'outcome')!.textContent).toBe('Outcome: Transferred');
    });
});
