/**
 * The simulated dialer a console runs on when the settings choose it (training without a dialer tenant, and the
 * local console). In an org its clock is paced at real time while connected and the day seeds its calling list; a
 * page that drives the simulation itself (the local console's simulator panel) hands over its own clock and seed.
 */
import type { SessionInfo } from 'c/pcDialerPort';
import type { CallingListContact, Settings } from 'c/pcModel';
import { SimulatedDialer } from 'c/pcSimDialer';
import { VirtualClock } from 'c/pcVirtualClock';
import type { RealTimeSource } from 'c/pcVirtualClock';

/**
 * The simulated world of a page that drives it (the local console): the simulator panel pauses, speeds up and
 * advances this clock, so the dialer is not paced at real time, and a known seed gives a known calling list.
 */
export interface Simulation {
    /** The clock the dialer and the service run on; its owner sets its speed. */
    readonly clock: VirtualClock;
    /** The calling list's seed. */
    readonly seed: number;
    /** The dialer's command latency; 0 confirms at once, which a paused clock needs (it would wait for Advance). */
    readonly latencyMs: number;
}

/** What the simulated dialer is built from: the page's own simulation, else wall time and real time. */
export interface SimulationEnvironment {
    readonly simulation?: Simulation;
    /** Wall time: the org's simulated dialer's start and seed. */
    readonly now: () => number;
    /** Paces the org's simulated dialer's clock at real time. */
    readonly realTime: RealTimeSource;
}

/** The simulated dialer of an org: paced at real time only while connected. */
class PacedSimulatedDialer extends SimulatedDialer {
    constructor(
        private readonly paced: VirtualClock,
        options: ConstructorParameters<typeof SimulatedDialer>[0]
    ) {
        super(options);
    }

    override connect(): Promise<SessionInfo> {
        // Before connecting: the dialer's own latency runs on this clock.
        this.paced.setSpeed(1);
        return super.connect();
    }

    override async disconnect(): Promise<void> {
        await super.disconnect();
        // A removed console must leave no timer ticking behind it.
        this.paced.setSpeed(0);
    }
}

/** The day as a number (20261124): the same calling list all day, a new one the next, for training. */
export function daySeed(now: number): number {
    const day = new Date(now);
    return day.getUTCFullYear() * 10_000 + (day.getUTCMonth() + 1) * 100 + day.getUTCDate();
}

/** The simulated dialer the settings describe, and the clock it (and the service beside it) runs on. */
export function createSimulatedDialer(
    settings: Settings,
    env: SimulationEnvironment,
    contacts: readonly CallingListContact[]
): { readonly simulator: SimulatedDialer; readonly clock: VirtualClock } {
    const own = env.simulation;
    const start = own ? own.clock.now() : env.now();
    const clock = own ? own.clock : new VirtualClock({ startAt: start, realTime: env.realTime });
    const options: ConstructorParameters<typeof SimulatedDialer>[0] = {
        seed: own ? own.seed : daySeed(start),
        clock,
        lines: settings.linesPerAgent,
        preview: settings.previewEnabled,
        contacts,
        ...(own ? { latencyMs: own.latencyMs } : {}),
        // The event log is for comparing test runs; over an agent's shift it would hold every event (megabytes).
        recordEvents: false
    };
    const simulator = own ? new SimulatedDialer(options) : new PacedSimulatedDialer(clock, options);
    return { simulator, clock };
}
