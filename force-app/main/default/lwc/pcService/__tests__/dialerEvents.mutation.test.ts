// The dialer's events and the service's lifecycle at their edges (CL-1, CP-1, AV-2, AV-3, PV-1, BX-2, BX-5): how
// many lines the agent gets, the callback gate, a skills update, what stopping ends, a wrap-up after an answered
// call whatever the last update says, and a preview closed by the dialer. Scripted dialer.
import { ConsoleService, MARQUEE_MS } from 'c/pcService';
import type { CallbackGate } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { Callback, DialerCapabilities } from 'c/pcModel';
import { flush, pass } from 'test-support/time';
import { call, CAPS, PREVIEW, ScriptedDialer, scripted, started, T0 } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

/** A dialer that asks the console before a callback rings. */
class GatedDialer extends ScriptedDialer {
    gate: CallbackGate | null = null;
    setCallbackGate = jest.fn((gate: CallbackGate | null) => {
        this.gate = gate;
    });
}

async function build(settings: Record<string, unknown> = {}, caps: Partial<DialerCapabilities> = {}) {
    const clock = new VirtualClock({ startAt: T0 });
    const dialer = new GatedDialer();
    dialer.capabilities = () => ({ ...CAPS, ...caps });
    const service = new ConsoleService({
        adapter: dialer,
        gateway: new InMemorySalesforceGateway({ contacts: [] }),
        clock,
        settings: { ...DEFAULT_SETTINGS, ...settings }
    });
    await service.start();
    await flush();
    return { clock, dialer, service };
}

function callback(overrides: Partial<Callback> = {}): Callback {
    return {
        id: 'cb-1',
        recordId: 'rec-9',
        contactName: 'Grace Hopper',
        number: '+13125550100',
        deliverTo: 'Me',
        dueAt: T0,
        timeZone: 'America/Chicago',
        notes: '',
        skillId: 'pc-1',
        ...overrides
    };
}

/** Offers calls on lines 1, 2, 3 in turn and returns the ids the console shows. */
function offerThree(dialer: ScriptedDialer, service: ConsoleService): string[] {
    for (const line of [1, 2, 3]) dialer.events.emit('callUpdated', call({ id: `call-${line}`, line }));
    return service.getState().calls.map((v) => v.call.id);
}

describe('c-pc-service how many lines the agent gets (CL-1)', () => {
    it('CL-1 the admin`s setting, never more than the dialer offers', async () => {
        const fewer = await build({ linesPerAgent: 3 }, { maxLines: 2 });
        expect(offerThree(fewer.dialer, fewer.service)).toEqual(['call-1', 'call-2']);
        const setting = await build({ linesPerAgent: 2 }, { maxLines: 3 });
        expect(offerThree(setting.dialer, setting.service)).toEqual(['call-1', 'call-2']);
    });

    it('CL-1 a dialer that states no line count is taken to offer three', async () => {
        const { dialer, service } = await build({ linesPerAgent: 3 }, { maxLines: 0 });
        expect(offerThree(dialer, service)).toEqual(['call-1', 'call-2', 'call-3']);
    });
});

describe('c-pc-service the callback gate (CP-1)', () => {
    it('CP-1 a callback due outside the calling window is held until its next legal instant, and the agent is told', async () => {
        // T0 is 07:00 in San Francisco, before the federal window opens at 08:00.
        const { dialer, service } = await build();
        expect(dialer.gate).not.toBeNull();
        const verdict = dialer.gate!(callback({ number: '+14155550123' }));
        expect(verdict).toEqual({ deliver: false, notBefore: T0 + 60 * 60_000 });
        expect(service.getState().errors.map((e) => [e.command, e.code])).toEqual([['callback', 'Compliance']]);
    });

    it('CP-1 a callback inside the rules rings, with nothing to tell', async () => {
        const { dialer, service } = await build();
        expect(dialer.gate!(callback())).toEqual({ deliver: true });
        expect(service.getState().errors).toEqual([]);
    });

    it('CP-3 a callback only warned about rings; the warning shows when it falls due', async () => {
        const warn = DEFAULT_SETTINGS.ruleSets.map((r) => (r.name === 'US_Federal' ? { ...r, mode: 'Warn' } : r));
        const { dialer, service } = await build({ ruleSets: warn });
        const early = callback({ number: '+14155550123' });
        expect(dialer.gate!(early)).toEqual({ deliver: true });
        expect(service.getState().errors).toEqual([]);
        dialer.events.emit('callbackDue', early);
        expect(service.getState().errors.map((e) => [e.command, e.compliance?.verdict])).toEqual([
            ['callback', 'Warn']
        ]);
    });

    it('CP-1 a callback due inside the rules shows no warning', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('callbackDue', callback());
        expect(service.getState().errors).toEqual([]);
    });

    it('AV-3 stopping takes the gate back from the dialer', async () => {
        const { dialer, service } = await build();
        await service.stop();
        expect(dialer.setCallbackGate).toHaveBeenLastCalledWith(null);
        expect(dialer.gate).toBeNull();
    });
});

describe('c-pc-service lifecycle edges', () => {
    it('AV-2 the dialer`s new skill list replaces the one shown', async () => {
        const { dialer, service } = await started();
        const skills = [
            { id: 'pc-1', name: 'PC One', isPersonalConnection: true },
            { id: 'pc-2', name: 'PC Two', isPersonalConnection: true }
        ];
        dialer.events.emit('skills', skills);
        expect(service.getState().skills).toEqual(skills);
    });

    it('AV-3 stopping shows Disconnected with no retry pending, and no timer of the shift fires after it', async () => {
        const { clock, dialer, service } = await started();
        dialer.events.emit('connection', { status: 'Reconnecting', detail: 'retry', attempt: 2, nextRetryAt: T0 + 1 });
        dialer.events.emit('agentMessage', { id: 'm-1', kind: 'Callback', at: T0, text: 'due', number: null });
        expect(service.getState().marquee?.id).toBe('m-1');
        await service.stop();
        const stopped = service.getState();
        expect(stopped.connection).toEqual({ status: 'Disconnected', detail: '', attempt: 0, nextRetryAt: null });
        await pass(clock, MARQUEE_MS * 2, { step: 1_000 });
        expect(service.getState()).toBe(stopped);
        expect(stopped.marquee?.id).toBe('m-1');
    });

    it('BX-2 a connection state the dialer announced while connecting is kept, not overwritten', async () => {
        const { dialer, service } = scripted({ settings: DEFAULT_SETTINGS });
        dialer.connect.mockImplementationOnce(async () => {
            dialer.events.emit('connection', {
                status: 'Reconnecting',
                detail: 'relay',
                attempt: 1,
                nextRetryAt: null
            });
            return dialer.session;
        });
        await service.start();
        await flush();
        expect(service.getState().connection).toMatchObject({ status: 'Reconnecting', detail: 'relay' });
    });

    it('BX-2 a refresh restores the agent`s state and calls as the dialer reports them', async () => {
        const { dialer, service } = scripted({ settings: DEFAULT_SETTINGS });
        const agent = { ...dialer.session.agent, status: 'Unavailable' as const, since: T0 - 5_000 };
        dialer.session = { ...dialer.session, agent, calls: [call({ status: 'Ringing' })] };
        await service.start();
        await flush();
        expect(service.getState().agent).toEqual(agent);
        expect(service.getState().calls).toEqual([{ call: call({ status: 'Ringing' }), pending: [], wrapUp: null }]);
        expect(service.getState().connection).toEqual({
            status: 'Connected',
            detail: '',
            attempt: 0,
            nextRetryAt: null
        });
    });

    it('CL-4 a call answered earlier goes to wrap-up even when its last update no longer says when it was answered', async () => {
        const { dialer, gateway, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', answeredAt: null, endedAt: T0 + 1000 }));
        await flush();
        expect(service.getState().calls[0]?.wrapUp).toMatchObject({ saved: false, error: null });
        expect(gateway.tasks()).toEqual([]);
    });

    it('CL-4 an update of a live call keeps the commands on their way', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const answer = holdOnce(dialer.hold);
        const holding = service.hold('call-1');
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0, muted: true }));
        expect(service.getState().calls[0]).toMatchObject({ pending: ['hold'], wrapUp: null, call: { muted: true } });
        answer();
        await holding;
    });
});

describe('c-pc-service a preview the dialer closes (PV-1, PV-6)', () => {
    it('PV-6 the dialer closing another preview than the one shown changes nothing', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('previewOffered', PREVIEW);
        const before = service.getState();
        dialer.events.emit('previewClosed', { previewId: 'other', reason: 'TimedOut' });
        expect(service.getState()).toBe(before);
    });

    it('PV-6 a preview closed without Accept takes its pop; one accepted keeps it for the call', async () => {
        const closed = await started();
        closed.dialer.events.emit('previewOffered', PREVIEW);
        closed.dialer.events.emit('previewClosed', { previewId: PREVIEW.id, reason: 'TimedOut' });
        expect(closed.service.getState()).toMatchObject({ preview: null, screenPop: null });

        const accepted = await started();
        accepted.dialer.events.emit('previewOffered', PREVIEW);
        accepted.dialer.events.emit('previewClosed', { previewId: PREVIEW.id, reason: 'Accepted' });
        expect(accepted.service.getState().preview).toBeNull();
        expect(accepted.service.getState().screenPop?.forId).toBe(PREVIEW.id);
        accepted.dialer.events.emit('callUpdated', call({ id: 'call-9' }));
        expect(accepted.service.getState().screenPop?.forId).toBe('call-9');
    });

    it('PV-6 a preview closed without Accept leaves the pop of a call alone', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('previewOffered', PREVIEW);
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        expect(service.getState().screenPop?.forId).toBe('call-1');
        dialer.events.emit('previewClosed', { previewId: PREVIEW.id, reason: 'TimedOut' });
        expect(service.getState().screenPop?.forId).toBe('call-1');
    });

    it('PV-1 a dialer that names no preview actions leaves the preview`s own actions', async () => {
        const { dialer, service } = await build({ rescheduleEnabled: true }, { previewActions: [] });
        dialer.events.emit('previewOffered', PREVIEW);
        expect(service.getState().preview?.actions).toEqual(['Accept', 'Requeue', 'Snooze', 'Reschedule']);
    });
});
