import PcCallPanel from 'c/pcCallPanel';
import { CallStatus } from 'c/pcModel';
import type { CallView, RoutedNotice } from 'c/pcModel';
import { makeCallView, makeRecord, makeState, NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, flush, press, queryAll, render, textOf } from 'test-support/lwc';

type PanelEl = HTMLElement & { calls: CallView[]; routed: RoutedNotice[]; now: number };

async function mount(calls: CallView[], routed: RoutedNotice[] = []) {
    const service = new StubConsoleApi();
    const state = makeState();
    const el = await render<PanelEl>('c-pc-call-panel', PcCallPanel, {
        calls,
        routed,
        service,
        now: NOW,
        capabilities: state.capabilities,
        dispositions: state.dispositions,
        skills: state.skills
    });
    return { el, service };
}

const three = (): CallView[] => [
    makeCallView({ id: 'c3', line: 3, status: CallStatus.Amd, record: makeRecord({ firstName: 'Cy' }) }),
    makeCallView({ id: 'c1', line: 1, status: CallStatus.Dialing, record: makeRecord({ firstName: 'Al' }) }),
    makeCallView({
        id: 'c2',
        line: 2,
        status: CallStatus.Ringing,
        mostLikely: true,
        record: makeRecord({ firstName: 'Bo' })
    })
];

describe('c-pc-call-panel', () => {
    afterEach(cleanup);

    it('CL-1 shows one card per line, up to three, in line order with each status', async () => {
        const { el } = await mount(three());
        const names = queryAll(el, '[data-id="contact-name"]').map((n) => n.textContent);
        expect(names).toEqual(['Al Lovelace', 'Bo Lovelace', 'Cy Lovelace']);
        expect(queryAll(el, '[data-id="status"]').map((n) => n.textContent)).toEqual(['Dialing', 'Ringing', 'AMD']);
        expect(queryAll(el, '[data-id="most-likely"]')).toHaveLength(1);
        await expect(el).toBeAccessible();
    });

    it('CL-1 shows a status change as soon as a new snapshot arrives', async () => {
        const { el } = await mount(three());
        el.calls = three().map((v) => {
            return v.call.id === 'c2' ? makeCallView({ ...v.call, status: CallStatus.Active }) : v;
        });
        await flush();
        expect(queryAll(el, '[data-id="status"]').map((n) => n.textContent)).toEqual(['Dialing', 'Active', 'AMD']);
    });

    it('CL-3 UB-2 shows briefly, below the calls, that an extra answer was routed to another agent, then removes it', async () => {
        const { el } = await mount(
            [makeCallView({ status: CallStatus.Active })],
            [{ callId: 'c9', contactName: 'Grace Hopper', until: NOW + 3000 }]
        );
        expect(byDataId(el, 'routed')!.textContent).toContain('Grace Hopper answered and was routed to another agent.');
        // UB-2: below the calls, so its coming and going moves none of their buttons.
        const card = el.shadowRoot!.querySelector('c-pc-call-card')!;
        expect(card.compareDocumentPosition(byDataId(el, 'routed')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
        await expect(el).toBeAccessible();
        el.now = NOW + 3000;
        await flush();
        expect(textOf(el)).not.toContain('Grace Hopper');
        el.routed = [];
        await flush();
        expect(byDataId(el, 'routed')!.textContent).toBe('');
    });

    it('UB-4 a new snapshot time alone renders neither the panel nor its cards again', async () => {
        const { el } = await mount(three());
        (el as PanelEl & { clock: () => number }).clock = () => NOW;
        await flush();
        const roots = [el.shadowRoot!, ...queryAll(el, 'c-pc-call-card').map((card) => card.shadowRoot!)];
        const changes: MutationRecord[] = [];
        const observers = roots.map((root) => {
            const observer = new MutationObserver((records) => changes.push(...records));
            observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
            return observer;
        });
        el.now = NOW + 1_000;
        await flush();
        observers.forEach((o) => o.disconnect());
        expect(roots).toHaveLength(4);
        expect(changes).toEqual([]);
    });

    it('AV-3 shows no stale calls once the list is empty', async () => {
        const { el } = await mount(three());
        el.calls = [];
        await flush();
        expect(queryAll(el, 'c-pc-call-card')).toHaveLength(0);
        expect(byDataId(el, 'no-calls')!.textContent).toBe('No calls right now.');
        await expect(el).toBeAccessible();
    });

    it('BX-4 sends Alt+Shift+5 to the first line that can still be overridden', async () => {
        const calls = [
            makeCallView({ id: 'c1', line: 1, status: CallStatus.Active }),
            makeCallView({ id: 'c2', line: 2, status: CallStatus.Ringing })
        ];
        const { el, service } = await mount(calls);
        await press(el.shadowRoot!.querySelector('section')!, 'm', { altKey: true, shiftKey: true, code: 'Digit5' });
        expect(service.calls).toEqual([{ method: 'overrideMachine', args: ['c2', 'AnsweringMachine'] }]);
    });

    it('BX-4 sends nothing when no line can be overridden', async () => {
        const { el, service } = await mount([makeCallView({ status: CallStatus.Active })]);
        await press(el.shadowRoot!.querySelector('section')!, 'b', { altKey: true, shiftKey: true, code: 'Digit7' });
        expect(service.calls).toEqual([]);
    });
});
