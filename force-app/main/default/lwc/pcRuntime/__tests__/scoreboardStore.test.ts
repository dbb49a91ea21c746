import { sessionScoreboardStore } from '../scoreboardStore';

describe('sessionScoreboardStore', () => {
    afterEach(() => {
        window.sessionStorage.clear();
        jest.restoreAllMocks();
    });

    it('WU-2 CL-1 the refresh copy is written a task after the count, once for the counts of one task', () => {
        const tasks: (() => void)[] = [];
        const store = sessionScoreboardStore((write) => tasks.push(write))!;
        const setItem = jest.spyOn(Storage.prototype, 'setItem');
        store.write('pc.score.s1', '{"callsHandled":1}');
        store.write('pc.score.s1', '{"callsHandled":2}');
        expect(setItem).not.toHaveBeenCalled();
        expect(window.sessionStorage.getItem('pc.score.s1')).toBeNull();
        expect(store.read('pc.score.s1')).toBe('{"callsHandled":2}');
        expect(tasks).toHaveLength(1);
        tasks[0]!();
        expect(setItem).toHaveBeenCalledTimes(1);
        expect(window.sessionStorage.getItem('pc.score.s1')).toBe('{"callsHandled":2}');
        expect(store.read('pc.score.s1')).toBe('{"callsHandled":2}');
        store.write('pc.score.s1', '{"callsHandled":3}');
        expect(tasks).toHaveLength(2);
    });

    it('WU-2 by default the copy reaches sessionStorage in a later task, where a refresh reads it', async () => {
        const store = sessionScoreboardStore()!;
        store.write('pc.score.s2', '{"callsHandled":7}');
        expect(window.sessionStorage.getItem('pc.score.s2')).toBeNull();
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(window.sessionStorage.getItem('pc.score.s2')).toBe('{"callsHandled":7}');
        expect(sessionScoreboardStore()!.read('pc.score.s2')).toBe('{"callsHandled":7}');
    });

    it('WU-2 a storage that refuses the write loses only the refresh copy', () => {
        const tasks: (() => void)[] = [];
        const store = sessionScoreboardStore((write) => tasks.push(write))!;
        jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new Error('QuotaExceededError');
        });
        store.write('pc.score.s3', '{"callsHandled":1}');
        expect(() => tasks[0]!()).not.toThrow();
        expect(window.sessionStorage.getItem('pc.score.s3')).toBeNull();
    });
});
