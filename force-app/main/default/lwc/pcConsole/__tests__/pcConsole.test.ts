import PcConsole from 'c/pcConsole';
import { createConsoleService } from 'c/pcRuntime';
import { AgentStatus, CallStatus, ConnectionStatus, ErrorCode, PreviewTimeoutAction } from 'c/pcModel';
import type { ConsoleApi } from 'c/pcModel';
import { makeCallView, makeError, makePreviewState, makeScreenPop, makeState, NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import {
    byDataId,
    cleanup,
    click,
    counterText,
    findButton,
    flush,
    press,
    query,
    render,
    textOf
} from 'test-support/lwc';

jest.mock('c/pcRuntime', () => ({ createConsoleService: jest.fn() }), { virtual: false });
const mockedCreate = createConsoleService as jest.MockedFunction<typeof createConsoleService>;

type ConsoleEl = HTMLElement & { service?: ConsoleApi; compact: boolean };

async function mount(service = new StubConsoleApi(), props: Record<string, unknown> = {}) {
    const el = await render<ConsoleEl>('c-pc-console', PcConsole, { service, ...props });
    return { el, service };
}

type PopEl = HTMLElement & { screenPop: unknown; now: number };

/** Every heading level (h1..h6) in document order, into shadow roots and slotted content alike. */
function headingLevels(root: Node): number[] {
    const out: number[] = [];
    const walk = (node: Node): void => {
        const el = node as Element;
        const match = /^H([1-6])$/.exec(el.tagName ?? '');
        if (match) out.push(Number(match[1]));
        if (el.shadowRoot) walk(el.shadowRoot);
        for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(root);
    return out;
}

const connectionText = (el: HTMLElement) => textOf(byDataId(el, 'connection')!);

describe('c-pc-console', () => {
    afterEach(() => {
        cleanup();
        mockedCreate.mockReset();
    });

    it('AV-1 subscribes and starts the given service on connect and unsubscribes on disconnect', async () => {
        const { el, service } = await mount();
        expect(service.callsOf('start')).toHaveLength(1);
        expect(service.subscriberCount).toBe(1);
        expect(byDataId(el, 'state')!.textContent).toBe('Working');
        document.body.removeChild(el);
        expect(service.subscriberCount).toBe(0);
        expect(service.callsOf('stop')).toHaveLength(0);
    });

    it("AV-1 builds its service from the runtime when none is given, with the page's adapter choice", async () => {
        const service = new StubConsoleApi();
        mockedCreate.mockResolvedValue(service);
        const el = await render<ConsoleEl>('c-pc-console', PcConsole, { dialerAdapter: 'Simulated' });
        expect(mockedCreate).toHaveBeenCalledWith(expect.objectContaining({ dialerAdapter: 'Simulated' }));
        expect(service.callsOf('start')).toHaveLength(1);
        expect(byDataId(el, 'state')!.textContent).toBe('Working');
        document.body.removeChild(el);
        expect(service.callsOf('stop')).toHaveLength(1);
    });

    it('BX-5 says what to do when the console cannot be built', async () => {
        mockedCreate.mockRejectedValue(new Error('settings could not be read'));
        const el = await render<ConsoleEl>('c-pc-console', PcConsole, {});
        expect(connectionText(el)).toContain('Could not connect to the dialer: settings could not be read');
        expect(byDataId(el, 'connection-help')!.textContent).toContain('Retry');
        await expect(el).toBeAccessible();
    });

    it.each([
        [ConnectionStatus.Connecting, '', 0, null, 'Connecting to the dialer…'],
        [ConnectionStatus.Connected, '', 0, null, 'Connected to the dialer'],
        [
            ConnectionStatus.Reconnecting,
            'network dropped',
            3,
            NOW + 4000,
            'Reconnecting to the dialer (attempt 3): network dropped Next try in 0:04.'
        ],
        [ConnectionStatus.Mirroring, '', 0, null, 'Another console tab is driving this session; this tab follows it.'],
        [
            ConnectionStatus.Resynchronising,
            'joined the existing session',
            0,
            null,
            'Resynchronising with the dialer: your state and calls show as soon as the dialer reports them.'
        ]
    ])('BX-5 shows the dialer connection at all times: %s', async (status, detail, attempt, nextRetryAt, text) => {
        const service = new StubConsoleApi(makeState({ connection: { status, detail, attempt, nextRetryAt } }));
        const { el } = await mount(service);
        expect(connectionText(el)).toBe(text);
        await expect(el).toBeAccessible();
    });

    it('BX-5 says what to do when the connection failed, and retries on request', async () => {
        const { el, service } = await mount();
        service.publish({
            connection: { status: ConnectionStatus.Failed, detail: 'token expired', attempt: 5, nextRetryAt: null }
        });
        await flush();
        expect(connectionText(el)).toContain('Could not connect to the dialer: token expired');
        expect(connectionText(el)).toContain('ask your admin to check the dialer');
        await click(findButton(byDataId(el, 'connection')!, 'Retry'));
        expect(service.callsOf('start')).toHaveLength(2);
        await expect(el).toBeAccessible();
    });

    it('BX-5 offers the dialer sign-in when the dialer needs it and opens it from the click', async () => {
        const service = new StubConsoleApi(makeState({ signIn: { required: true, pending: false } }));
        const { el } = await mount(service);
        expect(byDataId(el, 'sign-in')!.textContent).toContain('Sign in to CXone in the window that opens.');
        await expect(el).toBeAccessible();
        await click(findButton(el, 'Sign in to CXone'));
        expect(service.callsOf('signIn')).toHaveLength(1);
        service.publish({ signIn: { required: true, pending: true } });
        await flush();
        expect(findButton(el, 'Sign in to CXone')).toBeNull();
        expect(byDataId(el, 'sign-in-pending')!.textContent).toBe('Finish signing in in the CXone window…');
        service.publish({ signIn: { required: false, pending: false } });
        await flush();
        expect(byDataId(el, 'sign-in')).toBeNull();
    });

    it('BX-5 UB-6 while the dialer needs a sign-in, signing in is the one way on: no Retry, no banner saying it again', async () => {
        const notSignedIn = makeError({
            id: 'err-auth',
            code: ErrorCode.Unauthorized,
            detail: 'not signed in to CXone'
        });
        const other = makeError({ id: 'err-other', command: 'logout' });
        const failed = {
            status: ConnectionStatus.Failed,
            detail: 'not signed in to CXone',
            attempt: 1,
            nextRetryAt: null
        };
        const service = new StubConsoleApi(
            makeState({ connection: failed, signIn: { required: true, pending: false }, errors: [notSignedIn, other] })
        );
        const { el } = await mount(service);
        const panel = query<HTMLElement & { errors: { id: string }[] }>(el, 'c-pc-error-panel')!;
        expect(panel.errors.map((e) => e.id)).toEqual(['err-other']);
        expect(findButton(byDataId(el, 'connection')!, 'Retry')).toBeNull();
        expect(byDataId(el, 'connection-help')).toBeNull();
        expect(findButton(el, 'Sign in to CXone')).not.toBeNull();
        // Signed in and still failing: the connection's own help and Retry are back, and so is the refusal.
        service.publish({ signIn: { required: false, pending: false } });
        await flush();
        expect(panel.errors.map((e) => e.id)).toEqual(['err-auth', 'err-other']);
        expect(findButton(byDataId(el, 'connection')!, 'Retry')).not.toBeNull();
        expect(byDataId(el, 'connection-help')).not.toBeNull();
    });

    it('BX-5 shows no sign-in for a dialer that needs none', async () => {
        const { el } = await mount();
        expect(byDataId(el, 'sign-in')).toBeNull();
    });

    it("BX-4 the console's headings make one outline under the page's own: none skips a level", async () => {
        const preview = makePreviewState();
        const service = new StubConsoleApi(
            makeState({
                preview,
                calls: [
                    makeCallView({ id: 'call-1', status: CallStatus.Active }),
                    makeCallView(
                        { id: 'call-2', line: 2, status: CallStatus.Ended },
                        { wrapUp: { saved: false, error: null } }
                    )
                ],
                screenPop: makeScreenPop({ forId: 'call-1' })
            })
        );
        const { el } = await mount(service);
        await click(byDataId(el, 'availability'));
        await click(byDataId(el, 'toggle'));
        const levels = headingLevels(el);
        expect(levels).toContain(3);
        expect(levels).toContain(4);
        // The page (Lightning Experience or the local page) holds the h1; the console starts at h2.
        expect(levels[0]).toBe(2);
        expect(levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1)).toEqual([]);
    });

    it('CL-1 a call status change leaves the screen pop alone: same slice, same clock, no re-render', async () => {
        const pop = makeScreenPop({ forId: 'call-1' });
        const service = new StubConsoleApi(
            makeState({ calls: [makeCallView({ id: 'call-1', status: CallStatus.Ringing })], screenPop: pop })
        );
        const { el } = await mount(service);
        const shown = query<PopEl>(el, 'c-pc-screen-pop')!;
        const popNow = shown.now;
        // A read-only view of the pop, the same one while the console passes the same object.
        const slice = shown.screenPop;
        const tabs = query(el, 'lightning-tabset');
        service.publish({
            now: NOW + 5_000,
            calls: [makeCallView({ id: 'call-1', status: CallStatus.Amd, statusSince: NOW + 5_000 })]
        });
        await flush();
        expect(byDataId(el, 'status')!.textContent).toBe('AMD');
        expect(shown.screenPop).toBe(slice);
        expect(shown.now).toBe(popNow);
        expect(query(el, 'lightning-tabset')).toBe(tabs);
    });

    it('CL-1 SP-1 a status shows in the pass of its snapshot; the screen pop it opens follows a task later', async () => {
        const service = new StubConsoleApi(
            makeState({ calls: [makeCallView({ id: 'call-1', status: CallStatus.Ringing })], screenPop: null })
        );
        const { el } = await mount(service);
        const pop = makeScreenPop({ forId: 'call-1' });
        service.publish({
            now: NOW + 1_000,
            calls: [makeCallView({ id: 'call-1', status: CallStatus.Amd })],
            screenPop: pop
        });
        // Microtasks only: LWC's render of the snapshot, no timer.
        await Promise.resolve().then().then().then().then();
        expect(byDataId(el, 'status')!.textContent).toBe('AMD');
        expect(query(el, 'c-pc-screen-pop')).toBeNull();
        await flush();
        expect(query<PopEl>(el, 'c-pc-screen-pop')!.screenPop).toEqual(pop);
        expect(query<PopEl>(el, 'c-pc-screen-pop')!.now).toBe(NOW + 1_000);
    });

    it('AD-3 reports configuration problems clearly, by the names the admin knows, and still starts', async () => {
        const service = new StubConsoleApi(
            makeState({
                settingsProblems: [
                    { setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: '1' },
                    { setting: 'valueTwo.field', code: 'UnknownField', usedInstead: 'BalanceDue' }
                ]
            })
        );
        const { el } = await mount(service);
        const text = byDataId(el, 'settings-problems')!.textContent;
        expect(text).toContain('Lines per agent: out of range. Using 1 instead.');
        expect(text).toContain('Value two (field): unknown field. Using BalanceDue instead.');
        expect(service.callsOf('start')).toHaveLength(1);
        await expect(el).toBeAccessible();
    });

    it('AD-3 words a problem whose safe default is empty without an empty "Using  instead."', async () => {
        const service = new StubConsoleApi(
            makeState({ settingsProblems: [{ setting: 'valueTwo.field', code: 'UnknownField', usedInstead: '' }] })
        );
        const { el } = await mount(service);
        const text = byDataId(el, 'settings-problems')!.textContent!;
        expect(text).toContain('Value two (field): unknown field. Left empty.');
        expect(text).not.toContain('Using');
    });

    it('PV-1 CL-2 shows the preview with Value one / Value two from the screen pop', async () => {
        const preview = makePreviewState();
        const service = new StubConsoleApi(
            makeState({ preview, screenPop: makeScreenPop({ forId: preview.preview.id }) })
        );
        const { el } = await mount(service);
        const win = query(el, 'c-pc-preview-window')!;
        expect(textOf(win)).toContain('Analytical Engines Ltd');
        expect(textOf(win)).toContain('120.50');
        expect(query(el, 'c-pc-screen-pop')).not.toBeNull();
        await expect(el).toBeAccessible();
    });

    it('PV-4 RS-1 replaces the preview window with the reschedule form while rescheduling', async () => {
        const service = new StubConsoleApi(makeState({ preview: makePreviewState() }));
        const { el } = await mount(service);
        await click(findButton(el, 'Reschedule'));
        expect(service.callsOf('setRescheduling')).toEqual([{ method: 'setRescheduling', args: [true] }]);
        service.publish({ preview: makePreviewState({}, { rescheduling: true }) });
        await flush();
        expect(query(el, 'c-pc-preview-window')).toBeNull();
        expect(query(el, 'c-pc-reschedule-form')).not.toBeNull();
        await expect(el).toBeAccessible();
    });

    it("RS-1 the console's reschedule form offers only the deliver-to targets the dialer honours", async () => {
        const state = makeState({ preview: makePreviewState({}, { rescheduling: true }) });
        const service = new StubConsoleApi({
            ...state,
            capabilities: { ...state.capabilities, rescheduleDeliverTo: ['Me'] }
        });
        const { el } = await mount(service);
        const form = query(el, 'c-pc-reschedule-form')!;
        expect(form.shadowRoot!.querySelector('c-pc-radio-group')).toBeNull();
        expect(byDataId(form, 'only-target')!.textContent).toBe('The dialer delivers callbacks only to: Me.');
    });

    it('BX-6 CL-1 the preview counts down with the console; without a countdown, snapshots leave its time alone', async () => {
        const timeout = { expiresAt: NOW + 12_000, atZero: PreviewTimeoutAction.Requeue };
        const service = new StubConsoleApi(makeState({ preview: makePreviewState({ timeout }) }));
        const { el } = await mount(service);
        expect(byDataId(el, 'countdown')!.textContent).toContain('0:12 left');
        service.publish({ now: NOW + 3_000 });
        await flush();
        expect(byDataId(el, 'countdown')!.textContent).toContain('0:09 left');
        service.publish({ now: NOW + 4_000, preview: makePreviewState() });
        await flush();
        const shown = query<HTMLElement & { now: number }>(el, 'c-pc-preview-window')!;
        const previewNow = shown.now;
        service.publish({ now: NOW + 9_000, calls: [makeCallView({ status: CallStatus.Ringing })] });
        await flush();
        expect(byDataId(el, 'countdown')).toBeNull();
        expect(shown.now).toBe(previewNow);
    });

    it('CL-1 BX-4 shows a status change on the next snapshot and announces it politely', async () => {
        const service = new StubConsoleApi(makeState({ calls: [makeCallView({ status: CallStatus.Ringing })] }));
        const { el } = await mount(service);
        service.publish({ calls: [makeCallView({ status: CallStatus.Active, statusSince: NOW })] });
        await flush();
        expect(byDataId(el, 'status')!.textContent).toBe('Active');
        const live = byDataId(el, 'live')!;
        expect(live.getAttribute('aria-live')).toBe('polite');
        expect(live.textContent).toBe('Ada Lovelace: Active');
        await expect(el).toBeAccessible();
    });

    it("UB-6 a call's failed transfer is shown in its transfer form, not again in the banner", async () => {
        const transferFailed = makeError({ id: 'err-transfer', command: 'transfer' });
        const other = makeError({ id: 'err-other', command: 'logout' });
        const call = makeCallView({ status: CallStatus.Active });
        const service = new StubConsoleApi(
            makeState({ calls: [{ ...call, transferError: transferFailed }], errors: [transferFailed, other] })
        );
        const { el } = await mount(service);
        const panel = query<HTMLElement & { errors: { id: string }[] }>(el, 'c-pc-error-panel')!;
        expect(panel.errors.map((e) => e.id)).toEqual(['err-other']);
        service.publish({ calls: [call] });
        await flush();
        expect(panel.errors.map((e) => e.id)).toEqual(['err-transfer', 'err-other']);
    });

    it("UB-6 AM-2 CL-4 a call command's failure shown in its card is not shown again in the banner", async () => {
        const faxFailed = makeError({ id: 'err-fax', command: 'override' });
        const other = makeError({ id: 'err-other', command: 'logout' });
        const call = makeCallView({ status: CallStatus.Dialing });
        const service = new StubConsoleApi(
            makeState({
                calls: [{ ...call, commandFailure: { action: 'Fax', error: faxFailed } }],
                errors: [faxFailed, other]
            })
        );
        const { el } = await mount(service);
        const panel = query<HTMLElement & { errors: { id: string }[] }>(el, 'c-pc-error-panel')!;
        expect(panel.errors.map((e) => e.id)).toEqual(['err-other']);
    });

    it("UB-6 WU-4 a click-to-dial that shows its own failure leaves the banner; a record page's dial is said there", async () => {
        const inPlace = makeError({ id: 'err-here', command: 'clickToDial' });
        const fromPage = makeError({ id: 'err-page', command: 'dial' });
        const service = new StubConsoleApi(makeState({ errors: [inPlace, fromPage] }));
        const { el } = await mount(service);
        const panel = query<HTMLElement & { errors: { id: string }[] }>(el, 'c-pc-error-panel')!;
        expect(panel.errors.map((e) => e.id)).toEqual(['err-page']);
    });

    it('BX-4 a console taken out of the page and put back still says each change in its live region', async () => {
        const service = new StubConsoleApi(makeState({ calls: [makeCallView({ status: CallStatus.Ringing })] }));
        const { el } = await mount(service);
        service.publish({ calls: [makeCallView({ status: CallStatus.Active, statusSince: NOW })] });
        await flush();
        expect(byDataId(el, 'live')!.textContent).toBe('Ada Lovelace: Active');
        // A utility-bar panel popped out and back moves the console: it renders again, with a new live region.
        document.body.removeChild(el);
        document.body.appendChild(el);
        await flush();
        service.publish({ calls: [makeCallView({ status: CallStatus.Held, statusSince: NOW })] });
        await flush();
        expect(byDataId(el, 'live')!.textContent).toBe('Ada Lovelace: Held');
    });

    it('CL-1 a status change of one call renders that call only: not the console, the panel or the other cards', async () => {
        const views = [1, 2, 3].map((line) => makeCallView({ id: `call-${line}`, line, status: CallStatus.Ringing }));
        const service = new StubConsoleApi(makeState({ calls: views }));
        const { el } = await mount(service);
        const cards = () => Array.from(query(el, 'c-pc-call-panel')!.shadowRoot!.querySelectorAll('c-pc-call-card'));
        expect(cards()).toHaveLength(3);
        const panel = query(el, 'c-pc-call-panel')!;
        const watched = [el.shadowRoot!, panel.shadowRoot!, cards()[0]!.shadowRoot!, cards()[2]!.shadowRoot!];
        const changes: MutationRecord[] = [];
        const observers = watched.map((root) => {
            const observer = new MutationObserver((records) => changes.push(...records));
            observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
            return observer;
        });
        service.publish({
            calls: [views[0]!, makeCallView({ id: 'call-2', line: 2, status: CallStatus.Active }), views[2]!]
        });
        await flush();
        observers.forEach((o) => o.disconnect());
        expect(textOf(cards()[1]!.shadowRoot!.querySelector('[data-id="status"]')!)).toBe('Active');
        // The words for screen readers go straight into the live region: a text change, no render of the console.
        expect(changes.map((c) => `${c.type} ${c.target.textContent ?? ''}`)).toEqual([
            `childList Ada Lovelace: Active`
        ]);
    });

    it('WU-2 CL-1 a call counted on the scoreboard renders neither the console nor the closed scoreboard; opened, it shows the new figures', async () => {
        const board = {
            callsHandled: 4,
            liveConnects: 1,
            talkMs: 60_000,
            wrapUps: 1,
            wrapUpMs: 20_000,
            callbacksBooked: 0,
            answeringMachines: 1
        };
        const service = new StubConsoleApi(makeState({ scoreboard: board }));
        const { el } = await mount(service);
        const scoreboard = query(el, 'c-pc-scoreboard')!;
        const changes: MutationRecord[] = [];
        const observers = [el.shadowRoot!, scoreboard.shadowRoot!].map((root) => {
            const observer = new MutationObserver((records) => changes.push(...records));
            observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
            return observer;
        });
        service.publish({ scoreboard: { ...board, callsHandled: 5 } });
        await flush();
        observers.forEach((o) => o.disconnect());
        expect(changes).toEqual([]);
        await click(byDataId(scoreboard, 'score-toggle')!);
        expect(byDataId(scoreboard, 'calls-handled')!.textContent).toBe('5');
        service.publish({ scoreboard: { ...board, callsHandled: 6 } });
        await flush();
        expect(byDataId(scoreboard, 'calls-handled')!.textContent).toBe('6');
    });

    it('AV-3 shows no stale calls after logout', async () => {
        const service = new StubConsoleApi(makeState({ calls: [makeCallView({ status: CallStatus.Active })] }));
        const { el } = await mount(service);
        service.publish({
            calls: [],
            agent: { ...service.state.agent, status: AgentStatus.LoggedOut, skillId: null, skillName: null }
        });
        await flush();
        expect(query(el, 'c-pc-call-card')).toBeNull();
        expect(byDataId(el, 'state')!.textContent).toBe('Logged out');
        expect(byDataId(el, 'live')!.textContent).toBe('Logged out');
    });

    it('BX-4 runs Alt+Shift+1 and Alt+Shift+6 from anywhere in the page', async () => {
        const service = new StubConsoleApi(
            makeState({ preview: makePreviewState(), calls: [makeCallView({ status: CallStatus.Ringing })] })
        );
        await mount(service);
        await press(window, 'a', { altKey: true, shiftKey: true, code: 'Digit1' });
        await press(document.body, 'f', { altKey: true, shiftKey: true, code: 'Digit6' });
        expect(service.calls.filter((c) => c.method !== 'start')).toEqual([
            { method: 'acceptPreview', args: [] },
            { method: 'overrideMachine', args: ['call-1', 'Fax'] }
        ]);
    });

    it('BX-4 stops listening for shortcuts once removed', async () => {
        const service = new StubConsoleApi(makeState({ preview: makePreviewState() }));
        const { el } = await mount(service);
        document.body.removeChild(el);
        await press(window, 'a', { altKey: true, shiftKey: true, code: 'Digit1' });
        expect(service.callsOf('acceptPreview')).toHaveLength(0);
    });

    it('CL-1 keeps the time in state moving between snapshots when the service runs on real time', async () => {
        jest.useFakeTimers({ doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] });
        try {
            const now = Date.now();
            const service = new StubConsoleApi(
                makeState({ now, calls: [makeCallView({ status: CallStatus.Active, statusSince: now - 5000 })] })
            );
            const { el } = await mount(service);
            expect(counterText(el, 'time-in-state')).toBe('0:05');
            jest.advanceTimersByTime(3000);
            await flush();
            expect(counterText(el, 'time-in-state')).toBe('0:08');
        } finally {
            jest.useRealTimers();
        }
    });

    it('CL-1 follows a simulated clock only through its snapshots', async () => {
        jest.useFakeTimers({ doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] });
        try {
            const service = new StubConsoleApi(
                makeState({ calls: [makeCallView({ status: CallStatus.Active, statusSince: NOW - 5000 })] })
            );
            const { el } = await mount(service);
            jest.advanceTimersByTime(3000);
            await flush();
            expect(counterText(el, 'time-in-state')).toBe('0:05');
            service.publish({ now: NOW + 60_000 });
            await flush();
            expect(counterText(el, 'time-in-state')).toBe('1:05');
        } finally {
            jest.useRealTimers();
        }
    });

    it('RS-4 AG-1 shows the marquee and the Agent Messages button', async () => {
        const message = {
            id: 'm1',
            kind: 'Callback' as const,
            at: NOW,
            text: 'Callback for Ada Lovelace',
            number: '+13125550100'
        };
        const service = new StubConsoleApi(makeState({ marquee: message, messages: [message] }));
        const { el } = await mount(service);
        expect(byDataId(el, 'marquee-text')!.textContent).toBe('Callback: (312) 555-0100');
        expect(byDataId(el, 'toggle')!.textContent!.trim()).toBe('Agent Messages (1)');
        service.publish({ marquee: null });
        await flush();
        expect(byDataId(el, 'marquee')).toBeNull();
        await expect(el).toBeAccessible();
    });
});
