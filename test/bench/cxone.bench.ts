/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The `cxone` bench part: the twelve faults against a scripted shift with the shipped back-off, the
// polls in flight while idle, how soon the first reconnect follows a dropped connection, how soon a silent
// connection is noticed, and the command faults (drop, 503, hang, slow on an override, reschedule, disposition).
// Writes test-results/bench-cxone.json; figures are measured here and never asserted in the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRig } from '../cxone/cxoneHarness';
import { FAULTS } from '../cxone/fakeCxoneServer';
import { runFaultShift } from '../cxone/faultShift';
import type { ShiftResult } from '../cxone/faultShift';
import { FAULTED_COMMANDS, runCommandFault } from '../cxone/commandFaults';
import type { CommandFaultResult } from '../cxone/commandFaults';
import { COMMAND_FAULTS } from '../cxone/fakeCxoneServer';
import { silentConnectionDetectedMs } from '../cxone/silentConnection';

/** The shipped back-off (first retry within 1 s, 30 s cap), with short polls so the bench stays quick. */
// An empty back-off object restores the shipped defaults over the tests' short ones.
const SHIPPED = { backoff: {} };
const DROP_RUNS = 5;
const IDLE_MS = 4500;

it('bench: CXone adapter under faults', async () => {
    const results: ShiftResult[] = [];
    for (const fault of FAULTS) {
        // One shift at a time: the figures are about one adapter, never about contention between shifts.

        results.push(await runFaultShift(fault, SHIPPED));
    }
    const drops: number[] = [];
    for (let run = 0; run < DROP_RUNS; run += 1) {
        const drop = await runFaultShift('droppedConnection', SHIPPED);
        if (drop.firstReconnectMs !== null) drops.push(drop.firstReconnectMs);
    }

    const commandResults: CommandFaultResult[] = [];
    for (const command of FAULTED_COMMANDS) {
        for (const fault of COMMAND_FAULTS) {
            // The shipped command time-out too, so a hang is given up as it would be in the console.
            commandResults.push(await runCommandFault(fault, command, { ...SHIPPED, commandTimeoutMs: undefined }));
        }
    }
    // The shipped poll time-out and grace: a poll the network swallows, from its start to Reconnecting.
    const silentMs = await silentConnectionDetectedMs({
        ...SHIPPED,
        pollTimeoutSeconds: undefined,
        pollGraceMs: undefined
    });

    const idle = await startRig(SHIPPED);
    let requestsInFlightIdle = -1;
    try {
        await idle.adapter.connect();
        await new Promise((r) => setTimeout(r, IDLE_MS));
        requestsInFlightIdle = idle.fake.metrics.maxConcurrentPolls;
    } finally {
        await idle.dispose();
    }

    const figures = {
        faultsSurvived: results.filter((r) => r.survived).length,
        faultsTotal: results.length,
        commandsLost: [...results, ...commandResults].reduce((n, r) => n + r.commandsLost, 0),
        commandsDuplicated: [...results, ...commandResults].reduce((n, r) => n + r.commandsDuplicated, 0),
        requestsInFlightIdle,
        firstReconnectMs: drops.length === DROP_RUNS ? Math.max(...drops) : null,
        silentConnectionDetectedMs: silentMs,
        commandFaultsSurvived: commandResults.filter((r) => r.survived).length,
        commandFaultsTotal: commandResults.length,
        failed: [
            ...results.filter((r) => !r.survived).map((r) => ({ fault: r.fault, problems: r.problems })),
            ...commandResults
                .filter((r) => !r.survived)
                .map((r) => ({ fault: `${r.fault} on ${r.command}`, problems: r.problems }))
        ]
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync(join('test-results', 'bench-cxone.json'), `${JSON.stringify(figures)}\n`);
    expect(figures.faultsTotal).toBe(12);
    expect(figures.commandFaultsTotal).toBe(12);
});
