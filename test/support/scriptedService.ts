/**
 * A console service on a scripted dialer: every dialer event is emitted by the test, so the store's contract and
 * the defensive paths a well-behaved simulated dialer never takes (bad data, failures, foreign errors) can be driven
 * one by one. Shared by the service's store and mutation suites.
 */
import { ConsoleService } from 'c/pcService';
import { DialerError, DialerEvents } from 'c/pcDialerPort';
import type { DialerAdapter, DialerEventHandler, DialerEventName, DialerSignIn, SessionInfo } from 'c/pcDialerPort';
import type { PresencePort } from 'c/pcPresencePort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { AgentState, AttemptsHistory, Call, CallingRecord, DialerCapabilities, Preview } from 'c/pcModel';
import { flush } from './time';

export const T0 = Date.UTC(2027, 0, 11, 15, 0, 0);

export const RECORD: CallingRecord = {
    id: 'rec-1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    timeZone: 'America/Chicago',
    salesforceId: '003000000000001',
    fields: { BalanceDue: '$12.00' }
};

export const WORKING: AgentState = {
    status: 'Working',
    skillId: 'pc-1',
    skillName: 'PC One',
    unavailableCode: null,
    pending: null,
    since: T0
};

export const CAPS: DialerCapabilities = {
    maxLines: 3,
    previewActions: ['Accept', 'Requeue', 'Snooze'],
    machineOverrides: ['AnsweringMachine'],
    attemptsHistory: true,
    transferKinds: ['Skill'],
    mute: true,
    hold: true,
    rescheduleDeliverTo: ['Me', 'Skill'],
    rescheduleTimeZone: true
};

export function call(overrides: Partial<Call> = {}): Call {
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

export const PREVIEW: Preview = {
    id: 'preview-1',
    skillId: 'pc-1',
    record: RECORD,
    destinationId: 'rec-1-phone',
    number: '+13125550100',
    attemptsSoFar: 2,
    actions: ['Accept', 'Requeue', 'Snooze', 'Reschedule'],
    offeredAt: T0,
    timeout: null
};

export const HISTORY: AttemptsHistory = {
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
export class ScriptedDialer implements DialerAdapter {
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

/** The Contact the default started service's org holds (the preview's record). */
export const ADA_CONTACT = {
    id: '003000000000001',
    name: 'Ada Lovelace',
    phone: '+13125550100',
    email: null,
    accountName: 'Analytical Engines',
    title: null,
    mailingCity: null,
    fields: {},
    dialerRecordId: 'rec-1'
};

/** How a test's scripted service differs from the default. */
export interface ScriptedOptions {
    /** The org's Contacts (default: none; a started service's org holds Ada). */
    readonly contacts?: readonly (typeof ADA_CONTACT)[];
    /** The org itself, where the test holds on to it. */
    readonly gateway?: InMemorySalesforceGateway;
    /** Sets the dialer up as it is before the service sees it. */
    readonly prepare?: (dialer: ScriptedDialer) => void;
    /** The virtual clock's start (default T0). */
    readonly startAt?: number;
    /** The settings as given to the service (default: the defaults on three lines); `undefined` reads the org's. */
    readonly settings?: unknown;
    readonly signIn?: DialerSignIn;
    readonly presence?: PresencePort;
}

/** A service on a scripted dialer, an in-memory org and a virtual clock; not started. */
export function scripted(options: ScriptedOptions = {}) {
    const clock = new VirtualClock({ startAt: options.startAt ?? T0 });
    const dialer = new ScriptedDialer();
    options.prepare?.(dialer);
    const gateway = options.gateway ?? new InMemorySalesforceGateway({ contacts: [...(options.contacts ?? [])] });
    const service = new ConsoleService({
        adapter: dialer,
        gateway,
        clock,
        settings: 'settings' in options ? options.settings : { ...DEFAULT_SETTINGS, linesPerAgent: 3 },
        ...(options.signIn ? { signIn: options.signIn } : {}),
        ...(options.presence ? { presence: options.presence } : {})
    });
    return { clock, dialer, gateway, service };
}

/** A service started as `scripted` builds it, its org holding Ada, with `settings` over the defaults on three lines. */
export async function started(settings: Record<string, unknown> = {}, options: ScriptedOptions = {}) {
    const rig = scripted({
        contacts: [ADA_CONTACT],
        ...options,
        settings: { ...DEFAULT_SETTINGS, linesPerAgent: 3, ...settings }
    });
    await rig.service.start();
    await flush();
    return rig;
}
