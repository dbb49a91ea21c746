/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The command faults: drop, 503, hang and slow against an override, a reschedule and a disposition (BX-5).
import { FAULTED_COMMANDS, runCommandFault } from '../../../../../../test/cxone/commandFaults';
import { COMMAND_FAULTS } from '../../../../../../test/cxone/fakeCxoneServer';

// Real HTTP on a shared 2-core machine: a generous bound, never a speed assertion.
jest.setTimeout(60_000);

describe('c/pcCxoneAdapter command faults', () => {
    for (const command of FAULTED_COMMANDS) {
        for (const fault of COMMAND_FAULTS) {
            it(`BX-5 AM-3 PV-6 ${fault} on a ${command}: retryable, carried out once, the logged outcome is the dialer's`, async () => {
                const result = await runCommandFault(fault, command);
                expect(result.problems).toEqual([]);
                expect(result.commandsLost).toBe(0);
                expect(result.commandsDuplicated).toBe(0);
            });
        }
    }
});
