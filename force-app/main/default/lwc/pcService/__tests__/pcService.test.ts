/**
 * Unit tests of the console service against a small scripted dialer: the store's contract and the
 * defensive paths a well-behaved simulated dialer never takes (bad data, failures, foreign errors).
 */
import { ConsoleService } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { flush } from 'test-support/time';
import { call, HISTORY, PREVIEW, ScriptedDialer, started, T0 } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

describe('c-pc-service store and defences', () => {
    it('publishes a new snapshot per change and shares the unchanged parts by reference', async () => {
        const { dialer, service } = await started();
        const before = service.getState();
        const seen: unknown[] = [];
        const off = service.subscribe((s) => seen.push(s));
        dialer.events.emit('callUpdated', call());
        const after = service.getState();
        expect(after).not.toBe(before);
        expect(Object.isFrozen(after)).toBe(true);
        expect(after.skills).toBe(before.skills);
        expect(after.settings).toBe(before.settings);
        expect(seen).toEqual([after]);
        off();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        expect(seen).toHaveLength(1);
    });

    it('a listener that throws does not stop the others', async () => {
        const { dialer, service } = await started();
        const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        const good = jest.fn();
        service.subscribe(() => {
            throw new Error('boom');
        });
        service.subscribe(good);
        dialer.events.emit('callUpdated', call());
        expect(good).toHaveBeenCalledTimes(1);
        spy.mockRestore();
    });

    it('CL-1 a call beyond the lines setting is not shown and is reported once as a protocol error', async () => {
        const { dialer, service } = await started({ linesPerAgent: 1 });
        dialer.events.emit('callUpdated', call());
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2 }));
        dialer.events.emit('callUpdated', call({ id: 'call-2', line: 2, status: 'Ringing' }));
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1']);
        expect(service.getState().errors.filter((e) => e.code === 'Protocol')).toHaveLength(1);
    });

    it('SP-1 a Salesforce failure becomes an error and the pop still shows the dialer data', async () => {
        const { dialer, gateway, service } = await started();
        gateway.failNext('findContact', 'Unauthorized');
        dialer.events.emit('callUpdated', call({ status: 'AMD' }));
        expect(service.getState().screenPop).toMatchObject({ loading: true, valueTwo: { value: '$12.00' } });
        await flush();
        const state = service.getState();
        expect(state.screenPop).toMatchObject({ loading: false, contact: null, valueTwo: { value: '$12.00' } });
        expect(state.screenPop?.attemptsHistory).toEqual(HISTORY);
        expect(state.errors).toEqual([
            expect.objectContaining({ source: 'Salesforce', code: 'Unauthorized', command: 'screenPop' })
        ]);
    });

    it('SP-5 Accept is withdrawn when the dialer says the previewed destination is DNC', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('previewOffered', PREVIEW);
        expect(service.getState().preview?.actions).toEqual(['Accept', 'Requeue', 'Snooze']);
        const dnc = { ...HISTORY, destinations: [{ ...HISTORY.destinations[0]!, unavailableReason: 'DNC' as const }] };
        dialer.events.emit('attemptsUpdated', dnc);
        expect(service.getState().preview?.actions).toEqual(['Requeue', 'Snooze']);
        const result = await service.acceptPreview();
        expect(result).toMatchObject({ ok: false, error: { code: 'Unsupported' } });
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
    });

    it('PV-4 Reschedule is never shown where the dialer does not offer it, whatever the settings', async () => {
        const { dialer, service } = await started({ rescheduleEnabled: true });
        dialer.events.emit('previewOffered', PREVIEW);
        expect(service.getState().preview?.actions).not.toContain('Reschedule');
    });

    it('AM-1 an override the dialer does not offer is refused and nothing is sent', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        const result = await service.overrideMachine('call-1', 'Fax');
        expect(result).toMatchObject({ ok: false, error: { code: 'Unsupported' } });
        expect(dialer.overrideMachine).not.toHaveBeenCalled();
    });

    it('BX-5 shows reconnecting with its detail and attempt', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('connection', {
            status: 'Reconnecting',
            detail: 'retrying in 4 s',
            attempt: 2,
            nextRetryAt: T0 + 4000
        });
        expect(service.getState().connection).toEqual({
            status: 'Reconnecting',
            detail: 'retrying in 4 s',
            attempt: 2,
            nextRetryAt: T0 + 4000
        });
    });

    it('a foreign error never puts its message (which may hold PII) in state, and can be dismissed', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.hold.mockRejectedValueOnce(new Error('hold failed for Ada Lovelace at +13125550100'));
        const result = await service.hold('call-1');
        expect(result.ok).toBe(false);
        const [error] = service.getState().errors;
        expect(error).toMatchObject({ source: 'Dialer', code: 'Unknown', command: 'hold' });
        expect(error!.detail).not.toMatch(/Lovelace|555/);
        service.dismissError(error!.id);
        expect(service.getState().errors).toEqual([]);
    });

    it('commands resolve, never reject, even when the adapter throws synchronously', async () => {
        expect.assertions(2);
        const { dialer, service } = await started();
        dialer.events.emit('previewOffered', PREVIEW);
        dialer.requeuePreview.mockImplementationOnce(() => {
            throw new DialerError('NotConnected', 'requeue: not connected');
        });
        const result = await service.requeuePreview();
        expect(result).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
        expect(service.getState().preview).toMatchObject({ failedAction: 'Requeue', pending: null });
    });

    it('PV-6 the window closes when the dialer confirms by event, before the command resolves', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('previewOffered', PREVIEW);
        const confirm = holdOnce(dialer.snoozePreview);
        const pending = service.snoozePreview();
        expect(service.getState().preview?.pending).toBe('Snooze');
        dialer.events.emit('previewClosed', { previewId: 'preview-1', reason: 'Snoozed' });
        expect(service.getState().preview).toBeNull();
        confirm();
        expect((await pending).ok).toBe(true);
    });

    it('AD-3 reads the settings from Salesforce when none were given, and starts on defaults when that fails', async () => {
        const clock = new VirtualClock({ startAt: T0 });
        const gateway = new InMemorySalesforceGateway({ settings: { linesPerAgent: 2 } });
        gateway.failNext('getSettings', 'Permission');
        const service = new ConsoleService({ adapter: new ScriptedDialer(), gateway, clock });
        expect((await service.start()).ok).toBe(true);
        expect(service.getState().settings).toEqual(DEFAULT_SETTINGS);
        expect(service.getState().errors).toEqual([
            expect.objectContaining({ source: 'Salesforce', code: 'Permission', command: 'getSettings' })
        ]);
        const second = new ConsoleService({ adapter: new ScriptedDialer(), gateway, clock });
        await second.start();
        expect(second.getState().settings.linesPerAgent).toBe(2);
        expect(second.getState().settingsProblems.length).toBeGreaterThan(0);
    });

    it('BX-2 a joined session shows its calls and preview at once', async () => {
        const clock = new VirtualClock({ startAt: T0 });
        const dialer = new ScriptedDialer();
        dialer.session = {
            ...dialer.session,
            joined: true,
            calls: [call({ status: 'Active', answeredAt: T0 })],
            preview: null
        };
        const service = new ConsoleService({
            adapter: dialer,
            gateway: new InMemorySalesforceGateway(),
            clock,
            settings: DEFAULT_SETTINGS
        });
        await service.start();
        expect(service.getState().calls.map((v) => v.call.status)).toEqual(['Active']);
        expect(service.getState().screenPop?.forId).toBe('call-1');
        expect(dialer.listDispositions).toHaveBeenCalledWith('pc-1');
    });
});
