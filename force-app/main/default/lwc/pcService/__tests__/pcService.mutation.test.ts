// Behaviour the mutation run showed no suite pinned down: the error list's bound, the screen-pops setting at
// the moment a contact answers. Same scripted dialer as the store suite: every event is emitted by the test.
import { ConsoleService, MAX_ERRORS } from 'c/pcService';
import { DialerError, DialerEvents } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventHandler, DialerEventName, SessionInfo } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { AgentState, AttemptsHistory, Call, CallingRecord, DialerCapabilities } from 'c/pcModel';
import { flush } from '../../../../../../test/service-harness';

const T0 = Date.UTC(2027, 0, 11, 15, 0, 0);

const RECORD: CallingRecord = {
    id: 'rec-1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    timeZone: 'America/Chicago',
    salesforceId: '003000000000001',
    fields: { BalanceDue: '$12.00' }
};

const WORKING: AgentState = {
    status: 'Working',
    skillId: 'pc-1',
    skillName: 'PC One',
    unavailableCode: null,
    pending: null,
    since: T0
};

const CAPS: DialerCapabilities = {
    maxLines: 3,
    previewActions: ['Accept', 'Requeue', 'Snooze'],
    machineOverrides: ['AnsweringMachine'],
    attemptsHistory: true,
    transferKinds: ['Skill'],
    mute: true,
    hold: true
};

function call(overrides: Partial<Call> = {}): Call {
    return {
        id: 'call-1',
        line: 1,
        skillId: 'pc-1',
        record: RECORD,
        destinationId: 'rec-1-phone',
        number: '+13125550100',
        direction: 'Outbound',
        status: 'Dialing',
        mostLikely: true,
        muted: false,
        startedAt: T0,
        statusSince: T0,
        answeredAt: null,
        endedAt: null,
        outcome: null,
        ...overrides
    };
}

const HISTORY: AttemptsHistory = {
    recordId: 'rec-1',
    destinations: [
        {
            id: 'rec-1-phone',
            kind: 'Phone',
            description: 'PhoneNumber',
            value: '+13125550100',
            attempts: 2,
            maxAttempts: 10,
            availableAt: null,
            lastPresentation: null,
            lastOutcome: null,
            unavailableReason: null,
            cadenceOrder: 1
        }
    ],
    attempts: []
};

/** A dialer whose every command is a jest mock and whose events the test emits itself. */
class ScriptedDialer implements DialerAdapter {
    readonly name = 'scripted';
    readonly events = new DialerEvents();
    session: SessionInfo = { sessionId: 's', agentId: 'a', joined: false, agent: WORKING, calls: [], preview: null };
    connect = jest.fn(async () => this.session);
    disconnect = jest.fn(async () => undefined);
    listSkills = jest.fn(async () => [{ id: 'pc-1', name: 'PC One', isPersonalConnection: true }]);
    listUnavailableCodes = jest.fn(async () => [{ id: 'break', label: 'Break' }]);
    listDispositions = jest.fn(async () => [
        { id: 'done', label: 'Completed', outcome: 'Completed' as const, requiresNotes: false }
    ]);
    loginToSkill = jest.fn(async () => undefined);
    logout = jest.fn(async () => undefined);
    setAvailable = jest.fn(async () => undefined);
    setUnavailable = jest.fn(async () => undefined);
    acceptPreview = jest.fn(async () => undefined);
    requeuePreview = jest.fn(async () => undefined);
    snoozePreview = jest.fn(async () => undefined);
    reschedulePreview = jest.fn(async () => {
        throw new DialerError('Unsupported', 'not scripted');
    });
    dispositionPreview = jest.fn(async () => undefined);
    overrideMachine = jest.fn(async () => undefined);
    hold = jest.fn(async () => undefined);
    resume = jest.fn(async () => undefined);
    mute = jest.fn(async () => undefined);
    unmute = jest.fn(async () => undefined);
    endCall = jest.fn(async () => undefined);
    transfer = jest.fn(async () => undefined);
    disposition = jest.fn(async () => undefined);
    getAttemptsHistory = jest.fn(async () => HISTORY);

    capabilities(): DialerCapabilities {
        return CAPS;
    }

    on<K extends DialerEventName>(type: K, handler: DialerEventHandler<K>): () => void {
        return this.events.on(type, handler);
    }
}

async function started(settings: Record<string, unknown> = {}) {
    const clock = new VirtualClock({ startAt: T0 });
    const dialer = new ScriptedDialer();
    const gateway = new InMemorySalesforceGateway({
        contacts: [
            {
                id: '003000000000001',
                name: 'Ada Lovelace',
                phone: '+13125550100',
                email: null,
                accountName: 'Analytical Engines',
                title: null,
                mailingCity: null,
                fields: {},
                dialerRecordId: 'rec-1'
            }
        ]
    });
    const service = new ConsoleService({
        adapter: dialer,
        gateway,
        clock,
        settings: { ...DEFAULT_SETTINGS, linesPerAgent: 3, ...settings }
    });
    await service.start();
    await flush();
    return { clock, dialer, gateway, service };
}

describe('c-pc-service bounds and settings at their use', () => {
    it('keeps only the newest errors for the error panel, so a long shift does not grow without bound', async () => {
        const { dialer, service } = await started();
        const total = MAX_ERRORS + 10;
        for (let i = 1; i <= total; i += 1) dialer.events.emit('error', new DialerError('Network', `drop ${i}`));
        const errors = service.getState().errors;
        expect(errors).toHaveLength(MAX_ERRORS);
        expect(errors[0]?.detail).toBe('drop 11');
        expect(errors[MAX_ERRORS - 1]?.detail).toBe(`drop ${total}`);
    });

    it('keeps every error while there are no more than the panel holds', async () => {
        const { dialer, service } = await started();
        for (let i = 1; i <= MAX_ERRORS; i += 1) dialer.events.emit('error', new DialerError('Network', `drop ${i}`));
        const errors = service.getState().errors;
        expect(errors).toHaveLength(MAX_ERRORS);
        expect(errors[0]?.detail).toBe('drop 1');
    });

    it('SP-1 opens no screen pop when a contact answers where the admin turned screen pops off', async () => {
        const { dialer, service } = await started({ screenPopsEnabled: false });
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().calls.map((v) => v.call.status)).toEqual(['Active']);
        expect(service.getState().screenPop).toBeNull();
    });

    it('SP-1 opens the screen pop when a contact answers where screen pops are on', async () => {
        const { dialer, service } = await started({ screenPopsEnabled: true });
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().screenPop?.forId).toBe('call-1');
    });
});
