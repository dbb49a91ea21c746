import PcAttemptsHistory from 'c/pcAttemptsHistory';
import PcScreenPop from 'c/pcScreenPop';
import { ConsoleService } from 'c/pcService';
import { SimulatedDialer } from 'c/pcSimDialer';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import type { MemoryInteraction } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { AttemptsHistory, ConsoleState } from 'c/pcModel';
import { cleanup, flush, queryAll, render, textOf } from 'test-support/lwc';
import { settle, until } from 'test-support/time';

const START = Date.UTC(2026, 10, 24, 15, 0, 0);
const HOUR = 3_600_000;
const CONTACT_ID = '003000000000001AAA';

/** The Tasks the console logged for this contact on earlier days (BX-1), and one Task that is no attempt. */
const LOGGED: readonly MemoryInteraction[] = [
    logged('00T000000000001AAA', START - 50 * HOUR, '+13125550101', 'NoAnswer'),
    logged('00T000000000002AAA', START - 26 * HOUR, '+13125550101', 'AnsweringMachine'),
    logged('00T000000000003AAA', START - 25 * HOUR, '+13125550102', 'Busy'),
    {
        id: '00T000000000004AAA',
        contactId: CONTACT_ID,
        at: START - 10 * HOUR,
        subject: 'Send brochure',
        type: 'Task',
        outcome: null,
        notes: null
    }
];

function logged(id: string, at: number, number: string, outcome: 'NoAnswer' | 'AnsweringMachine' | 'Busy') {
    return {
        id,
        contactId: CONTACT_ID,
        at,
        subject: `Call: ${outcome}`,
        type: 'Call',
        outcome,
        notes: null,
        attempt: { number, outcome }
    };
}

/** A console on a dialer that keeps no Attempts History, previewing the one Contact above. */
async function popWithoutDialerHistory(): Promise<ConsoleState> {
    const clock = new VirtualClock({ startAt: START });
    const adapter = new SimulatedDialer({
        seed: 3,
        clock,
        latencyMs: 0,
        capabilities: { attemptsHistory: false },
        contacts: [
            {
                id: CONTACT_ID,
                dialerRecordId: 'PC-1001',
                firstName: 'Ava',
                lastName: 'Martinez',
                accountName: 'Northwind Traders',
                phones: [
                    { field: 'Phone', number: '(312) 555-0101' },
                    { field: 'MobilePhone', number: '(312) 555-0102' }
                ],
                email: null
            }
        ]
    });
    const gateway = new InMemorySalesforceGateway({
        contacts: [
            {
                id: CONTACT_ID,
                name: 'Ava Martinez',
                phone: '(312) 555-0101',
                email: null,
                accountName: 'Northwind Traders',
                title: null,
                mailingCity: null,
                fields: {},
                dialerRecordId: 'PC-1001'
            }
        ],
        interactions: LOGGED
    });
    const service = new ConsoleService({ adapter, gateway, clock, settings: { ...DEFAULT_SETTINGS } });
    // Between steps of virtual time, promise chains and a zero-delay timer run.
    const paced = { step: 100, turns: 1, timers: 1 };
    await settle(clock, service.start(), paced);
    const skill = service.getState().skills.find((s) => s.isPersonalConnection && s.id === 'skill-collections');
    await settle(clock, service.loginToSkill(skill!.id), paced);
    await until(clock, () => service.getState().screenPop?.attemptsHistory, { ...paced, maxMs: 100_000 });
    const state = service.getState();
    await service.stop();
    return state;
}

const cells = (row: Element) =>
    Object.fromEntries(
        Array.from(row.querySelectorAll('[data-col]')).map((c) => [c.getAttribute('data-col'), c.textContent!.trim()])
    );

describe('Attempts History built from Salesforce records', () => {
    let history: AttemptsHistory;

    let state: ConsoleState;

    beforeAll(async () => {
        state = await popWithoutDialerHistory();
        history = state.screenPop!.attemptsHistory!;
    });
    afterEach(cleanup);

    it("BX-1 SP-2 with a dialer without Attempts History, the pop's history is the contact's logged attempts per number", () => {
        expect(state.capabilities.attemptsHistory).toBe(false);
        expect(state.screenPop?.contact?.id).toBe(CONTACT_ID);
        expect(history.source).toBe('Salesforce');
        expect(history.recordId).toBe('PC-1001');
        expect(history.destinations.map((d) => [d.value, d.attempts, d.maxAttempts, d.lastOutcome])).toEqual([
            ['+13125550101', 2, null, 'AnsweringMachine'],
            ['+13125550102', 1, null, 'Busy']
        ]);
        // Numbered per destination, oldest first, as the Attempt Report of the guide.
        expect(history.attempts.map((a) => [a.number, a.destinationId, a.at, a.outcome])).toEqual([
            [1, history.destinations[0]!.id, START - 50 * HOUR, 'NoAnswer'],
            [2, history.destinations[0]!.id, START - 26 * HOUR, 'AnsweringMachine'],
            [1, history.destinations[1]!.id, START - 25 * HOUR, 'Busy']
        ]);
    });

    it("BX-1 SP-2 SP-4 the tab shows them in the guide's format, says they come from Salesforce and marks what is unknown", async () => {
        const el = await render<HTMLElement>('c-pc-attempts-history', PcAttemptsHistory, {
            history,
            showDestinations: true,
            now: START,
            timeZone: 'UTC'
        });
        expect(textOf(el)).toContain('Built from the attempts logged in Salesforce;');
        const rows = queryAll(el, '[data-id="destination"]');
        expect(rows.map(cells)).toEqual([
            {
                description: 'Phone',
                value: '(312) 555-0101',
                attempts: '2/Unknown',
                availableTime: 'Unknown',
                lastPresentation: '11/23/2026 13:00:00',
                lastOutcome: 'Answering machine',
                reason: 'Unknown'
            },
            {
                description: 'Phone',
                value: '(312) 555-0102',
                attempts: '1/Unknown',
                availableTime: 'Unknown',
                lastPresentation: '11/23/2026 14:00:00',
                lastOutcome: 'Busy',
                reason: 'Unknown'
            }
        ]);
        const titles = queryAll(el, '[data-id="attempt-title"]').map((t) => t.textContent);
        expect(titles).toEqual(['Attempt 1 (Phone)', 'Attempt 2 (Phone)', 'Attempt 1 (Phone)']);
        expect(queryAll(el, '[data-id="attempt-date"]')[0]?.textContent).toBe('11/22/2026 13:00:00');
        await expect(el).toBeAccessible();
    });

    it('SP-2 the screen pop offers the Attempts History tab for it', async () => {
        const el = await render<HTMLElement>('c-pc-screen-pop', PcScreenPop, {
            screenPop: state.screenPop,
            settings: state.settings,
            now: START,
            timeZone: 'UTC'
        });
        const tab = queryAll<HTMLElement>(el, '[role="tab"]').find((t) => t.textContent === 'Attempts History');
        expect(tab).toBeDefined();
        tab!.click();
        await flush();
        expect(textOf(el)).toContain('2/Unknown');
    });
});
