/**
 * Two console tabs sharing one dialer, in memory: the first tab leads (runs the adapter under test), the
 * second mirrors it and forwards its commands. The contract suite runs against the second tab, so tab
 * sharing is proved once for every adapter. Every message on the channel is kept for inspection.
 */
import type { DialerAdapter } from 'c/pcDialerPort';
import { TabLeader } from 'c/pcTabLeader';
import { SharedDialer } from 'c/pcTabShare';
import type { ContractHarness } from '../contract/harness';
import { ChannelHub, MemoryLocks } from './tabs';

/** A hub that also keeps every message posted. */
export class RecordingHub extends ChannelHub {
    readonly messages: unknown[] = [];

    override deliver(from: Parameters<ChannelHub['deliver']>[0], message: unknown): void {
        this.messages.push(JSON.parse(JSON.stringify(message)));
        super.deliver(from, message);
    }
}

/** Two tabs: the leader (connected) and a follower (not yet connected). */
export interface SharedTabs {
    readonly hub: RecordingHub;
    readonly locks: MemoryLocks;
    readonly leading: SharedDialer;
    readonly second: SharedDialer;
    dispose(): Promise<void>;
}

/** Opens two tabs over `first` (the leader's adapter) and `spare` (the second tab's own, idle unless it takes over). */
export async function openSharedTabs(
    first: DialerAdapter,
    spare: DialerAdapter,
    advance: (ms: number) => Promise<void> = async () => undefined
): Promise<SharedTabs> {
    const hub = new RecordingHub();
    const locks = new MemoryLocks();
    const leaderTab = new TabLeader({ name: 'pc-dialer-test', channel: hub.open(), locks, tabId: 'tab-1' });
    const secondTab = new TabLeader({ name: 'pc-dialer-test', channel: hub.open(), locks, tabId: 'tab-2' });
    const leading = new SharedDialer(first, leaderTab, { commandTimeoutMs: 20_000 });
    const second = new SharedDialer(spare, secondTab, { commandTimeoutMs: 20_000 });
    // A dialer on virtual time (the simulator) connects only as its time passes.
    let connected = false;
    const connecting = leading.connect().finally(() => {
        connected = true;
    });
    for (let guard = 0; !connected && guard < 1000; guard += 1) {
        await advance(50);
        await new Promise((r) => setTimeout(r, 0));
    }
    await connecting;
    return {
        hub,
        locks,
        leading,
        second,
        dispose: async () => {
            await second.disconnect();
            await leading.disconnect();
        }
    };
}

/** The contract harness of a second tab over a base harness (whose adapter becomes the leading tab's). */
export async function sharedContractHarness(
    base: ContractHarness,
    spare: DialerAdapter
): Promise<ContractHarness & { readonly tabs: SharedTabs }> {
    const tabs = await openSharedTabs(base.adapter, spare, (ms) => base.driver.advance(ms));
    return {
        adapter: tabs.second,
        driver: base.driver,
        mirror: true,
        tabs,
        dispose: async () => {
            await tabs.dispose();
            await base.dispose();
        }
    };
}
