import { onSecond, tickNow, tickingCount } from 'c/pcTicker';

describe('c/pcTicker', () => {
    afterEach(() => jest.useRealTimers());

    it('UB-4 calls every registered counter each second, on one interval that stops with the last', () => {
        jest.useFakeTimers();
        const a = jest.fn();
        const b = jest.fn();
        const stopA = onSecond(a);
        const stopB = onSecond(b);
        expect(tickingCount()).toBe(2);
        jest.advanceTimersByTime(2000);
        expect(a).toHaveBeenCalledTimes(2);
        expect(b).toHaveBeenCalledTimes(2);
        stopA();
        stopB();
        expect(tickingCount()).toBe(0);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('UB-4 brings every counter up to date at once between ticks, and forgets those that left', () => {
        const a = jest.fn();
        const b = jest.fn();
        const stopA = onSecond(a);
        const stopB = onSecond(b);
        stopB();
        tickNow();
        expect(a).toHaveBeenCalledTimes(1);
        expect(b).not.toHaveBeenCalled();
        stopA();
    });
});
