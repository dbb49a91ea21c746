// The adapter contract, run against the simulated dialer: the driver maps to its control surface
// and `advance` moves the virtual clock.
import { SimulatedDialer } from 'c/pcSimDialer';
import { describeDialerAdapterContract } from '../../../../../../test/contract/dialerAdapterContract';
import type { ContractHarness } from '../../../../../../test/contract/harness';

describeDialerAdapterContract('simulated dialer', async (): Promise<ContractHarness> => {
    const adapter = new SimulatedDialer({ seed: 20260105, latencyMs: 100, lines: 1, preview: true });
    const control = adapter.control;
    return {
        adapter,
        driver: {
            setPreviewMode: async (on) => control.setPreview(on),
            setLines: async (lines) => control.setLines(lines),
            forceNextOutcome: async (outcome) => control.forceNextOutcome(outcome),
            advance: async (ms) => control.advance(ms),
            failNextCommand: async () => control.failNextCommand()
        },
        dispose: () => adapter.disconnect()
    };
});
