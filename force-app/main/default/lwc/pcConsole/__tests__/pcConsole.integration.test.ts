/**
 * The console with the real service on the simulated dialer and in-memory Salesforce: the agent's
 * clicks go through the DOM, virtual time passes, and the assertions are on what the agent sees.
 */
import PcConsole from 'c/pcConsole';
import { recordName } from 'c/pcModel';
import { formatPhone } from 'c/pcFormat';
import { until } from 'test-support/time';
import { byDataId, change, cleanup, click, findButton, flush, query, queryAll, render, textOf } from 'test-support/lwc';
import { makeRig, work } from 'test-support/serviceRig';
import type { Rig, RigOptions } from 'test-support/serviceRig';

async function open(options: RigOptions = {}): Promise<{ rig: Rig; el: HTMLElement }> {
    const rig = makeRig(options);
    const el = await render<HTMLElement>('c-pc-console', PcConsole, { service: rig.service });
    expect(await until(rig.clock, () => rig.state().connection.status === 'Connected')).toBe(true);
    await flush();
    return { rig, el };
}

/** Lets virtual time pass until the predicate holds, then lets the DOM catch up. */
async function waitFor(rig: Rig, predicate: () => boolean, maxMs = 10 * 60_000): Promise<void> {
    expect(await until(rig.clock, predicate, { maxMs: maxMs })).toBe(true);
    await flush();
}

async function logIn(rig: Rig, el: HTMLElement, skill = 'PC Collections'): Promise<void> {
    await click(byDataId(el, 'availability'));
    await click(findButton(el, skill));
    await waitFor(rig, () => rig.state().agent.status === 'Working');
}

/** The date and HH:MM of an instant in Chicago, as the form's inputs take them. */
function chicagoWallTime(instant: number): { date: string; time: string } {
    const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
            timeZone: 'America/Chicago',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23'
        })
            .formatToParts(new Date(instant))
            .map((p) => [p.type, p.value])
    );
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const sent = (rig: Rig, name: string) => rig.sent.filter((c) => c.name === name);

describe('c-pc-console on the simulated dialer', () => {
    afterEach(cleanup);

    it('AV-1 AV-2 shows Connected and Logged out, then Working after choosing a skill in the panel', async () => {
        const { rig, el } = await open();
        expect(textOf(byDataId(el, 'connection')!)).toBe('Connected to the dialer');
        expect(byDataId(el, 'state')!.textContent).toBe('Logged out');
        await logIn(rig, el);
        expect(byDataId(el, 'state')!.textContent).toBe('Working');
        expect(byDataId(el, 'skill')!.textContent).toBe('Skill: PC Collections');
        await expect(el).toBeAccessible();
    });

    it('PV-1 PV-2 CL-1 CL-4 accepts a preview, follows the call to Active, ends it and saves the wrap-up', async () => {
        const { rig, el } = await open({ preview: true });
        await logIn(rig, el);
        await waitFor(rig, () => rig.state().preview !== null);
        const preview = rig.state().preview!.preview;
        expect(byDataId(el, 'contact-name')!.textContent!.trim()).toBe(recordName(preview.record));
        expect(byDataId(el, 'number')!.textContent).toBe(formatPhone(preview.number, 'US'));
        await expect(el).toBeAccessible();

        rig.dialer.control.forceNextOutcome('Live');
        await click(findButton(el, 'Accept'));
        expect(sent(rig, 'acceptPreview')).toHaveLength(1);
        await waitFor(rig, () => rig.state().calls.some((v) => v.call.status === 'Active'));
        expect(query(el, 'c-pc-preview-window')).toBeNull();
        expect(queryAll(el, '[data-id="status"]').map((s) => s.textContent)).toEqual(['Active']);
        expect(findButton(el, 'Hold')).not.toBeNull();
        await expect(el).toBeAccessible();

        await click(findButton(el, 'End Call'));
        await waitFor(rig, () => rig.state().calls.some((v) => v.call.status === 'Ended'));
        expect(queryAll(el, '[data-id="status"]').map((s) => s.textContent)).toEqual(['Ended']);
        const disposition = rig.state().dispositions.find((d) => !d.requiresNotes)!;
        await change(query(el, '[data-id="wrap-up"] lightning-combobox'), disposition.id);
        await click(findButton(el, 'Save'));
        await waitFor(rig, () => sent(rig, 'disposition').length === 1);
        expect(sent(rig, 'disposition')).toHaveLength(1);
    });

    it('PV-3 PV-6 requeues the previewed record from the Requeue button, sent once', async () => {
        const { rig, el } = await open({ preview: true, latencyMs: 300 });
        await logIn(rig, el);
        await waitFor(rig, () => rig.state().preview !== null);
        const first = rig.state().preview!.preview.id;
        await click(findButton(el, 'Requeue'));
        await click(findButton(el, 'Requeue'));
        await waitFor(rig, () => rig.state().preview?.preview.id !== first);
        expect(sent(rig, 'requeuePreview')).toHaveLength(1);
    });

    it('BX-4 when the preview the agent acted on closes, focus goes to the Calls heading, not the page', async () => {
        const { rig, el } = await open({ preview: true });
        await logIn(rig, el);
        await waitFor(rig, () => rig.state().preview !== null);
        // The base buttons are stubs here: focus goes to the preview's own native button, as a click would put it.
        const inPreview = query(el, 'c-pc-disclosure')!.shadowRoot!.querySelector('button')!;
        inPreview.focus();
        await click(findButton(el, 'Snooze')!);
        await waitFor(rig, () => rig.state().preview === null, 5_000);
        const panel = query(el, 'c-pc-call-panel')!;
        const heading = panel.shadowRoot!.querySelector('h2')!;
        expect(heading.textContent).toBe('Calls');
        expect(panel.shadowRoot!.activeElement).toBe(heading);
    });

    it('BX-4 a preview closing leaves alone focus the agent had put elsewhere', async () => {
        const { rig, el } = await open({ preview: true });
        await logIn(rig, el);
        await waitFor(rig, () => rig.state().preview !== null);
        const elsewhere = document.body.appendChild(document.createElement('button'));
        query(el, 'c-pc-disclosure')!.shadowRoot!.querySelector('button')!.focus();
        elsewhere.focus();
        await click(findButton(el, 'Snooze')!);
        await waitFor(rig, () => rig.state().preview === null, 5_000);
        expect(document.activeElement).toBe(elsewhere);
        elsewhere.remove();
    });

    it('AM-2 AM-3 closes a ringing call as Fax from its button, once', async () => {
        const { rig, el } = await open({ preview: false, latencyMs: 300 });
        rig.dialer.control.forceNextOutcome('NoAnswer');
        await logIn(rig, el);
        await waitFor(rig, () => rig.state().calls.some((v) => ['Dialing', 'Ringing'].includes(v.call.status)));
        const callId = rig.state().calls[0]!.call.id;
        await click(findButton(el, 'Fax'));
        await click(findButton(el, 'Fax'));
        await waitFor(rig, () => rig.state().calls.every((v) => v.call.id !== callId || v.call.status === 'Ended'));
        expect(sent(rig, 'overrideMachine')).toHaveLength(1);
        expect(sent(rig, 'overrideMachine')[0]!.args).toEqual([callId, 'Fax']);
    });

    it('AV-3 AG-2 logs out from the skill panel and shows Logged out with no stale calls', async () => {
        const { rig, el } = await open({ preview: true });
        await logIn(rig, el);
        await waitFor(rig, () => rig.state().preview !== null);
        await click(byDataId(el, 'availability'));
        await click(findButton(el, 'Logout'));
        await waitFor(rig, () => rig.state().agent.status === 'LoggedOut');
        expect(byDataId(el, 'state')!.textContent).toBe('Logged out');
        expect(query(el, 'c-pc-call-card')).toBeNull();
        expect(query(el, 'c-pc-preview-window')).toBeNull();
    });

    it('RS-1 RS-4 reschedules from the form; the callback arrives like an inbound call with its marquee, kept in Agent Messages', async () => {
        const { rig, el } = await open({ preview: true });
        await logIn(rig, el);
        const usPreview = () => {
            const p = rig.state().preview;
            return (
                !!p &&
                p.preview.number.startsWith('+1') &&
                ['America/Chicago', 'America/New_York', null].includes(p.preview.record.timeZone)
            );
        };
        expect(await work(rig, usPreview, 6 * 60 * 60_000)).toBe(true);
        await flush();
        await click(findButton(el, 'Reschedule'));
        await flush();
        const form = query(el, 'c-pc-reschedule-form')!;
        const field = (name: string) => form.shadowRoot!.querySelector(`[data-field="${name}"]`) as HTMLElement;
        await change(field('number'), '+13125550100');
        const at = chicagoWallTime(rig.clock.now() + 10 * 60_000);
        await change(field('date'), at.date);
        await change(field('time'), at.time);
        field('timeZone').dispatchEvent(new CustomEvent('change', { detail: { value: 'America/Chicago' } }));
        await flush();
        await click(findButton(form, 'Save'));
        await waitFor(rig, () => rig.sent.some((c) => c.name === 'reschedulePreview'));
        expect(query(el, 'c-pc-reschedule-form')).toBeNull();

        expect(await work(rig, () => rig.state().marquee !== null, 3 * 60 * 60_000)).toBe(true);
        await flush();
        expect(byDataId(el, 'marquee-text')!.textContent).toBe('Callback: (312) 555-0100');
        expect(queryAll(el, '[data-id="callback"]').map((b) => b.textContent)).toEqual(['Callback']);
        await expect(el).toBeAccessible();

        rig.clock.advanceTo(rig.state().marquee!.at + 5000);
        await flush();
        expect(byDataId(el, 'marquee')).toBeNull();
        await click(byDataId(el, 'toggle'));
        // AG-1 UB-5: the callback's message names its number once, formatted for people (its text, or the number line).
        const callback = queryAll(el, '[data-id="message"]').find((m) => m.textContent!.includes('(312) 555-0100'));
        expect(callback).toBeDefined();
        expect(callback!.textContent!.split('(312) 555-0100')).toHaveLength(2);
    });
});
