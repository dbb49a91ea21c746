/**
 * WU-2: the session scoreboard, counted by the service from what it sees, kept for a page refresh within the
 * dialer session, and never costing a Salesforce call per update.
 */
/* eslint-disable no-await-in-loop -- a shift's calls run one after another on one virtual clock */
import { ConsoleService, parseScoreboard, scoreboardKey, serializeScoreboard } from 'c/pcService';
import type { ScoreboardStore } from 'c/pcService';
import { averageWrapUpMs, connectRate, DEFAULT_SETTINGS } from 'c/pcModel';
import type { Call, CallView, Scoreboard } from 'c/pcModel';
import { pass, settle, until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';
import type { Rig } from 'test-support/serviceRig';
import { EMPTY_SCOREBOARD, countCallback, countEndedCall, countWrapUp, recountMachine } from '../scoreboard';

const SECOND = 1000;

class MemoryStore implements ScoreboardStore {
    readonly data = new Map<string, string>();
    read(key: string): string | null {
        return this.data.get(key) ?? null;
    }
    write(key: string, value: string): void {
        this.data.set(key, value);
    }
}

function call(over: Partial<Call>): Call {
    return {
        id: 'c1',
        line: 1,
        record: { id: 'r1', salesforceId: null, firstName: 'A', lastName: 'B', timeZone: null, fields: {} },
        destinationId: 'd1',
        number: '+13125550100',
        direction: 'Outbound',
        status: 'Ended',
        mostLikely: false,
        muted: false,
        startedAt: 0,
        statusSince: 0,
        answeredAt: null,
        endedAt: 10_000,
        outcome: 'NoAnswer',
        ...over
    } as Call;
}

describe('WU-2 scoreboard reducer', () => {
    it('WU-2 counts calls, live connects, talk time, machines, wrap-ups and callbacks', () => {
        let b: Scoreboard = EMPTY_SCOREBOARD;
        b = countEndedCall(b, call({ answeredAt: 4000, endedAt: 64_000, outcome: 'Live' }), 0);
        b = countEndedCall(b, call({ outcome: 'AnsweringMachine' }), 0);
        b = countEndedCall(b, call({ outcome: 'NoAnswer' }), 0);
        b = countWrapUp(b, 12_000);
        b = countCallback(b);
        expect(b).toEqual({
            callsHandled: 3,
            liveConnects: 1,
            talkMs: 60_000,
            wrapUps: 1,
            wrapUpMs: 12_000,
            callbacksBooked: 1,
            answeringMachines: 1
        });
        expect(connectRate(b)).toBeCloseTo(1 / 3);
        expect(averageWrapUpMs(b)).toBe(12_000);
        expect(recountMachine(b, 'NoAnswer', 'AnsweringMachine').answeringMachines).toBe(2);
        expect(connectRate(EMPTY_SCOREBOARD)).toBe(0);
        expect(averageWrapUpMs(EMPTY_SCOREBOARD)).toBe(0);
    });

    it('WU-2 the stored copy holds counts only and a tampered one is refused', () => {
        const b = countWrapUp(countEndedCall(EMPTY_SCOREBOARD, call({ answeredAt: 0, outcome: 'Live' }), 0), 5000);
        const text = serializeScoreboard(b);
        expect(text).not.toMatch(/[A-Za-z+]/);
        expect(parseScoreboard(text)).toEqual(b);
        for (const bad of [null, '', '{', '[1,2]', '[1,2,3,4,5,6,-1]', '[1,5,0,0,0,0,0]', '["1",0,0,0,0,0,0]']) {
            expect(parseScoreboard(bad)).toBeNull();
        }
    });
});

/** Works `n` calls: each answered one talks 20 s and wraps up after `wrapMs`; returns what the test did. */
async function shift(rig: Rig, outcomes: readonly ('Live' | 'NoAnswer' | 'AnsweringMachine')[], wrapMs: number) {
    const did = { calls: 0, live: 0, talkMs: 0, wrapUps: 0, wrapMs: 0, machines: 0 };
    for (const outcome of outcomes) {
        rig.dialer.control.forceNextOutcome(outcome);
        const seen = new Set(rig.state().calls.map((v) => v.call.id));
        const fresh = (v: CallView): boolean =>
            !seen.has(v.call.id) && ['Active', 'AMD', 'Ended'].includes(v.call.status);
        expect(await until(rig.clock, () => rig.state().calls.some(fresh))).toBe(true);
        const view = rig.state().calls.find(fresh)!;
        did.calls += 1;
        if (outcome === 'Live') {
            await pass(rig.clock, 20 * SECOND);
            await settle(rig.clock, rig.service.endCall(view.call.id));
            const ended = rig.state().calls.find((v) => v.call.id === view.call.id)!.call;
            did.live += 1;
            did.talkMs += ended.endedAt! - ended.answeredAt!;
            await pass(rig.clock, wrapMs);
            const at = rig.clock.now();
            await settle(rig.clock, rig.service.saveDisposition(view.call.id, 'disp-completed', ''));
            did.wrapUps += 1;
            did.wrapMs += at - ended.endedAt!;
        } else {
            if (view.call.status === 'AMD') {
                // The agent hears the greeting and closes the line as an answering machine (AM-1).
                await settle(rig.clock, rig.service.overrideMachine(view.call.id, 'AnsweringMachine'));
            }
            expect(await until(rig.clock, () => !rig.state().calls.some((v) => v.call.id === view.call.id))).toBe(true);
            if (outcome === 'AnsweringMachine') did.machines += 1;
        }
    }
    return did;
}

describe('WU-2 scoreboard in the service', () => {
    it('WU-2 a shift of several calls: the figures match the calls made, with no Salesforce call per update', async () => {
        const rig = makeRig({ preview: false });
        await startWorking(rig);
        const updates: Scoreboard[] = [];
        rig.service.subscribe((s) => {
            if (s.scoreboard && s.scoreboard !== updates[updates.length - 1]) updates.push(s.scoreboard);
        });
        // The dialer keeps dialing while the test works: every call the agent's lines ended is the test's record.
        const ended = new Map<string, Call>();
        rig.service.subscribe((s) => {
            for (const v of s.calls) if (v.call.status === 'Ended') ended.set(v.call.id, v.call);
        });
        const did = await shift(rig, ['Live', 'NoAnswer', 'AnsweringMachine', 'Live', 'Live'], 7 * SECOND);
        const board = rig.state().scoreboard!;
        const all = [...ended.values()];
        expect(all.length).toBeGreaterThanOrEqual(did.calls);
        expect(board.callsHandled).toBe(all.length);
        expect(board.liveConnects).toBe(all.filter((c) => c.answeredAt !== null).length);
        expect(board.liveConnects).toBe(did.live);
        expect(board.answeringMachines).toBe(all.filter((c) => c.outcome === 'AnsweringMachine').length);
        expect(board.answeringMachines).toBeGreaterThanOrEqual(did.machines);
        expect(board.talkMs).toBe(did.talkMs);
        expect(board.wrapUps).toBe(did.wrapUps);
        expect(board.wrapUpMs).toBe(did.wrapMs);
        expect(connectRate(board)).toBeCloseTo(did.live / all.length);
        expect(updates.length).toBeGreaterThan(5);
        // Salesforce sees one Task per attempt, never a call per scoreboard update.
        expect(await until(rig.clock, () => rig.gateway.tasks().length >= all.length)).toBe(true);
        expect(rig.gateway.tasks().length).toBeLessThanOrEqual(all.length + 1);
    });

    it('WU-2 a booked callback counts', async () => {
        const rig = makeRig({ preview: false });
        await startWorking(rig);
        rig.dialer.control.forceNextOutcome('Live');
        expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'Active'))).toBe(true);
        const id = rig.state().calls[0]!.call.id;
        await settle(rig.clock, rig.service.endCall(id));
        await settle(rig.clock, rig.service.saveDisposition(id, 'disp-call-back', 'Tuesday morning'));
        expect(rig.state().scoreboard?.callbacksBooked).toBe(1);
    });

    it('WU-2 survives a page refresh within the dialer session, and starts again in another session', async () => {
        const store = new MemoryStore();
        const rig = makeRig({ preview: false });
        const service = new ConsoleService({
            adapter: rig.dialer,
            gateway: rig.gateway,
            clock: rig.clock,
            settings: DEFAULT_SETTINGS,
            scoreboardStore: store
        });
        await settle(rig.clock, service.start());
        await settle(rig.clock, service.loginToSkill('skill-collections'));
        rig.dialer.control.forceNextOutcome('NoAnswer');
        expect(await until(rig.clock, () => (service.getState().scoreboard?.callsHandled ?? 0) >= 1)).toBe(true);
        const before = service.getState().scoreboard!;
        await service.stop();
        const [key] = [...store.data.keys()];
        expect(key).toMatch(/^pc-scoreboard:/);
        expect(store.data.get(key!)).toBe(serializeScoreboard(before));

        const refreshed = new ConsoleService({
            adapter: rig.dialer,
            gateway: rig.gateway,
            clock: rig.clock,
            settings: DEFAULT_SETTINGS,
            scoreboardStore: store
        });
        await settle(rig.clock, refreshed.start());
        expect(refreshed.getState().scoreboard).toEqual(before);
        await refreshed.stop();

        store.data.set(key!, 'not figures');
        const tampered = new ConsoleService({
            adapter: rig.dialer,
            gateway: rig.gateway,
            clock: rig.clock,
            settings: DEFAULT_SETTINGS,
            scoreboardStore: store
        });
        await settle(rig.clock, tampered.start());
        expect(tampered.getState().scoreboard?.callsHandled).toBe(0);
        expect(scoreboardKey('other')).not.toBe(key);
    });
});
