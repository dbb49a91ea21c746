/**
 * The rig the service suites, the property test and the engine benchmark share: the real ConsoleService on
 * the simulated dialer and the in-memory Salesforce, all on one virtual clock, with every command the adapter
 * received recorded, plus a scripted agent that works the console while virtual time passes.
 */
import { ConsoleService } from 'c/pcService';
import { SimulatedDialer } from 'c/pcSimDialer';
import type { SimulatedDialerOptions } from 'c/pcSimDialer';
import { InMemorySalesforceGateway, seedFromRecords } from 'c/pcMemoryGateway';
import { VirtualClock } from 'c/pcVirtualClock';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { ConsoleState, DialerCapabilities, Settings } from 'c/pcModel';
import type { PresencePort } from 'c/pcPresencePort';
import { recordCommands } from './recorders';
import type { SentCommand } from './recorders';
import { settle, until } from './time';

/** 2027-01-11T15:00:00Z: a Monday, 09:00 in Chicago. */
export const RIG_START = Date.UTC(2027, 0, 11, 15, 0, 0);

export interface RigOptions {
    readonly seed?: number;
    readonly lines?: number;
    readonly preview?: boolean;
    readonly latencyMs?: number;
    readonly previewTimeoutSeconds?: number | null;
    readonly settings?: Partial<Settings> | Record<string, unknown>;
    readonly capabilities?: Partial<DialerCapabilities>;
    readonly recordCount?: number;
    readonly recordEvents?: boolean;
    readonly otherAgentsAvailable?: boolean;
    readonly contactHangsUp?: boolean;
    readonly startAt?: number;
    /** Omni-Channel for the service to keep in step (WU-5). */
    readonly presence?: PresencePort;
}

export interface Rig {
    readonly clock: VirtualClock;
    readonly dialer: SimulatedDialer;
    readonly gateway: InMemorySalesforceGateway;
    readonly service: ConsoleService;
    /** Every command that reached the adapter, in order. */
    readonly sent: SentCommand[];
    state(): ConsoleState;
}

/** Builds the rig: dialer, Salesforce seeded from its calling list, and the service. Not started. */
export function makeRig(options: RigOptions = {}): Rig {
    const clock = new VirtualClock({ startAt: options.startAt ?? RIG_START });
    const dialerOptions: SimulatedDialerOptions = {
        seed: options.seed ?? 42,
        clock,
        lines: options.lines ?? 1,
        preview: options.preview ?? true,
        previewTimeoutSeconds: options.previewTimeoutSeconds ?? null,
        latencyMs: options.latencyMs ?? 0,
        recordCount: options.recordCount ?? 60,
        recordEvents: options.recordEvents ?? true,
        capabilities: options.capabilities,
        otherAgentsAvailable: options.otherAgentsAvailable ?? true,
        contactHangsUp: options.contactHangsUp ?? false
    };
    const dialer = new SimulatedDialer(dialerOptions);
    const seeded = seedFromRecords(dialer.control.records(), options.seed ?? 42, clock.now());
    const gateway = new InMemorySalesforceGateway({ ...seeded, clock });
    const sent: SentCommand[] = [];
    const service = new ConsoleService({
        adapter: dialer,
        gateway,
        clock,
        settings: { ...DEFAULT_SETTINGS, linesPerAgent: options.lines ?? 1, ...(options.settings ?? {}) },
        ...(options.presence ? { presence: options.presence } : {})
    });
    recordCommands(
        dialer,
        sent,
        () => service.getState(),
        () => clock.now()
    );
    return { clock, dialer, gateway, service, sent, state: () => service.getState() };
}

/** Starts the service and logs in to the first Personal Connection skill. */
export async function startWorking(rig: Rig, skillId = 'skill-collections'): Promise<void> {
    const started = await settle(rig.clock, rig.service.start());
    if (!started.ok) throw new Error(`start failed: ${started.error.code}`);
    const login = await settle(rig.clock, rig.service.loginToSkill(skillId));
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
}

/** How the scripted agent handles what it sees. */
export interface AgentScript {
    /** Accept previews (true) or requeue them (false). */
    readonly accept: boolean;
    /** How long the agent talks on an answered call before ending it. */
    readonly talkMs: number;
    readonly dispositionId: string;
    /** False leaves each wrap-up to the admin's time limit and its default disposition (WU-1). */
    readonly saveWrapUps?: boolean;
}

export const REQUEUE_EVERYTHING: AgentScript = { accept: false, talkMs: 20_000, dispositionId: 'disp-completed' };

/** One look at the console by a scripted agent: acts on the preview, ends long calls, saves wrap-ups. */
export function agentStep(rig: Rig, script: AgentScript = REQUEUE_EVERYTHING): void {
    const s = rig.service.getState();
    if (s.preview && !s.preview.pending && !s.preview.failedAction) {
        if (script.accept) rig.service.acceptPreview();
        else rig.service.requeuePreview();
    }
    for (const v of s.calls) {
        if (v.pending.length) continue;
        const c = v.call;
        if (
            (c.status === 'Active' || c.status === 'Held') &&
            c.answeredAt !== null &&
            s.now - c.answeredAt >= script.talkMs
        ) {
            rig.service.endCall(c.id);
        } else if (c.status === 'Ended' && v.wrapUp && !v.wrapUp.saved && script.saveWrapUps !== false) {
            rig.service.saveDisposition(c.id, script.dispositionId, '');
        }
    }
}

/** Lets time pass with the scripted agent working, until the predicate holds; returns whether it did. */
export async function work(
    rig: Rig,
    predicate: () => boolean,
    maxMs = 10 * 60_000,
    script: AgentScript = REQUEUE_EVERYTHING,
    step = 200
): Promise<boolean> {
    return until(
        rig.clock,
        () => {
            if (predicate()) return true;
            agentStep(rig, script);
            return false;
        },
        { maxMs, step }
    );
}
