import PcConfirmation from 'c/pcConfirmation';
import type { Confirmation } from 'c/pcModel';
import { byDataId, cleanup, click, flush, render } from 'test-support/lwc';

const BASE: Confirmation = {
    id: 1,
    action: 'Reschedule',
    contactName: 'Ada Lovelace',
    number: '+13125550100',
    at: Date.UTC(2027, 0, 5, 15), // Tue 5 Jan 2027, 09:00 in Chicago
    timeZone: 'America/Chicago',
    contactTimeZone: 'America/Chicago'
};

async function mount(confirmation: Confirmation | null, agentTimeZone = 'America/New_York') {
    return render<HTMLElement>('c-pc-confirmation', PcConfirmation, { confirmation, agentTimeZone });
}

describe('c-pc-confirmation', () => {
    afterEach(cleanup);

    it("UB-7 confirms a booked callback in the contact's time and the agent's, in a polite status region", async () => {
        const el = await mount(BASE);
        const region = byDataId(el, 'confirmation')!;
        expect(region.getAttribute('role')).toBe('status');
        expect(region.getAttribute('aria-live')).toBe('polite');
        expect(byDataId(el, 'confirmation-text')!.textContent).toBe(
            'Callback booked for 01/05/2027 09:00:00 Central Time — 01/05/2027 10:00:00 Eastern Time your time.'
        );
        await expect(el).toBeAccessible();
    });

    it('UB-7 says the time once when the agent shares the contact’s zone', async () => {
        const el = await mount(BASE, 'America/Chicago');
        expect(byDataId(el, 'confirmation-text')!.textContent).toBe(
            'Callback booked for 01/05/2027 09:00:00 Central Time.'
        );
    });

    it.each([
        ['Accept', 'Calling Ada Lovelace at (312) 555-0100.'],
        ['Requeue', "Ada Lovelace went back to the skill's queue."],
        ['Snooze', 'Ada Lovelace went back to your personal queue.'],
        ['Disposition', 'Ada Lovelace closed without dialing.'],
        ['WrapUp', 'Wrap-up saved for Ada Lovelace.'],
        ['AnsweringMachine', 'Ada Lovelace at (312) 555-0100 marked as an answering machine.'],
        ['Fax', 'Ada Lovelace at (312) 555-0100 marked as a fax machine.'],
        ['BadNumber', 'Ada Lovelace at (312) 555-0100 marked as a bad number.'],
        ['Voicemail', 'Voicemail left for Ada Lovelace at (312) 555-0100.']
    ] as const)('UB-7 UB-5 confirms %s in words, with the number formatted', async (action, text) => {
        const el = await mount({ ...BASE, action, at: null });
        expect(byDataId(el, 'confirmation-text')!.textContent).toBe(text);
    });

    it('UB-7 WU-1 says the wrap-up time ran out and names the disposition saved, not as a save of the agent', async () => {
        const el = await mount({ ...BASE, action: 'WrapUpAtZero', at: null, disposition: 'Completed' });
        expect(byDataId(el, 'confirmation-text')!.textContent).toBe('Time ran out: Completed saved for Ada Lovelace.');
        await expect(el).toBeAccessible();
    });

    it('UB-7 AV-3 confirms a Logout, which names no contact', async () => {
        const el = await mount({ ...BASE, action: 'Logout', contactName: '', number: '', at: null });
        expect(byDataId(el, 'confirmation-text')!.textContent).toBe('Logged out of the dialer.');
    });

    it('UB-7 the agent can dismiss a confirmation; the status region stays for the next one', async () => {
        const el = await mount(BASE);
        await click(el.shadowRoot!.querySelector('lightning-button-icon') as HTMLElement);
        await flush();
        expect(byDataId(el, 'confirmation-text')).toBeNull();
        expect(byDataId(el, 'confirmation')).not.toBeNull();
    });
});
