/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// Tab sharing against the shared adapter contract, once for each adapter: the suite drives a second
// console tab, which mirrors the leading tab and forwards every command to it (BX-2).
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import { SimulatedDialer } from 'c/pcSimDialer';
import { describeDialerAdapterContract } from '../../../../../../test/contract/dialerAdapterContract';
import { startRig, testOptions } from '../../../../../../test/cxone/cxoneHarness';
import { sharedContractHarness } from 'test-support/sharedTabs';

// Real HTTP on a shared 2-core machine: a generous bound, never a speed assertion.
jest.setTimeout(60_000);

describeDialerAdapterContract('simulated dialer, second tab', async () => {
    const adapter = new SimulatedDialer({ seed: 20260105, latencyMs: 100, lines: 1, preview: true });
    const control = adapter.control;
    const base = {
        adapter,
        driver: {
            setPreviewMode: async (on: boolean) => control.setPreview(on),
            setLines: async (lines: number) => control.setLines(lines),
            forceNextOutcome: async (outcome: Parameters<typeof control.forceNextOutcome>[0]) =>
                control.forceNextOutcome(outcome),
            advance: async (ms: number) => control.advance(ms),
            failNextCommand: async () => control.failNextCommand()
        },
        dispose: () => adapter.disconnect()
    };
    return sharedContractHarness(base, new SimulatedDialer({ seed: 1, latencyMs: 100, lines: 1, preview: true }));
});

describeDialerAdapterContract('CXone Agent API adapter, second tab', async () => {
    const rig = await startRig();
    const base = { adapter: rig.adapter, driver: rig.fake, dispose: rig.dispose };
    return sharedContractHarness(base, new CxoneAdapter(testOptions(rig.fake, rig.auth)));
});
