/** CP-1, CP-3 at click-to-dial (WU-4): a refusal names the rule and when, where the agent clicked; a warning offers Call anyway. */
import PcClickToDial from 'c/pcClickToDial';
import type { ComplianceNotice } from 'c/pcModel';
import { makeError } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { byDataId, cleanup, click, findButton, flush, render } from 'test-support/lwc';

/** 5:10 AM in Honolulu on March 10, 2026. */
const EARLY = Date.UTC(2026, 2, 10, 15, 10);
const OPENS = Date.UTC(2026, 2, 10, 18, 0);

function notice(verdict: 'Block' | 'Warn'): ComplianceNotice {
    return {
        verdict,
        at: EARLY,
        nextAllowedAt: OPENS,
        findings: [
            {
                kind: 'Window',
                mode: verdict,
                rule: 'US_Federal',
                ruleLabel: 'US federal law',
                zone: 'Pacific/Honolulu',
                nextAt: OPENS,
                windowStartMinute: 480,
                windowEndMinute: 1260,
                limit: null,
                counted: null,
                limitWindowHours: null
            }
        ]
    };
}

async function mount(verdict: 'Block' | 'Warn') {
    const service = new StubConsoleApi();
    const error = makeError({ id: 'err-7', source: 'Validation', code: 'Compliance', command: 'dial' });
    service.results.set('dial', { ok: false, error: { ...error, compliance: notice(verdict) } });
    const el = await render<HTMLElement>('c-pc-click-to-dial', PcClickToDial, {
        numbers: [{ label: 'Phone', number: '+18085550142' }],
        contactId: null,
        service
    });
    await click(findButton(el, 'Call (808) 555-0142'));
    await flush();
    return { el, service };
}

describe('c-pc-click-to-dial compliance', () => {
    afterEach(cleanup);

    it('CP-1 CP-3 WU-4 a refused dial says the rule, the contact`s local time and when, beside the Call button', async () => {
        const { el } = await mount('Block');
        expect(byDataId(el, 'dial-error')!.textContent).toBe(
            'Not allowed now: US federal law allows calls 8:00 AM–9:00 PM; it is 5:10 AM there; callable in 2 h 50 min.'
        );
        expect(findButton(el, 'Call anyway')).toBeNull();
        await expect(el).toBeAccessible();
    });

    it('CP-3 WU-4 a warned dial goes on with Call anyway, which confirms the held warning once', async () => {
        const { el, service } = await mount('Warn');
        expect(byDataId(el, 'dial-error')!.textContent).toContain(
            'Call anyway? The override is logged on the attempt.'
        );
        await click(findButton(el, 'Call anyway'));
        await flush();
        expect(service.callsOf('confirmCompliance').map((c) => c.args)).toEqual([['err-7']]);
        // Sent through the service, which checks again; the status says the call was asked for.
        expect(byDataId(el, 'dial-status')!.textContent).toContain('(808) 555-0142');
        expect(byDataId(el, 'dial-error')).toBeNull();
        await expect(el).toBeAccessible();
    });
});
