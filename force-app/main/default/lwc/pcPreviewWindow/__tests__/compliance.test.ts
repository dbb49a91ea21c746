/** CP-1, CP-3 in the preview window: Accept refused with the rule and when, or warned with "Call anyway". */
import PcPreviewWindow from 'c/pcPreviewWindow';
import PcErrorPanel from 'c/pcErrorPanel';
import type { ComplianceNotice, PreviewState } from 'c/pcModel';
import { makeError, makePreviewState, makeState, NOW } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, click, findButton, render } from 'test-support/lwc';

/** 7:40 AM in New York on March 10, 2026 (EDT). */
const EARLY = Date.UTC(2026, 2, 10, 11, 40);

function notice(verdict: 'Block' | 'Warn'): ComplianceNotice {
    return {
        verdict,
        at: EARLY,
        nextAllowedAt: EARLY + 20 * 60_000,
        findings: [
            {
                kind: 'Window',
                mode: verdict,
                rule: 'US_Florida',
                ruleLabel: 'Florida',
                zone: 'America/New_York',
                nextAt: EARLY + 20 * 60_000,
                windowStartMinute: 480,
                windowEndMinute: 1200,
                limit: null,
                counted: null,
                limitWindowHours: null
            }
        ]
    };
}

function refused(verdict: 'Block' | 'Warn'): PreviewState {
    const error = makeError({
        id: 'err-c',
        source: 'Validation',
        code: 'Compliance',
        command: 'accept',
        detail: `${verdict} by US_Florida:Window`,
        compliance: notice(verdict)
    });
    return makePreviewState({}, { error, failedAction: 'Accept' });
}

async function mount(preview: PreviewState) {
    const service = new StubConsoleApi();
    const el = await render<HTMLElement>('c-pc-preview-window', PcPreviewWindow, {
        preview,
        service,
        now: NOW,
        values: [],
        dispositions: makeState().dispositions
    });
    return { el, service };
}

describe('c-pc-preview-window compliance (CP-1, CP-3)', () => {
    afterEach(cleanup);

    it('CP-1 CP-3 Accept refused: one message where the agent acted naming the rule, the local time and when', async () => {
        const { el, service } = await mount(refused('Block'));
        const alert = byDataId(el, 'error')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent!.trim()).toBe(
            'Not allowed now: Florida allows calls 8:00 AM–8:00 PM; it is 7:40 AM there; callable in 20 min.'
        );
        expect(findButton(el, 'Call anyway')).toBeNull();
        // UB-6: no Retry, which would only be refused again now; Accept itself stays for when the contact is callable.
        expect(findButton(el, 'Retry')).toBeNull();
        const accept = findButton(el, 'Accept')!;
        expect((accept as unknown as { disabled: boolean }).disabled).toBe(false);
        await click(accept);
        expect(service.callsOf('acceptPreview')).toHaveLength(1);
        await expect(el).toBeAccessible();
    });

    it("CP-3 UB-6 the error banner offers no Retry for a rule set's refusal or warning, only Call anyway for a warning", async () => {
        const service = new StubConsoleApi();
        const el = await render('c-pc-error-panel', PcErrorPanel, {
            service,
            errors: [
                makeError({
                    id: 'b',
                    source: 'Validation',
                    code: 'Compliance',
                    command: 'accept',
                    compliance: notice('Block')
                }),
                makeError({
                    id: 'w',
                    source: 'Validation',
                    code: 'Compliance',
                    command: 'accept',
                    compliance: notice('Warn')
                }),
                makeError({ id: 'n', source: 'Dialer', code: 'Network', command: 'accept' })
            ]
        });
        const buttons = [...el.shadowRoot!.querySelectorAll('lightning-button')].map((b) => [
            (b as HTMLElement).dataset.errorId,
            (b as unknown as { label: string }).label
        ]);
        expect(buttons).toEqual([
            ['w', 'Call anyway'],
            ['n', 'Retry']
        ]);
    });

    it('CP-3 a warned Accept goes on with one more click: Call anyway confirms the held warning', async () => {
        const { el, service } = await mount(refused('Warn'));
        expect(byDataId(el, 'error')!.textContent).toContain('Call anyway? The override is logged on the attempt.');
        expect(findButton(el, 'Retry')).toBeNull();
        const anyway = findButton(el, 'Call anyway')!;
        expect(anyway.getAttribute('title')).toContain('Florida allows calls 8:00 AM–8:00 PM');
        await click(anyway);
        expect(service.callsOf('confirmCompliance').map((c) => c.args)).toEqual([['err-c']]);
        await expect(el).toBeAccessible();
    });

    it('CP-3 WU-4 the error banner words a click-to-dial warning and offers Call anyway; a callback alert only informs', async () => {
        const service = new StubConsoleApi();
        const dial = makeError({ id: 'err-d', source: 'Validation', code: 'Compliance', command: 'dial' });
        const callback = makeError({ id: 'err-b', source: 'Validation', code: 'Compliance', command: 'callback' });
        const el = await render<HTMLElement>('c-pc-error-panel', PcErrorPanel, {
            service,
            errors: [
                { ...dial, compliance: notice('Warn') },
                { ...callback, compliance: notice('Block') }
            ]
        });
        const messages = [...el.shadowRoot!.querySelectorAll('[data-id="message"]')].map((m) => m.textContent);
        expect(messages[0]).toContain('Florida allows calls 8:00 AM–8:00 PM; it is 7:40 AM there; callable in 20 min.');
        expect(messages[1]).toBe(
            'A callback rang outside the calling rules: Not allowed now: Florida allows calls 8:00 AM–8:00 PM; it is 7:40 AM there; callable in 20 min.'
        );
        const anyway = [...el.shadowRoot!.querySelectorAll('lightning-button')].filter(
            (b) => (b as unknown as { label: string }).label === 'Call anyway'
        );
        expect(anyway).toHaveLength(1);
        await click(anyway[0] as HTMLElement);
        expect(service.callsOf('confirmCompliance').map((c) => c.args)).toEqual([['err-d']]);
    });
});
