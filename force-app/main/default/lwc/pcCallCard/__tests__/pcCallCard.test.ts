import * as pcFormat from 'c/pcFormat';
import { CallAction, CallDirection, CallStatus, ErrorCode, ErrorSource, MachineOverride, Outcome } from 'c/pcModel';
import type { CallView, ComplianceFinding, ConsoleError } from 'c/pcModel';
import { ERROR_CODE_LABELS } from 'c/pcLabels';
import { HOSTILE, makeCallView, makeError, makeRecord, makeState, NOW } from 'test-support/fixtures';
import {
    accessibleDescription,
    buttonNames,
    byDataId,
    change,
    cleanup,
    click,
    counterText,
    findButton,
    findRadio,
    flush,
    press
} from 'test-support/lwc';
import { renderCallCard } from 'test-support/callCard';

type Stub = { disabled: boolean; iconName: string; title: string; label: string };

const mount = renderCallCard;

const stub = (el: HTMLElement, name: string) => findButton(el, name) as unknown as Stub;

describe('c-pc-call-card', () => {
    afterEach(cleanup);

    it.each([
        [CallStatus.Dialing, 'Dialing'],
        [CallStatus.Ringing, 'Ringing'],
        [CallStatus.Amd, 'AMD'],
        [CallStatus.Active, 'Active'],
        [CallStatus.Held, 'Held'],
        [CallStatus.Ended, 'Ended']
    ])('CL-1 shows the contact, the number and the %s status with time in state', async (status, name) => {
        const { el } = await mount(makeCallView({ status, statusSince: NOW - 65_000 }));
        expect(byDataId(el, 'contact-name')!.textContent).toBe('Ada Lovelace');
        expect(byDataId(el, 'number')!.textContent).toBe('(312) 555-0100');
        expect(byDataId(el, 'status')!.textContent).toBe(name);
        expect(counterText(el, 'time-in-state')).toBe('1:05');
        await expect(el).toBeAccessible();
    });

    it('UB-4 an answered call shows its talk time, named with a space before the time as read aloud', async () => {
        const { el } = await mount(
            makeCallView({ status: CallStatus.Active, answeredAt: NOW - 125_000, statusSince: NOW - 125_000 })
        );
        expect(byDataId(el, 'talk-time')!.querySelector('span')!.textContent).toBe('Talk time ');
        expect(counterText(el, 'talk-time')).toBe('2:05');
    });

    it('CL-1 renders a contact name holding markup as literal text', async () => {
        const { el } = await mount(makeCallView({ record: makeRecord({ firstName: HOSTILE, lastName: '' }) }));
        expect(byDataId(el, 'contact-name')!.textContent).toBe(HOSTILE);
        expect(el.shadowRoot!.querySelector('img')).toBeNull();
    });

    it('CL-5 marks the call most likely to be answered next', async () => {
        const { el } = await mount(makeCallView({ mostLikely: true }));
        expect(byDataId(el, 'most-likely')!.textContent).toBe('Most likely to be answered next');
        await expect(el).toBeAccessible();
        const other = await mount(makeCallView({ mostLikely: false }));
        expect(byDataId(other.el, 'most-likely')).toBeNull();
    });

    it.each([CallStatus.Dialing, CallStatus.Ringing, CallStatus.Amd])(
        'AM-1 offers Answering Machine, Fax and Bad Number while %s, with their icons',
        async (status) => {
            const { el } = await mount(makeCallView({ status }));
            expect(buttonNames(el)).toEqual(['Answering Machine', 'Fax', 'Bad Number']);
            expect(['Answering Machine', 'Fax', 'Bad Number'].map((n) => stub(el, n).iconName)).toEqual([
                'utility:voicemail_drop',
                'utility:print',
                'utility:missed_call'
            ]);
        }
    );

    it('AM-1 offers only the overrides the dialer supports', async () => {
        const caps = { ...makeState().capabilities, machineOverrides: [MachineOverride.Fax] };
        const { el } = await mount(makeCallView({ status: CallStatus.Ringing }), { capabilities: caps });
        expect(buttonNames(el)).toEqual(['Fax']);
    });

    it.each([
        ['Answering Machine', MachineOverride.AnsweringMachine],
        ['Fax', MachineOverride.Fax],
        ['Bad Number', MachineOverride.BadNumber]
    ])('AM-2 closes the call as %s when its button is clicked', async (name, kind) => {
        const { el, service } = await mount(makeCallView({ status: CallStatus.Amd }));
        await click(findButton(el, name));
        expect(service.calls).toEqual([{ method: 'overrideMachine', args: ['call-1', kind] }]);
    });

    it('AM-3 sends an override once and disables the buttons while it is pending', async () => {
        const { el, service } = await mount(makeCallView({ status: CallStatus.Ringing }));
        service.holdCommand('overrideMachine');
        await click(findButton(el, 'Fax'));
        await click(findButton(el, 'Fax'));
        await click(findButton(el, 'Bad Number'));
        expect(service.callsOf('overrideMachine')).toHaveLength(1);
        expect(['Answering Machine', 'Fax', 'Bad Number'].map((n) => stub(el, n).disabled)).toEqual([true, true, true]);
        service.release('overrideMachine');
        el.view = makeCallView({ status: CallStatus.Ringing }, { pending: ['override'] });
        await flush();
        expect(stub(el, 'Fax').disabled).toBe(true);
    });

    it.each([CallStatus.Active, CallStatus.Held, CallStatus.Ended])(
        'AM-3 keeps the machine buttons in place once the call is %s, disabled: a click sends nothing',
        async (status) => {
            const { el, service } = await mount(makeCallView({ status }));
            const names = ['Answering Machine', 'Fax', 'Bad Number'];
            expect(names.map((n) => stub(el, n).disabled)).toEqual([true, true, true]);
            // eslint-disable-next-line no-await-in-loop
            for (const name of names) await click(findButton(el, name));
            expect(service.callsOf('overrideMachine')).toEqual([]);
        }
    );

    it('AM-3 the machine buttons a status closes stay where they were, so nothing under the pointer moves', async () => {
        const { el } = await mount(makeCallView({ status: CallStatus.Amd }));
        const fax = findButton(el, 'Fax');
        expect(stub(el, 'Fax').disabled).toBe(false);
        el.view = makeCallView({ status: CallStatus.Active });
        await flush();
        expect(findButton(el, 'Fax')).toBe(fax);
        expect(stub(el, 'Fax').disabled).toBe(true);
    });

    it('AM-3 a card removed as its call ends renders nothing off the page; put back, it shows the call again', async () => {
        const { el } = await mount(makeCallView({ status: CallStatus.Ringing }));
        // The call ends and the card leaves in the same task (an attempt nobody answered): LWC still renders the
        // removed card. Off the page it reads nothing (no machine buttons, no capabilities), so nothing that
        // outlives it can keep it.
        el.view = makeCallView({ status: CallStatus.Ended });
        el.remove();
        await flush();
        expect(el.shadowRoot!.querySelector('article')).toBeNull();
        document.body.appendChild(el);
        await flush();
        expect(byDataId(el, 'status')!.textContent).toBe('Ended');
        expect(['Answering Machine', 'Fax', 'Bad Number'].map((n) => stub(el, n).disabled)).toEqual([true, true, true]);
    });

    it('CL-4 offers Hold, Mute, End Call and Transfer on an Active call and sends each', async () => {
        const { el, service } = await mount(makeCallView({ status: CallStatus.Active }));
        expect(buttonNames(el)).toEqual([
            'Answering Machine',
            'Fax',
            'Bad Number',
            'Hold',
            'Mute',
            'End Call',
            'Transfer'
        ]);
        await click(findButton(el, 'Hold'));
        await click(findButton(el, 'Mute'));
        await click(findButton(el, 'End Call'));
        expect(service.calls).toEqual([
            { method: 'hold', args: ['call-1'] },
            { method: 'mute', args: ['call-1'] },
            { method: 'endCall', args: ['call-1'] }
        ]);
        await expect(el).toBeAccessible();
    });

    it('CL-4 offers Resume and Unmute on a held, muted call', async () => {
        const { el, service } = await mount(makeCallView({ status: CallStatus.Held, muted: true }));
        expect(buttonNames(el)).toEqual([
            'Answering Machine',
            'Fax',
            'Bad Number',
            'Resume',
            'Unmute',
            'End Call',
            'Transfer'
        ]);
        expect(byDataId(el, 'muted')!.textContent).toBe('Muted');
        await click(findButton(el, 'Resume'));
        await click(findButton(el, 'Unmute'));
        expect(service.calls.map((c) => c.method)).toEqual(['resume', 'unmute']);
    });

    it('CL-4 hides Hold and Mute where the dialer does not offer them', async () => {
        const caps = { ...makeState().capabilities, hold: false, mute: false, transferKinds: [] };
        const { el } = await mount(makeCallView({ status: CallStatus.Active }), { capabilities: caps });
        expect(buttonNames(el)).toEqual(['Answering Machine', 'Fax', 'Bad Number', 'End Call']);
    });

    it('CL-4 transfers to a number through the small form', async () => {
        const { el, service } = await mount(makeCallView({ status: CallStatus.Active }));
        await click(findButton(el, 'Transfer'));
        expect(byDataId(el, 'transfer-form')).not.toBeNull();
        await expect(el).toBeAccessible();
        await click(findRadio(el, 'Number'));
        await click(findButton(el, 'Transfer now'));
        const field = byDataId(el, 'transfer-target') as HTMLInputElement;
        expect(accessibleDescription(field)).toContain('Enter where to transfer the call.');
        expect(field.getAttribute('aria-invalid')).toBe('true');
        expect(service.callsOf('transfer')).toHaveLength(0);
        await change(field, '+13125550111', 'input');
        await click(findButton(el, 'Transfer now'));
        expect(service.callsOf('transfer')).toEqual([
            { method: 'transfer', args: ['call-1', { kind: 'Number', value: '+13125550111' }] }
        ]);
        expect(byDataId(el, 'transfer-form')).toBeNull();
    });

    it('UB-2 BX-4 opening Transfer puts focus in its popover; Escape or Cancel closes it, focus back on Transfer', async () => {
        const { el } = await mount(makeCallView({ status: CallStatus.Active }));
        const toggle = findButton(el, 'Transfer')!;
        const focused = jest.fn();
        toggle.focus = focused;
        await click(toggle);
        // The first control of the popover, the kind of target, has focus on its checked radio.
        const kinds = byDataId(el, 'transfer-kind')!;
        expect(el.shadowRoot!.activeElement).toBe(kinds);
        expect(kinds.shadowRoot!.activeElement).toBe(findRadio(el, 'Skill'));
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        await press(kinds.shadowRoot!.activeElement!, 'Escape');
        expect(byDataId(el, 'transfer-form')).toBeNull();
        expect(focused).toHaveBeenCalledTimes(1);
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        // Escape on the Transfer button itself closes the popover it opened, as the console's other popovers do.
        await click(toggle);
        await press(toggle, 'Escape');
        expect(byDataId(el, 'transfer-form')).toBeNull();
        expect(focused).toHaveBeenCalledTimes(2);
        await click(toggle);
        await click(findButton(el, 'Cancel'));
        expect(byDataId(el, 'transfer-form')).toBeNull();
        expect(focused).toHaveBeenCalledTimes(3);
    });

    describe('a transfer that failed or that a rule set held (UB-6, CP-3)', () => {
        /** 07:40 in Miami: Florida allows calls from 08:00 (CP-3's example). */
        const florida: ComplianceFinding = {
            kind: 'Window',
            mode: 'Warn',
            rule: 'US_FL',
            ruleLabel: 'Florida',
            zone: 'America/New_York',
            nextAt: Date.UTC(2027, 0, 11, 13, 0),
            windowStartMinute: 8 * 60,
            windowEndMinute: 20 * 60,
            limit: null,
            counted: null,
            limitWindowHours: null
        };
        const warned = makeError({
            id: 'err-warn',
            source: ErrorSource.Validation,
            code: ErrorCode.Compliance,
            command: 'transfer',
            compliance: { verdict: 'Warn', findings: [florida], at: Date.UTC(2027, 0, 11, 12, 40), nextAllowedAt: null }
        });

        /** Opens the form, types `typed` as the number and sends it; the service answers with `failure` on the call. */
        async function failedTransfer(failure: ConsoleError, typed = '+13055550100') {
            const view = makeCallView({ status: CallStatus.Active });
            const { el, service } = await mount(view);
            service.results.set('transfer', { ok: false, error: failure });
            service.holdCommand('transfer');
            await click(findButton(el, 'Transfer'));
            await click(findRadio(el, 'Number'));
            await change(byDataId(el, 'transfer-target'), typed, 'input');
            await click(findButton(el, 'Transfer now'));
            // As the service does (its own tests): the failure is kept on the call, then the command resolves.
            el.view = { ...view, transferError: failure };
            await flush();
            service.release('transfer');
            await flush();
            return { el, service, field: byDataId(el, 'transfer-target') as HTMLInputElement };
        }

        it('UB-6 CP-1 a number that is no phone number: the field says so as its description and keeps what was typed', async () => {
            const invalid = makeError({
                source: ErrorSource.Validation,
                code: ErrorCode.Rejected,
                command: 'transfer',
                detail: 'invalid transfer number'
            });
            const { el, field } = await failedTransfer(invalid, 'front desk');
            expect(accessibleDescription(field)).toContain('Not a number that can be called');
            expect(field.getAttribute('aria-invalid')).toBe('true');
            expect(field.value).toBe('front desk');
            // The agent is put back in the field, to read what is wrong and correct it.
            expect(el.shadowRoot!.activeElement).toBe(field);
            expect(byDataId(el, 'transfer-form')).not.toBeNull();
            expect(byDataId(el, 'transfer-failed')).toBeNull();
            await expect(el).toBeAccessible();
        });

        it('CP-3 a warning names the rule and the local time beside the number, and Transfer anyway goes on with one click', async () => {
            const { el, service, field } = await failedTransfer(warned);
            expect(accessibleDescription(field)).toMatch(/Florida.*7:40 AM/);
            expect(buttonNames(el)).toContain('Transfer anyway');
            expect((findButton(el, 'Transfer anyway') as unknown as { title: string }).title).toMatch(
                /^Transfer anyway, despite: Florida/
            );
            await click(findButton(el, 'Transfer anyway'));
            expect(service.callsOf('confirmCompliance')).toEqual([{ method: 'confirmCompliance', args: ['err-warn'] }]);
            expect(service.callsOf('transfer')).toHaveLength(1);
        });

        it('CP-3 a refusal offers no Transfer anyway', async () => {
            const { el, field } = await failedTransfer({
                ...warned,
                compliance: { ...warned.compliance!, verdict: 'Block' }
            });
            expect(accessibleDescription(field)).toMatch(/Florida/);
            expect(buttonNames(el)).not.toContain('Transfer anyway');
        });

        it("UB-6 the dialer's failure is said in the form, which stays open with the number to send again", async () => {
            const { el, service, field } = await failedTransfer(makeError({ command: 'transfer' }));
            expect(byDataId(el, 'transfer-failed')!.getAttribute('role')).toBe('alert');
            expect(byDataId(el, 'transfer-failed')!.textContent!.trim()).toBe(
                `Transfer failed: ${ERROR_CODE_LABELS[ErrorCode.Timeout]}`
            );
            expect(byDataId(el, 'transfer-failed-detail')!.textContent).toBe('accept timed out after 10 s');
            expect(field.getAttribute('aria-invalid')).toBe('false');
            expect(field.value).toBe('+13055550100');
            await click(findButton(el, 'Transfer now'));
            expect(service.callsOf('transfer')).toHaveLength(2);
        });

        it('UB-6 a new entry, or closing the form, puts the failure shown away', async () => {
            const typed = await failedTransfer(makeError({ id: 'err-typed', command: 'transfer' }));
            await change(typed.field, '+13055550101', 'input');
            expect(typed.service.callsOf('dismissError')).toEqual([{ method: 'dismissError', args: ['err-typed'] }]);
            cleanup();
            const closed = await failedTransfer(makeError({ id: 'err-closed', command: 'transfer' }));
            await click(findButton(closed.el, 'Cancel'));
            expect(closed.service.callsOf('dismissError')).toEqual([{ method: 'dismissError', args: ['err-closed'] }]);
        });
    });

    describe('a call command the dialer failed (UB-6)', () => {
        const reason = ERROR_CODE_LABELS[ErrorCode.Network];
        const failedView = (status: CallStatus, action: CallAction, over: Partial<CallView> = {}) =>
            makeCallView(
                { status, answeredAt: status === CallStatus.Active || status === CallStatus.Held ? NOW : null },
                {
                    commandFailure: {
                        action,
                        error: makeError({
                            id: 'err-card',
                            code: ErrorCode.Network,
                            detail: 'socket closed',
                            command: 'x'
                        })
                    },
                    ...over
                }
            );

        it('UB-6 AM-2 a failed Fax is said in the card as an alert naming it, with Details and one Retry that sends Fax again', async () => {
            const { el, service } = await mount(failedView(CallStatus.Dialing, CallAction.Fax));
            const alert = byDataId(el, 'command-error')!;
            expect(alert.getAttribute('role')).toBe('alert');
            expect(alert.textContent!.trim()).toBe(`Fax failed: ${reason}`);
            const disclosure = byDataId(el, 'command-error-detail')!.closest('c-pc-disclosure')!;
            const toggle = disclosure.shadowRoot!.querySelector('button')!;
            expect([toggle.textContent!.trim(), toggle.getAttribute('aria-expanded')]).toEqual(['Details', 'false']);
            expect(byDataId(el, 'command-error-detail')!.textContent).toBe('socket closed');
            expect(buttonNames(el).filter((n) => n === 'Retry')).toHaveLength(1);
            await click(findButton(el, 'Retry'));
            expect(service.calls).toEqual([{ method: 'overrideMachine', args: ['call-1', MachineOverride.Fax] }]);
            await expect(el).toBeAccessible();
        });

        it.each([
            [
                CallAction.AnsweringMachine,
                CallStatus.Ringing,
                'Answering Machine',
                'overrideMachine',
                ['call-1', 'AnsweringMachine']
            ],
            [CallAction.BadNumber, CallStatus.Amd, 'Bad Number', 'overrideMachine', ['call-1', 'BadNumber']],
            [CallAction.Voicemail, CallStatus.Amd, 'Leave voicemail', 'dropVoicemail', ['call-1']],
            [CallAction.Hold, CallStatus.Active, 'Hold', 'hold', ['call-1']],
            [CallAction.Resume, CallStatus.Held, 'Resume', 'resume', ['call-1']],
            [CallAction.Mute, CallStatus.Active, 'Mute', 'mute', ['call-1']],
            [CallAction.Unmute, CallStatus.Held, 'Unmute', 'unmute', ['call-1']],
            [CallAction.EndCall, CallStatus.Active, 'End Call', 'endCall', ['call-1']]
        ] as const)(
            'UB-6 AM-2 CL-4 a failed %s is named in the card, and Retry sends the same command again',
            async (action, status, name, method, args) => {
                const caps = { ...makeState().capabilities, voicemailDrop: true };
                const { el, service } = await mount(failedView(status, action), { capabilities: caps });
                expect(byDataId(el, 'command-error')!.textContent!.trim()).toBe(`${name} failed: ${reason}`);
                await click(byDataId(el, 'command-retry'));
                expect(service.calls).toEqual([{ method, args }]);
            }
        );

        it('UB-6 AM-3 Retry sends once however often it is clicked, and nothing while a command of the call is on its way', async () => {
            const { el, service } = await mount(failedView(CallStatus.Active, CallAction.Hold));
            service.holdCommand('hold');
            await click(findButton(el, 'Retry'));
            await click(findButton(el, 'Retry'));
            expect(service.callsOf('hold')).toHaveLength(1);
            expect(stub(el, 'Retry').disabled).toBe(true);
            service.release('hold');
            await flush();
            expect(stub(el, 'Retry').disabled).toBe(false);
            el.view = failedView(CallStatus.Active, CallAction.Hold, { pending: ['mute'] });
            await flush();
            expect(stub(el, 'Retry').disabled).toBe(true);
            (findButton(el, 'Retry') as HTMLElement).click();
            await flush();
            expect(service.callsOf('hold')).toHaveLength(1);
        });

        it('UB-6 the message goes once the service clears the failure; a card with none shows no alert and no Retry', async () => {
            const { el } = await mount(failedView(CallStatus.Active, CallAction.Mute));
            expect(byDataId(el, 'command-failure')).not.toBeNull();
            el.view = makeCallView({ status: CallStatus.Active, answeredAt: NOW });
            await flush();
            expect(byDataId(el, 'command-failure')).toBeNull();
            expect(buttonNames(el)).not.toContain('Retry');
        });

        it('UB-6 WU-3 a voicemail failure offers no Retry where the service cannot leave voicemail', async () => {
            const service = { hold: jest.fn(), overrideMachine: jest.fn() };
            const { el } = await mount(failedView(CallStatus.Amd, CallAction.Voicemail), { service });
            expect(byDataId(el, 'command-error')!.textContent!.trim()).toBe(`Leave voicemail failed: ${reason}`);
            expect(byDataId(el, 'command-retry')).toBeNull();
        });
    });

    it('CL-4 transfers to a skill chosen from the list', async () => {
        const { el, service } = await mount(makeCallView({ status: CallStatus.Active }));
        await click(findButton(el, 'Transfer'));
        const combo = el.shadowRoot!.querySelector('lightning-combobox') as unknown as {
            options: { label: string }[];
        };
        expect(combo.options.map((o) => o.label)).toEqual(['Outbound Sales', 'Collections', 'Inbound Support']);
        const reported = jest.fn(() => false);
        (combo as unknown as { reportValidity: () => boolean }).reportValidity = reported;
        await click(findButton(el, 'Transfer now'));
        // Nothing chosen: the list says so itself, as its description; nothing is sent.
        expect(reported).toHaveBeenCalledTimes(1);
        expect(service.callsOf('transfer')).toHaveLength(0);
        await change(el.shadowRoot!.querySelector('lightning-combobox'), 'sk-2');
        expect(reported).toHaveBeenCalledTimes(2);
        await click(findButton(el, 'Transfer now'));
        expect(service.callsOf('transfer')[0]!.args).toEqual(['call-1', { kind: 'Skill', value: 'sk-2' }]);
    });

    it('CL-4 records a disposition with notes when the call ends', async () => {
        const ended = makeCallView(
            { status: CallStatus.Ended, outcome: Outcome.Live, endedAt: NOW },
            { wrapUp: { saved: false, error: null } }
        );
        const { el, service } = await mount(ended);
        expect(byDataId(el, 'outcome')!.textContent).toBe('Outcome: Live contact');
        expect(buttonNames(el)).toEqual(['Answering Machine', 'Fax', 'Bad Number', 'Save']);
        await expect(el).toBeAccessible();
        // No disposition: the list says so as its own description (the base component's message when missing).
        const list = byDataId(el, 'disposition') as HTMLElement & {
            required: boolean;
            messageWhenValueMissing: string;
            reportValidity: () => boolean;
        };
        expect([list.required, list.messageWhenValueMissing]).toEqual([true, 'Choose a disposition.']);
        const reported = jest.fn(() => false);
        list.reportValidity = reported;
        const focused = jest.fn();
        list.focus = focused;
        await click(findButton(el, 'Save'));
        expect(reported).toHaveBeenCalledTimes(1);
        expect(byDataId(el, 'wrap-up-error')).toBeNull();
        expect(service.callsOf('saveDisposition')).toHaveLength(0);
        // The agent is put back in the list (the base component's focus reaches its input).
        expect(focused).toHaveBeenCalledTimes(1);
        await change(list, 'disp-2');
        // Chosen, the list drops its message at once (not on leaving it, under the pointer on its way to Save).
        expect(reported).toHaveBeenCalledTimes(2);
        await click(findButton(el, 'Save'));
        expect(byDataId(el, 'notes-error')!.textContent!.trim()).toBe('Notes are required for this disposition.');
        await change(byDataId(el, 'wrap-up-notes'), 'Call back on Friday', 'input');
        await click(findButton(el, 'Save'));
        expect(service.callsOf('saveDisposition')).toEqual([
            { method: 'saveDisposition', args: ['call-1', 'disp-2', 'Call back on Friday'] }
        ]);
        el.view = makeCallView({ status: CallStatus.Ended }, { wrapUp: { saved: true, error: null } });
        await flush();
        expect(byDataId(el, 'wrap-up')).toBeNull();
        expect(byDataId(el, 'wrap-up-saved')!.textContent).toBe('Disposition saved.');
        await expect(el).toBeAccessible();
    });

    it('CL-1 AM-3 shows a new status at once: controls it ends go with it, controls it brings follow a task later', async () => {
        const { el } = await mount(makeCallView({ status: CallStatus.Active }));
        expect(findButton(el, 'End Call')).not.toBeNull();
        el.view = makeCallView(
            { status: CallStatus.Ended, answeredAt: NOW },
            { wrapUp: { saved: false, error: null } }
        );
        // Microtasks only: the card's render, no timer.
        await Promise.resolve().then().then().then();
        expect(byDataId(el, 'status')!.textContent).toBe('Ended');
        expect(findButton(el, 'End Call')).toBeNull();
        expect(byDataId(el, 'wrap-up')).toBeNull();
        await flush();
        expect(byDataId(el, 'wrap-up')).not.toBeNull();
    });

    it('UB-4 a new snapshot time alone renders nothing again: the counters read the clock, the buttons stay', async () => {
        let clockAt = NOW;
        const { el } = await mount(makeCallView({ status: CallStatus.Active, statusSince: NOW - 65_000 }), {
            clock: () => clockAt
        });
        const endCall = findButton(el, 'End Call');
        const changes: MutationRecord[] = [];
        const observer = new MutationObserver((records) => changes.push(...records));
        observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
        // The console hands every card the time of each snapshot, whichever line changed.
        clockAt = NOW + 1_000;
        el.now = NOW + 1_000;
        await flush();
        observer.disconnect();
        expect(changes).toEqual([]);
        expect(findButton(el, 'End Call')).toBe(endCall);
        // The counter still reads the time from the clock.
        clockAt = NOW + 10_000;
        el.view = makeCallView({ status: CallStatus.Active, statusSince: NOW - 50_000, muted: true });
        await flush();
        expect(counterText(el, 'time-in-state')).toBe('1:00');
        expect(findButton(el, 'End Call')).toBe(endCall);
    });

    it('CL-1 follows its own call through the calls feed; another call changing renders nothing here', async () => {
        let listener: ((calls: readonly CallView[]) => void) | null = null;
        const mine = makeCallView({ id: 'c1', line: 1, status: CallStatus.Ringing });
        const other = makeCallView({ id: 'c2', line: 2, status: CallStatus.Ringing });
        const feed = {
            value: [mine, other] as readonly CallView[],
            subscribe(l: (calls: readonly CallView[]) => void) {
                listener = l;
                return () => {
                    listener = null;
                };
            }
        };
        const { el } = await mount(mine, { callId: 'c1', callsFeed: feed });
        // A property set from outside a template comes back as LWC's read-only proxy; the feed's own objects follow.
        listener!([mine, other]);
        await flush();
        const changes: MutationRecord[] = [];
        const observer = new MutationObserver((records) => changes.push(...records));
        observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
        listener!([mine, makeCallView({ id: 'c2', line: 2, status: CallStatus.Active })]);
        await flush();
        expect(changes.map((c) => `${c.type} ${c.target.textContent ?? ''}`)).toEqual([]);
        listener!([makeCallView({ id: 'c1', line: 1, status: CallStatus.Active }), other]);
        await flush();
        observer.disconnect();
        expect(byDataId(el, 'status')!.textContent).toBe('Active');
        el.remove();
        expect(listener).toBeNull();
    });

    it('CL-1 UB-5 formats the number once per call, not on every status change', async () => {
        const { el } = await mount(makeCallView({ status: CallStatus.Dialing }));
        const format = jest.spyOn(pcFormat, 'formatPhone');
        try {
            el.view = makeCallView({ status: CallStatus.Ringing });
            await flush();
            el.view = makeCallView({ status: CallStatus.Active });
            await flush();
            expect(byDataId(el, 'status')!.textContent).toBe('Active');
            expect(byDataId(el, 'number')!.textContent).toBe('(312) 555-0100');
            expect(format).not.toHaveBeenCalled();
            el.view = makeCallView({ status: CallStatus.Active, number: '+13125550199' });
            await flush();
            expect(byDataId(el, 'number')!.textContent).toBe('(312) 555-0199');
            expect(format).toHaveBeenCalledTimes(1);
        } finally {
            format.mockRestore();
        }
    });

    it('CL-4 keeps the wrap-up and shows the error when saving fails', async () => {
        const failed = makeCallView(
            { status: CallStatus.Ended },
            { wrapUp: { saved: false, error: makeError({ code: ErrorCode.Network }) } }
        );
        const { el } = await mount(failed);
        expect(byDataId(el, 'wrap-up-error')!.textContent).toBe('A network problem interrupted the request.');
        expect(findButton(el, 'Save')).not.toBeNull();
        await expect(el).toBeAccessible();
    });

    it('RS-4 shows a callback like an inbound call', async () => {
        const { el } = await mount(makeCallView({ direction: CallDirection.Callback, status: CallStatus.Active }));
        expect(byDataId(el, 'callback')!.textContent).toBe('Callback');
        const icon = el.shadowRoot!.querySelector('lightning-icon') as unknown as { iconName: string };
        expect(icon.iconName).toBe('utility:incoming_call');
        await expect(el).toBeAccessible();
    });

    it('BX-4 names the machine-override shortcuts in each title', async () => {
        const { el } = await mount(makeCallView({ status: CallStatus.Dialing }));
        expect(['Answering Machine', 'Fax', 'Bad Number'].map((n) => stub(el, n).title)).toEqual([
            'Answering Machine (Alt+Shift+5)',
            'Fax (Alt+Shift+6)',
            'Bad Number (Alt+Shift+7)'
        ]);
    });
});
