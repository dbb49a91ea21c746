/* eslint-disable no-await-in-loop -- virtual time is stepped in order: each step awaits the one before */
import { SimulatedDialer } from 'c/pcSimDialer';
import { send, START, workShift } from 'test-support/simDialer';

/** One scripted session: connect, log in, work 20 minutes on 3 lines, then 20 in preview. */
async function script(seed: number): Promise<readonly string[]> {
    const dialer = new SimulatedDialer({ seed, startAt: START, lines: 3, preview: false });
    await send(dialer, dialer.connect());
    await send(dialer, dialer.loginToSkill('skill-collections'));
    dialer.control.forceNextOutcome('Live');
    await workShift(dialer, 1 / 3, 30_000);
    dialer.control.setPreview(true);
    for (let i = 0; i < 10; i++) {
        dialer.control.advance(3_000);
        const preview = dialer.control.preview();
        if (preview) await send(dialer, i % 2 ? dialer.requeuePreview(preview.id) : dialer.snoozePreview(preview.id));
    }
    return dialer.control.eventLog();
}

describe('c-pc-sim-dialer determinism', () => {
    it('CL-1 the same seed and the same commands give the same event log, byte for byte', async () => {
        const a = await script(42);
        const b = await script(42);
        expect(a.length).toBeGreaterThan(100);
        expect(a.join('\n')).toBe(b.join('\n'));
    });

    it('CL-1 a different seed gives a different calling list and different events', async () => {
        const a = await script(42);
        const c = await script(43);
        expect(a.join('\n')).not.toBe(c.join('\n'));
        const listA = new SimulatedDialer({ seed: 1 }).control.records();
        const listB = new SimulatedDialer({ seed: 2 }).control.records();
        expect(JSON.stringify(listA)).not.toBe(JSON.stringify(listB));
        expect(JSON.stringify(listA)).toBe(JSON.stringify(new SimulatedDialer({ seed: 1 }).control.records()));
    });

    it('CL-1 the event log is one line per event, and bounded when asked', async () => {
        const dialer = new SimulatedDialer({ seed: 5, startAt: START, lines: 3, preview: false, eventLogLimit: 25 });
        await send(dialer, dialer.connect());
        await send(dialer, dialer.loginToSkill('skill-collections'));
        await workShift(dialer, 0.25, 20_000);
        const log = dialer.control.eventLog();
        expect(log).toHaveLength(25);
        for (const line of log) expect(line).toMatch(/^\+\d+ [a-zA-Z]+ [[{"]/);
        const silent = new SimulatedDialer({ seed: 5, recordEvents: false });
        await send(silent, silent.connect());
        expect(silent.control.eventLog()).toHaveLength(0);
    });
});
