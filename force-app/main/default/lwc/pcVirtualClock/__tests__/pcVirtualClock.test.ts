import { DEFAULT_START, VirtualClock } from 'c/pcVirtualClock';
import type { RealTimeSource } from 'c/pcVirtualClock';

/** A hand-driven real time source: nothing here ever waits on the wall clock. */
function fakeRealTime(): RealTimeSource & { step(ms: number): void; spend(ms: number): void; pending(): number } {
    let now = 1_000;
    let timers: { at: number; fn: () => void }[] = [];
    return {
        now: () => now,
        schedule(ms, fn) {
            const timer = { at: now + ms, fn };
            timers.push(timer);
            return () => {
                timers = timers.filter((t) => t !== timer);
            };
        },
        step(ms) {
            const end = now + ms;
            for (;;) {
                const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
                if (!due) break;
                timers = timers.filter((t) => t !== due);
                now = Math.max(now, due.at);
                due.fn();
            }
            now = Math.max(now, end);
        },
        /** Real time passing inside a task (work being done), with no timer run. */
        spend(ms) {
            now += ms;
        },
        pending: () => timers.length
    };
}

describe('c-pc-virtual-clock', () => {
    it('CL-1 starts at the given instant, or a fixed default, and only moves when advanced', () => {
        expect(new VirtualClock().now()).toBe(DEFAULT_START);
        const clock = new VirtualClock({ startAt: 5_000 });
        expect(clock.now()).toBe(5_000);
        clock.advance(250);
        expect(clock.now()).toBe(5_250);
        expect(new VirtualClock(42).now()).toBe(42);
    });

    it('CL-1 runs due timers in time order, ties in scheduling order', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const order: string[] = [];
        clock.schedule(300, () => order.push('c@300'));
        clock.schedule(100, () => order.push('a@100'));
        clock.schedule(100, () => order.push('b@100'));
        clock.schedule(0, () => order.push('now'));
        clock.schedule(1_000, () => order.push('late'));
        clock.advance(500);
        expect(order).toEqual(['now', 'a@100', 'b@100', 'c@300']);
        expect(clock.now()).toBe(500);
        expect(clock.pendingCount).toBe(1);
        expect(clock.nextDueAt()).toBe(1_000);
    });

    it('CL-1 sees the timer instant as now while it runs', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const seen: number[] = [];
        clock.schedule(40, () => seen.push(clock.now()));
        clock.schedule(70, () => seen.push(clock.now()));
        clock.advance(100);
        expect(seen).toEqual([40, 70]);
    });

    it('CL-1 runs timers scheduled while advancing when they fall inside the window', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const order: string[] = [];
        clock.schedule(100, () => {
            order.push('first');
            clock.schedule(50, () => {
                order.push('chained@150');
                clock.schedule(100, () => order.push('outside@250'));
            });
            clock.schedule(0, () => order.push('same-instant'));
        });
        clock.advance(200);
        expect(order).toEqual(['first', 'same-instant', 'chained@150']);
        clock.advance(50);
        expect(order).toEqual(['first', 'same-instant', 'chained@150', 'outside@250']);
    });

    it('CL-1 cancels a timer, and a second cancel is harmless', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const fn = jest.fn();
        const cancel = clock.schedule(10, fn);
        expect(clock.pendingCount).toBe(1);
        cancel();
        cancel();
        expect(clock.pendingCount).toBe(0);
        expect(clock.nextDueAt()).toBeNull();
        clock.advance(100);
        expect(fn).not.toHaveBeenCalled();
    });

    it('CL-1 a cancel after the timer ran changes nothing', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const cancel = clock.schedule(10, () => undefined);
        clock.schedule(20, () => undefined);
        clock.advance(15);
        cancel();
        expect(clock.pendingCount).toBe(1);
    });

    it('CL-1 advanceTo jumps to an instant, and never goes backwards', () => {
        const clock = new VirtualClock({ startAt: 1_000 });
        const fn = jest.fn();
        clock.schedule(500, fn);
        clock.advanceTo(1_500);
        expect(fn).toHaveBeenCalledTimes(1);
        clock.advanceTo(10);
        expect(clock.now()).toBe(1_500);
    });

    it('CL-1 rejects a negative or non-finite advance', () => {
        const clock = new VirtualClock({ startAt: 0 });
        expect(() => clock.advance(-1)).toThrow(RangeError);
        expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    });

    it('CL-1 tells listeners the new now after each advance, until unsubscribed', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const seen: number[] = [];
        const off = clock.onAdvance((t) => seen.push(t));
        clock.advance(10);
        off();
        off();
        clock.advance(10);
        expect(seen).toEqual([10]);
    });

    it('CL-1 keeps many timers in order (heap)', () => {
        const clock = new VirtualClock({ startAt: 0 });
        const ran: number[] = [];
        // A fixed scramble of 0..999 so the test itself is deterministic.
        for (let i = 0; i < 1000; i++) {
            const at = (i * 7919) % 1000;
            clock.schedule(at, () => ran.push(at));
        }
        clock.advance(1000);
        expect(ran).toHaveLength(1000);
        expect(ran).toEqual([...ran].sort((a, b) => a - b));
    });

    describe('real-time pacing', () => {
        it('CL-1 is paused by default and at speed 0', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 100 });
            expect(clock.getSpeed()).toBe(0);
            real.step(1_000);
            expect(clock.now()).toBe(0);
            expect(real.pending()).toBe(0);
        });

        it('CL-1 at speed 1 follows real time, at 10 and 60 runs faster', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 100 });
            clock.setSpeed(1);
            real.step(1_000);
            expect(clock.now()).toBe(1_000);
            clock.setSpeed(10);
            real.step(1_000);
            expect(clock.now()).toBe(11_000);
            clock.setSpeed(60);
            real.step(500);
            expect(clock.now()).toBe(41_000);
        });

        it('CL-1 runs virtual timers while paced, and pausing stops time', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 50 });
            const fn = jest.fn();
            clock.schedule(5_000, fn);
            clock.setSpeed(60);
            real.step(100);
            expect(fn).toHaveBeenCalledTimes(1);
            clock.setSpeed(0);
            const t = clock.now();
            real.step(10_000);
            expect(clock.now()).toBe(t);
            expect(real.pending()).toBe(0);
        });

        it('CL-1 a paced tick runs its timers a slice of real time at a time, the rest in the next task', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 100, sliceMs: 16 });
            const ran: number[] = [];
            // Ten dialer events a virtual second apart, each taking 5 ms of real work.
            for (let i = 1; i <= 10; i += 1) {
                clock.schedule(i * 1_000, () => {
                    ran.push(clock.now());
                    real.spend(5);
                });
            }
            clock.setSpeed(600);
            // The first tick paces the clock a virtual minute on: four events fill its 16 ms slice (20 ms).
            real.step(100);
            expect(ran).toEqual([1_000, 2_000, 3_000, 4_000]);
            expect(clock.now()).toBe(4_000);
            // The next task takes the next slice; then the last two, and the clock reaches the paced instant.
            real.step(0);
            expect(ran).toHaveLength(8);
            real.step(0);
            expect(ran).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000]);
            expect(clock.now()).toBe(60_000);
        });

        it('CL-1 a paced tick ends its slice when the slice is used up exactly, and never runs a timer past the paced instant', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 100, sliceMs: 16 });
            const ran: number[] = [];
            for (let i = 1; i <= 6; i += 1) {
                clock.schedule(i * 1_000, () => {
                    ran.push(clock.now());
                    real.spend(4);
                });
            }
            const later = jest.fn();
            clock.schedule(90_000, later);
            clock.setSpeed(600);
            real.step(100);
            // Four timers of 4 ms use the 16 ms slice up exactly.
            expect(ran).toHaveLength(4);
            real.step(0);
            expect(ran).toHaveLength(6);
            // The tick paced the clock one virtual minute on: the timer at 90 s waits for the next tick.
            expect(clock.now()).toBe(60_000);
            expect(later).not.toHaveBeenCalled();
        });

        it('CL-1 a clock still catching up loses no virtual time: it ends where real time paced it', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 100, sliceMs: 1 });
            // One event whose work takes 250 ms of real time: the next tick comes due while the clock catches up.
            clock.schedule(10_000, () => real.spend(250));
            clock.setSpeed(600);
            real.step(100);
            expect(clock.now()).toBe(10_000);
            real.step(0);
            // 350 real ms since the clock was set going, at 600x.
            expect(clock.now()).toBe(210_000);
        });

        it('CL-1 pausing stops a clock that was still catching up', () => {
            const real = fakeRealTime();
            const clock = new VirtualClock({ startAt: 0, realTime: real, tickMs: 100, sliceMs: 1 });
            const fn = jest.fn(() => real.spend(5));
            clock.schedule(1_000, fn);
            clock.schedule(2_000, fn);
            clock.setSpeed(600);
            real.step(100);
            expect(fn).toHaveBeenCalledTimes(1);
            clock.setSpeed(0);
            // Nothing is left waiting on real time: neither the tick nor the rest of the catching up.
            expect(real.pending()).toBe(0);
            real.step(10_000);
            expect(fn).toHaveBeenCalledTimes(1);
            expect(clock.now()).toBe(1_000);
            expect(real.pending()).toBe(0);
        });

        it('CL-1 rejects a negative speed', () => {
            const clock = new VirtualClock({ startAt: 0, realTime: fakeRealTime() });
            expect(() => clock.setSpeed(-1)).toThrow(RangeError);
        });
    });
});
