// The screen pop's loading at its edges (SP-1 .. SP-5, BX-1): the two values as the admin set them, what is asked
// of Salesforce, Attempts History from the dialer or from Salesforce, a pop overtaken by a newer one, and the
// bounded memory of the Contacts found. Scripted dialer and the in-memory Salesforce.
/* eslint-disable no-await-in-loop -- calls follow one another on one line */
import { DialerError } from 'c/pcDialerPort';
import type { ContactQuery } from 'c/pcSalesforcePort';
import { flush } from 'test-support/time';
import { call, CAPS, HISTORY, PREVIEW, RECORD, started, T0 } from 'test-support/scriptedService';
import { holdNext } from 'test-support/hold';

const ACCOUNT = { label: 'Account', source: 'ContactField', field: 'Account.Name' };

describe('c-pc-service what the screen pop shows', () => {
    it('SP-1 shows the dialer`s data at once, then the Contact, its history, its values and Attempts History', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        expect(service.getState().screenPop).toEqual({
            forId: 'call-1',
            record: RECORD,
            contact: null,
            valueOne: { label: 'Account', value: '' },
            valueTwo: { label: 'Balance due', value: '$12.00' },
            history: [],
            attemptsHistory: null,
            loading: true
        });
        await flush();
        const pop = service.getState().screenPop!;
        expect(pop.loading).toBe(false);
        expect(pop.contact?.id).toBe('003000000000001');
        expect(pop.valueOne).toEqual({ label: 'Account', value: 'Analytical Engines' });
        expect(pop.valueTwo).toEqual({ label: 'Balance due', value: '$12.00' });
        expect(pop.history).toEqual([]);
        expect(pop.attemptsHistory).toEqual(HISTORY);
    });

    it('SP-1 a dialer field is found whatever the case of its name, the exact name first; a missing one shows blank', async () => {
        const record = { ...RECORD, fields: { plan: 'lower', PLAN: 'upper', Balance: '$5.00' } };
        const exact = await started({
            valueOne: { label: 'Plan', source: 'DialerField', field: 'PLAN' },
            valueTwo: { label: 'Balance', source: 'DialerField', field: 'BALANCE' }
        });
        exact.dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0, record }));
        expect(exact.service.getState().screenPop?.valueOne.value).toBe('upper');
        expect(exact.service.getState().screenPop?.valueTwo.value).toBe('$5.00');

        const missing = await started({ valueTwo: { label: 'Due', source: 'DialerField', field: 'DueDate' } });
        missing.dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0, record }));
        await flush();
        expect(missing.service.getState().screenPop?.valueTwo).toEqual({ label: 'Due', value: '' });
    });

    it('SP-1 a Contact field the Contact leaves empty, or no Contact found, shows blank', async () => {
        const { dialer, service } = await started({
            valueTwo: { label: 'Title', source: 'ContactField', field: 'Title' }
        });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().screenPop?.valueTwo).toEqual({ label: 'Title', value: '' });
        expect(service.getState().screenPop?.valueOne.value).toBe('Analytical Engines');

        const stranger = { ...RECORD, id: 'rec-9', salesforceId: null };
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: T0, endedAt: T0 }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0, record: stranger, number: '+14155550199' })
        );
        await flush();
        expect(service.getState().screenPop?.contact).toBeNull();
        expect(service.getState().screenPop?.valueOne).toEqual({ label: 'Account', value: '' });
    });

    it('SP-1 asks Salesforce for the shown Contact fields and the place fields the rules read, each once', async () => {
        const { dialer, gateway } = await started({
            valueOne: ACCOUNT,
            valueTwo: { label: 'Account again', source: 'ContactField', field: 'Account.Name' }
        });
        const asked: ContactQuery[] = [];
        const find = gateway.findContact.bind(gateway);
        jest.spyOn(gateway, 'findContact').mockImplementation((q) => {
            asked.push(q);
            return find(q);
        });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(asked).toEqual([
            {
                salesforceId: '003000000000001',
                dialerRecordId: 'rec-1',
                phone: '+13125550100',
                fields: ['Account.Name', 'MailingCountry', 'MailingState']
            }
        ]);
    });
    it('SP-1 a value the admin takes from a dialer field is not asked of Salesforce as a Contact field', async () => {
        const { dialer, gateway, service } = await started({
            valueOne: ACCOUNT,
            valueTwo: { label: 'Balance due', source: 'DialerField', field: 'BalanceDue' }
        });
        const asked: ContactQuery[] = [];
        const find = gateway.findContact.bind(gateway);
        jest.spyOn(gateway, 'findContact').mockImplementation((q) => {
            asked.push(q);
            return find(q);
        });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(asked.map((q) => q.fields)).toEqual([['Account.Name', 'MailingCountry', 'MailingState']]);
        expect(service.getState().screenPop?.valueTwo).toEqual({ label: 'Balance due', value: '$12.00' });
    });

    it('SP-1 SP-4 UB-6 a dialer that throws instead of answering Attempts History still lets the pop load, the failure named', async () => {
        const { dialer, service } = await started();
        const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        dialer.getAttemptsHistory.mockImplementationOnce(() => {
            throw new DialerError('Protocol', 'adapter broke');
        });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        const state = service.getState();
        expect(state.screenPop).toMatchObject({ loading: false, attemptsHistory: null });
        expect(state.screenPop?.contact?.id).toBe('003000000000001');
        expect(state.errors.map((e) => [e.command, e.source, e.code])).toEqual([
            ['attemptsHistory', 'Dialer', 'Protocol']
        ]);
        expect(state.calls.map((v) => v.call.status)).toEqual(['Active']);
        expect(spy).not.toHaveBeenCalled();
        spy.mockRestore();
    });
});

describe('c-pc-service Attempts History in the pop (SP-4, BX-1)', () => {
    it('SP-5 a previewed destination the dialer`s Attempts History marks DNC loses Accept once the pop has loaded', async () => {
        const { dialer, service } = await started();
        const dnc = { ...HISTORY, destinations: [{ ...HISTORY.destinations[0]!, unavailableReason: 'DNC' as const }] };
        dialer.getAttemptsHistory.mockResolvedValueOnce(dnc);
        dialer.events.emit('previewOffered', PREVIEW);
        expect(service.getState().preview?.actions).toEqual(['Accept', 'Requeue', 'Snooze']);
        await flush();
        expect(dialer.getAttemptsHistory).toHaveBeenCalledWith('rec-1');
        expect(service.getState().screenPop?.attemptsHistory).toEqual(dnc);
        expect(service.getState().preview?.actions).toEqual(['Requeue', 'Snooze']);
        const result = await service.acceptPreview();
        expect(result.ok ? null : result.error.code).toBe('Unsupported');
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
    });

    it('SP-4 where the admin turned it off, the dialer is not asked and none shows', async () => {
        const { dialer, service } = await started({ attemptsHistoryEnabled: false });
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(dialer.getAttemptsHistory).not.toHaveBeenCalled();
        expect(service.getState().screenPop?.attemptsHistory).toBeNull();
        expect(service.getState().screenPop?.loading).toBe(false);
    });

    it('SP-4 a dialer that fails to give it is reported by name, and the pop still loads the Contact', async () => {
        const { dialer, service } = await started();
        dialer.getAttemptsHistory.mockRejectedValueOnce(new DialerError('Network', 'down'));
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        const state = service.getState();
        expect(state.screenPop).toMatchObject({ loading: false, attemptsHistory: null });
        expect(state.screenPop?.contact?.id).toBe('003000000000001');
        expect(state.errors.map((e) => [e.command, e.source])).toEqual([['attemptsHistory', 'Dialer']]);
    });

    it('BX-1 a dialer that keeps no Attempts History: the attempts logged to Salesforce stand in', async () => {
        const { dialer, gateway, service } = await started();
        dialer.capabilities = () => ({ ...CAPS, attemptsHistory: false });
        await service.stop();
        await service.start();
        await flush();
        // One attempt logged before: the pop's Attempts History is built from it.
        dialer.events.emit('callUpdated', call({ status: 'Dialing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', outcome: 'Busy', endedAt: T0 }));
        await flush();
        expect(gateway.tasks()).toHaveLength(1);
        dialer.events.emit('callUpdated', call({ id: 'call-2', status: 'Active', answeredAt: T0 }));
        await flush();
        expect(dialer.getAttemptsHistory).not.toHaveBeenCalled();
        const history = service.getState().screenPop?.attemptsHistory;
        expect(history?.recordId).toBe('rec-1');
        expect(history?.destinations.map((d) => [d.value, d.attempts])).toEqual([['+13125550100', 1]]);
        expect(history?.attempts.map((a) => a.outcome)).toEqual(['Busy']);
    });

    it('BX-1 with no Attempts History from the dialer and Salesforce failing, the pop shows the number with no attempts', async () => {
        const { dialer, gateway, service } = await started();
        dialer.capabilities = () => ({ ...CAPS, attemptsHistory: false });
        await service.stop();
        await service.start();
        await flush();
        gateway.failNext('findContact', 'Network');
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        const history = service.getState().screenPop?.attemptsHistory;
        expect(history?.destinations.map((d) => [d.value, d.attempts])).toEqual([['+13125550100', 0]]);
        expect(history?.attempts).toEqual([]);
        expect(service.getState().errors.map((e) => e.command)).toEqual(['screenPop']);
    });

    it('SP-4 where neither the dialer nor the admin wants it, none is built from Salesforce either', async () => {
        const { dialer, service } = await started({ attemptsHistoryEnabled: false });
        dialer.capabilities = () => ({ ...CAPS, attemptsHistory: false });
        await service.stop();
        await service.start();
        await flush();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().screenPop?.attemptsHistory).toBeNull();
    });
});

describe('c-pc-service a pop overtaken while it loads', () => {
    it('SP-1 a pop whose Salesforce answer comes after a newer pop opened leaves the newer one as it is', async () => {
        const { dialer, gateway, service } = await started();
        const release = holdNext(gateway, 'findContact');
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        // The same record answers on another line: a newer pop of the same record.
        dialer.events.emit('callUpdated', call({ status: 'Ended', endedAt: T0 }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Active', answeredAt: T0 }));
        await flush();
        const newer = service.getState().screenPop;
        expect(newer).toMatchObject({ forId: 'call-2', loading: false });
        release();
        await flush();
        expect(service.getState().screenPop).toBe(newer);
    });

    it('SP-1 a pop whose record was replaced on screen is not overwritten by its late answer', async () => {
        const { dialer, gateway, service } = await started();
        const release = holdNext(gateway, 'findContact');
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', endedAt: T0 }));
        expect(service.getState().screenPop).toBeNull();
        release();
        await flush();
        expect(service.getState().screenPop).toBeNull();
    });

    it('AV-3 a pop answering after the console stopped changes nothing', async () => {
        const { dialer, gateway, service } = await started();
        const release = holdNext(gateway, 'findContact');
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.stop();
        const stopped = service.getState();
        release();
        await flush();
        expect(service.getState()).toBe(stopped);
        expect(stopped.screenPop?.loading).toBe(true);
    });

    it('SP-1 a listener that throws while the pop loads does not leave an unhandled failure', async () => {
        const { dialer, service } = await started();
        const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        service.subscribe((s) => {
            if (!s.screenPop?.loading) throw new Error('render failed');
        });
        await flush();
        expect(service.getState().screenPop?.loading).toBe(false);
        expect(spy).toHaveBeenCalledWith('Console listener failed', 'Error');
        spy.mockRestore();
    });
});

describe('c-pc-service the Contacts it remembers for logging (BX-1)', () => {
    async function popAndEnd(rig: Awaited<ReturnType<typeof started>>, n: number): Promise<void> {
        const record = { ...RECORD, id: `rec-${n}`, salesforceId: null };
        const number = `+1312555${String(1000 + n).padStart(4, '0')}`;
        rig.dialer.events.emit('callUpdated', call({ id: `pop-${n}`, status: 'AMD', record, number }));
        await flush();
        rig.dialer.events.emit('callUpdated', call({ id: `pop-${n}`, status: 'Ended', record, number }));
        await flush();
        rig.dialer.events.emit('callRemoved', { callId: `pop-${n}` });
    }

    async function lookupsToLog(rig: Awaited<ReturnType<typeof started>>, n: number): Promise<number> {
        const before = rig.gateway.callCount('findContact');
        const record = { ...RECORD, id: `rec-${n}`, salesforceId: null };
        const number = `+1312555${String(1000 + n).padStart(4, '0')}`;
        rig.dialer.events.emit('callUpdated', call({ id: `log-${n}`, status: 'Dialing', record, number }));
        rig.dialer.events.emit('callUpdated', call({ id: `log-${n}`, status: 'Ended', record, number }));
        await flush();
        rig.dialer.events.emit('callRemoved', { callId: `log-${n}` });
        return rig.gateway.callCount('findContact') - before;
    }

    it('BX-1 the last 64 records popped are remembered; the oldest beyond them is looked up again', async () => {
        const rig = await started();
        for (let n = 1; n <= 64; n += 1) await popAndEnd(rig, n);
        expect(await lookupsToLog(rig, 1)).toBe(0);
        await popAndEnd(rig, 65);
        expect(await lookupsToLog(rig, 2)).toBe(0);
        expect(await lookupsToLog(rig, 1)).toBe(1);
    });

    it('BX-1 a record popped again counts as recent', async () => {
        const rig = await started();
        for (let n = 1; n <= 64; n += 1) await popAndEnd(rig, n);
        await popAndEnd(rig, 1);
        await popAndEnd(rig, 65);
        expect(await lookupsToLog(rig, 1)).toBe(0);
        expect(await lookupsToLog(rig, 2)).toBe(1);
    });
});
