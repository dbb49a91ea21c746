/* eslint-disable no-await-in-loop -- real time is stepped in order: each step awaits the one before */
import 'test-support/apexMocks';
import { buildConsoleService } from 'c/pcRuntime';
import type { RuntimeDeps } from 'c/pcRuntime';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { ConsoleApi, ConsoleState } from 'c/pcModel';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import type { MemoryContact } from 'c/pcMemoryGateway';
import { ManualClock } from 'test-support/clocks';
import { pass, until } from 'test-support/time';
import type { StepOptions } from 'test-support/time';

const NOW = Date.UTC(2026, 10, 24, 15, 0, 0);

/** The sample data's Contacts as an org holds them: phones as typed, a dialer record id on each. */
const CONTACTS: readonly MemoryContact[] = [
    contact('003000000000001AAA', 'Ava Martinez', '(312) 555-0101', 'Northwind Traders', 'PC-1001'),
    contact('003000000000002AAA', 'Ben Okafor', '312-555-0103', 'Northwind Traders', 'PC-1002'),
    contact('003000000000003AAA', 'Chloe Nguyen', '(212) 555-0104', 'Contoso Homes', 'PC-1003'),
    // Not marked for the dialer: never on the calling list.
    contact('003000000000004AAA', 'Dan Unmarked', '(212) 555-0199', 'Contoso Homes', null)
];

function contact(id: string, name: string, phone: string, accountName: string, dialerRecordId: string | null) {
    return {
        id,
        name,
        phone,
        email: null,
        accountName,
        title: null,
        mailingCity: null,
        fields: {},
        dialerRecordId
    };
}

function depsWith(gateway: InMemorySalesforceGateway, realTime: ManualClock): RuntimeDeps {
    return {
        gateway,
        now: () => NOW,
        realTime,
        pageOrigin: 'https://acme.lightning.force.com',
        createCxoneAdapter: () => {
            throw new Error('no CXone in this test');
        },
        createCxoneTokens: () => {
            throw new Error('no CXone in this test');
        }
    };
}

/** Sends a command without awaiting it: it completes only as the paced clock moves. */
function send(command: Promise<unknown>): void {
    command.catch(() => undefined);
}

/** Real time moves 200 ms a step, the paced dialer's I/O running between steps. */
const PACED: StepOptions = { step: 200, maxMs: 120_000, turns: 5, timers: 1 };

/** Moves real time until the console's state passes `test`, and returns that state. */
async function stateWhen(realTime: ManualClock, service: ConsoleApi, test: (s: ConsoleState) => boolean) {
    await until(realTime, () => test(service.getState()), PACED);
    return service.getState();
}

describe('the simulated dialer in an org', () => {
    const settings = { ...DEFAULT_SETTINGS, dialerAdapter: 'Simulated', previewEnabled: true };

    it("SP-1 AD-1 the calling list is the gateway's marked Contacts, so the preview's pop is that very Contact with its Value one", async () => {
        const gateway = new InMemorySalesforceGateway({ contacts: CONTACTS, settings });
        const realTime = new ManualClock(NOW);
        const service = await buildConsoleService({}, depsWith(gateway, realTime));
        send(service.start());
        await stateWhen(realTime, service, (s) => s.connection.status === 'Connected');
        const skills = service.getState().skills.filter((s) => s.isPersonalConnection);
        const seen = new Map<string, ConsoleState['screenPop']>();
        // Each PC skill holds some of the three Contacts; visit them all and requeue each preview.
        for (const skill of skills) {
            // Commands complete on the paced clock: send, then move real time until they have.
            send(service.loginToSkill(skill.id));
            for (let n = 0; n < 3; n += 1) {
                const s = await stateWhen(
                    realTime,
                    service,
                    (x) => !!x.preview && x.screenPop?.forId === x.preview.preview.id && !x.screenPop.loading
                );
                if (!s.preview) break;
                seen.set(s.preview.preview.record.id, s.screenPop);
                send(service.requeuePreview());
                await pass(realTime, 1000, PACED);
                if (seen.size === 3) break;
            }
            if (seen.size === 3) break;
            send(service.logout());
            await stateWhen(realTime, service, (x) => x.agent.status === 'LoggedOut');
        }
        send(service.stop());
        await pass(realTime, 1000, PACED);

        expect([...seen.keys()].sort()).toEqual(['PC-1001', 'PC-1002', 'PC-1003']);
        const ava = seen.get('PC-1001');
        expect(ava?.record.salesforceId).toBe('003000000000001AAA');
        expect(ava?.contact?.id).toBe('003000000000001AAA');
        expect(ava?.contact?.name).toBe('Ava Martinez');
        // Value one is the shipped Account.Name: the real account, not a made-up one.
        expect(ava?.valueOne).toEqual({ label: 'Account', value: 'Northwind Traders' });
        expect(seen.get('PC-1003')?.valueOne.value).toBe('Contoso Homes');
        expect(gateway.callCount('getCallingListContacts')).toBe(1);
    });

    it('SP-1 the in-memory gateway gives the simulated dialer its marked Contacts, with the numbers as typed', async () => {
        const gateway = new InMemorySalesforceGateway({ contacts: CONTACTS });
        const list = await gateway.getCallingListContacts();
        expect(list.map((c) => c.dialerRecordId)).toEqual(['PC-1001', 'PC-1002', 'PC-1003']);
        expect(list[0]).toEqual({
            id: '003000000000001AAA',
            dialerRecordId: 'PC-1001',
            firstName: 'Ava',
            lastName: 'Martinez',
            accountName: 'Northwind Traders',
            phones: [{ field: 'Phone', number: '(312) 555-0101' }],
            email: null
        });
    });

    it('SP-1 a CXone console never reads the demo Contacts', async () => {
        const gateway = new InMemorySalesforceGateway({ contacts: CONTACTS, settings });
        const realTime = new ManualClock(NOW);
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const service = await buildConsoleService({ dialerAdapter: 'CXone' }, depsWith(gateway, realTime));
        warn.mockRestore();
        expect(gateway.callCount('getCallingListContacts')).toBe(0);
        send(service.stop());
    });
});
