/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The fault suite: a scripted shift on the fake CXone server survives each of the twelve faults (BX-5).
import { FAULTS } from '../../../../../../test/cxone/fakeCxoneServer';
import { runFaultShift } from '../../../../../../test/cxone/faultShift';

// Real HTTP on a shared 2-core machine: a generous bound, never a speed assertion.
jest.setTimeout(60_000);

describe('c/pcCxoneAdapter fault suite', () => {
    for (const fault of FAULTS) {
        it(`BX-5 BX-2 a shift survives ${fault}: no command lost or sent twice, one poll at a time`, async () => {
            const result = await runFaultShift(fault);
            expect(result.problems).toEqual([]);
            expect(result.commandsLost).toBe(0);
            expect(result.commandsDuplicated).toBe(0);
            expect(result.maxConcurrentPolls).toBe(1);
            expect(result.survived).toBe(true);
        });
    }
});

describe('c/pcCxoneAdapter fault suite, fake as the notes describe', () => {
    // A station required to start, no replay on join, skill rows without outboundStrategy.
    const asNotes = { requireStation: true, replayOnJoin: false, outboundStrategy: false };
    for (const fault of FAULTS) {
        it(`BX-5 BX-2 a shift survives ${fault} against CXone as the notes describe it`, async () => {
            const result = await runFaultShift(fault, { station: 'ST-204' }, asNotes);
            expect(result.problems).toEqual([]);
            expect(result.commandsDuplicated).toBe(0);
            expect(result.maxConcurrentPolls).toBe(1);
        });
    }
});
