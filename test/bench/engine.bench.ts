/**
 * Engine benchmark: an 8-hour shift on three lines through the real ConsoleService on the simulated dialer,
 * with a scripted agent that answers, talks, ends and saves every wrap-up. Writes
 * test-results/bench-engine.json = { calls, events, usPerEventMedian, heapGrowthMB, speedup }.
 * Figures are measured and reported, never asserted against a time budget.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DialerAdapter, DialerEventName } from 'c/pcDialerPort';
import { averageWrapUpMs, connectRate } from 'c/pcModel';
import { flush } from 'test-support/time';
import { agentStep, makeRig, startWorking } from 'test-support/serviceRig';
import type { AgentScript } from 'test-support/serviceRig';

const HOUR = 60 * 60 * 1000;
const SHIFT_MS = Number(process.env.BENCH_SHIFT_HOURS ?? 8) * HOUR;
const WARM_UP_MS = SHIFT_MS / 16;
const AGENT_TICK_MS = 500;
/** The admin's wrap-up limit in the bench: the agent never saves, so every wrap-up ends on it (WU-1). */
const WRAP_UP_LIMIT_S = 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let gcMs = 0;

/** Heap in use after full collections; the time they take is kept out of the speed-up. */
function heapAfterGc(): number {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 3; i += 1) gc();
    gcMs += Number(process.hrtime.bigint() - t0) / 1e6;
    return process.memoryUsage().heapUsed;
}

/** Times every handler the service registers on the adapter: the service's work per dialer event. */
function timeHandlers(adapter: DialerAdapter, samples: number[], callIds: Set<string>): void {
    const on = adapter.on.bind(adapter);
    (adapter as { on: DialerAdapter['on'] }).on = ((type: DialerEventName, handler: (event: never) => void) =>
        on(type, ((event: never) => {
            if (type === 'callUpdated') callIds.add((event as unknown as { id: string }).id);
            const t0 = process.hrtime.bigint();
            handler(event);
            samples.push(Number(process.hrtime.bigint() - t0) / 1000);
        }) as never)) as DialerAdapter['on'];
}

function median(values: number[]): number {
    const sorted = Float64Array.from(values).sort();
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('engine benchmark', () => {
    it('runs an 8-hour shift on three lines', async () => {
        const rig = makeRig({
            seed: 2027,
            lines: 3,
            preview: false,
            latencyMs: 150,
            recordCount: 4000,
            recordEvents: false,
            contactHangsUp: true,
            // Every wrap-up ends on the admin's time limit with the default disposition (WU-1).
            settings: { wrapUpLimitSeconds: WRAP_UP_LIMIT_S, wrapUpDefaultDisposition: 'disp-completed' }
        });
        const samples: number[] = [];
        const callIds = new Set<string>();
        timeHandlers(rig.dialer, samples, callIds);
        // One subscriber, as the console component is: it reads the snapshot it is given.
        let renders = 0;
        rig.service.subscribe((s) => {
            renders += s.calls.length >= 0 ? 1 : 0;
        });
        const script: AgentScript = {
            accept: true,
            talkMs: 8_000,
            dispositionId: 'disp-completed',
            saveWrapUps: false
        };
        const tick = (): void => {
            agentStep(rig, script);
            rig.clock.schedule(AGENT_TICK_MS, tick);
        };

        const wallStart = process.hrtime.bigint();
        await startWorking(rig);
        tick();

        const shiftStart = rig.clock.now();
        const end = shiftStart + SHIFT_MS;
        let baseline = 0;
        let warmSamples = 0;
        while (rig.clock.now() < end) {
            const next = rig.clock.nextDueAt();
            rig.clock.advanceTo(next === null ? end : Math.min(end, Math.max(next, rig.clock.now())));
            await flush({ turns: 12 });
            if (!baseline && rig.clock.now() - shiftStart >= WARM_UP_MS) {
                baseline = heapAfterGc();
                warmSamples = samples.length;
            }
        }
        const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6 - gcMs;
        await flush();
        const heapGrowthMB = (heapAfterGc() - baseline) / (1024 * 1024);
        const board = rig.service.getState().scoreboard;
        await rig.service.stop();

        const result = {
            calls: callIds.size,
            events: samples.length,
            usPerEventMedian: Math.round(median(samples.slice(warmSamples)) * 100) / 100,
            heapGrowthMB: Math.round(heapGrowthMB * 100) / 100,
            speedup: Math.round((SHIFT_MS + 2000) / wallMs)
        };
        const detail = {
            ...result,
            tasksLogged: rig.gateway.tasks().length,
            errors: rig.service.getState().errors.length,
            renders,
            wallMs: Math.round(wallMs),
            // The console's own scoreboard (WU-2) beside the bench's counts: calls above, Tasks, wrap-ups on the timer.
            scoreboard: board
                ? {
                      callsHandled: board.callsHandled,
                      liveConnects: board.liveConnects,
                      connectRate: Math.round(connectRate(board) * 1000) / 1000,
                      talkMs: board.talkMs,
                      wrapUps: board.wrapUps,
                      averageWrapUpMs: Math.round(averageWrapUpMs(board)),
                      answeringMachines: board.answeringMachines
                  }
                : null
        };
        mkdirSync('test-results', { recursive: true });
        writeFileSync(join('test-results', 'bench-engine.json'), `${JSON.stringify(result)}\n`);
        console.log(JSON.stringify(detail));
        expect(result.calls).toBeGreaterThan(0);
        expect(board?.wrapUps).toBeGreaterThan(0);
    });
});
