/**
 * The service rig with Omni-Channel beside it (WU-5): the in-memory Omni-Channel behind the org's toolkit adapter,
 * what it shows, and the agent's availability commands the dialer received.
 */
import { InMemoryOmniChannel } from '../../local/memoryOmni';
import { OmniToolkitPresence } from 'c/pcOmniToolkit';
import { DEFAULT_PRESENCE_MAP } from 'c/pcModel';
import type { ConsoleError, PresenceMapping, PresenceMode } from 'c/pcModel';
import type { PresencePort } from 'c/pcPresencePort';
import { makeRig } from './serviceRig';
import type { Rig } from './serviceRig';
import { pass } from './time';

export interface OmniRig extends Rig {
    readonly omni: InMemoryOmniChannel;
    /** The agent's status in Omni-Channel now (null: logged out). */
    omniStatus(): string | null;
    /** The agent's availability commands the dialer received, in order. */
    agentCommands(): string[];
    /** The errors Omni-Channel's sync has shown. */
    presenceErrors(): readonly ConsoleError[];
}

/** How the Omni-Channel rig differs from the default. */
export interface OmniRigOptions {
    /** Previews on (default true). */
    readonly preview?: boolean;
    readonly map?: readonly PresenceMapping[];
    /** Wraps the toolkit adapter (a slow or failing Omni-Channel). */
    readonly port?: (port: PresencePort) => PresencePort;
    /** The agent's status in Omni-Channel before the start (default: logged out). */
    readonly initial?: string;
}

/** The rig, its presence kept in step with Omni-Channel as `mode` says. Not started. */
export function omniRig(mode: PresenceMode, options: OmniRigOptions = {}): OmniRig {
    const omni = new InMemoryOmniChannel(undefined, options.initial ?? null);
    const port = new OmniToolkitPresence(omni);
    const rig = makeRig({
        preview: options.preview ?? true,
        presence: options.port ? options.port(port) : port,
        settings: { presenceMode: mode, presenceMap: options.map ?? DEFAULT_PRESENCE_MAP }
    });
    return {
        ...rig,
        omni,
        omniStatus: () => omni.control.view().status?.developerName ?? null,
        agentCommands: () =>
            rig.sent
                .filter((c) => ['setAvailable', 'setUnavailable', 'logout'].includes(c.name))
                .map((c) => (c.name === 'setUnavailable' ? `setUnavailable:${String(c.args[0])}` : c.name)),
        presenceErrors: () => rig.state().errors.filter((e) => e.command === 'presence')
    };
}

/** The agent picks a status in Omni-Channel's utility, and the console has time to react. */
export async function agentPicksInOmni(rig: OmniRig, status: string | null): Promise<void> {
    rig.omni.control.agentSets(status);
    await pass(rig.clock, 500);
}
