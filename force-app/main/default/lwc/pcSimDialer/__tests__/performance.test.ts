import { working, workShift } from 'test-support/simDialer';

describe('c-pc-sim-dialer performance', () => {
    it('CL-1 simulates an 8-hour shift on 3 lines (at least 1,500 calls) with bounded state', async () => {
        const started = process.cpuUsage();
        const { dialer } = await working({ preview: false, lines: 3, latencyMs: 0, recordEvents: false });
        const result = await workShift(dialer, 8);
        const cpu = process.cpuUsage(started);
        const seconds = (cpu.user + cpu.system) / 1e6;
        console.log(`8 h shift: ${result.calls} calls, ${result.live} live, ${seconds.toFixed(2)} s CPU`);
        expect(result.calls).toBeGreaterThanOrEqual(1500);
        // Timers never pile up: a few per line plus the delivery timer.
        expect(dialer.control.clock.pendingCount).toBeLessThan(50);
        expect(dialer.control.eventLog()).toHaveLength(0);
    });
});
