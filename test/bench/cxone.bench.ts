/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The `cxone` bench part: the twelve faults against a scripted shift with the shipped back-off, the
// polls in flight while idle, and how soon the first reconnect follows a dropped connection.
// Writes test-results/bench-cxone.json; figures are measured here and never asserted in the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRig } from '../cxone/cxoneHarness';
import { FAULTS } from '../cxone/fakeCxoneServer';
import { runFaultShift } from '../cxone/faultShift';
import type { ShiftResult } from '../cxone/faultShift';

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
        commandsLost: results.reduce((n, r) => n + r.commandsLost, 0),
        commandsDuplicated: results.reduce((n, r) => n + r.commandsDuplicated, 0),
        requestsInFlightIdle,
        firstReconnectMs: drops.length === DROP_RUNS ? Math.max(...drops) : null,
        failed: results.filter((r) => !r.survived).map((r) => ({ fault: r.fault, problems: r.problems }))
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync(join('test-results', 'bench-cxone.json'), `${JSON.stringify(figures)}\n`);
    expect(figures.faultsTotal).toBe(12);
});
