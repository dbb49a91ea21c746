/**
 * How long a silent connection (a poll the network swallows: no answer, no error) goes unnoticed: from
 * the start of the swallowed poll to the connection shown Reconnecting. Used by the bench (shipped
 * poll time-out) and the adapter's tests (short ones).
 */
import type { CxoneAdapterOptions } from 'c/pcCxoneAdapter';
import { startRig, until } from './cxoneHarness';

/** Milliseconds from the silent poll's start to Reconnecting, or null when it was never reported. */
export async function silentConnectionDetectedMs(extra: Partial<CxoneAdapterOptions> = {}): Promise<number | null> {
    const rig = await startRig(extra);
    try {
        await rig.adapter.connect();
        const polls = rig.fake.metrics.pollArrivals.length;
        // The worst case: the poll that goes silent has only just begun.
        if (!(await until(() => rig.fake.metrics.pollArrivals.length > polls, 30_000))) return null;
        await rig.fake.settle();
        const startedAt = rig.fake.metrics.pollArrivals.at(-1) ?? Date.now();
        await rig.fake.inject('timeout');
        const seen = await until(() => rig.events.connection.at(-1)?.status === 'Reconnecting', 60_000);
        return seen ? Date.now() - startedAt : null;
    } finally {
        await rig.dispose();
    }
}
