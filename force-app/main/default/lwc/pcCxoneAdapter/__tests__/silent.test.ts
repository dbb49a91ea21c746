/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// A silent connection (a poll that is never answered) is noticed and shown as Reconnecting (BX-5).
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import { silentConnectionDetectedMs } from '../../../../../../test/cxone/silentConnection';

jest.setTimeout(30_000);

describe('c/pcCxoneAdapter silent connection', () => {
    it('BX-5 a poll that is never answered is given up after its time-out plus grace and shown Reconnecting', async () => {
        const ms = await silentConnectionDetectedMs({ pollTimeoutSeconds: 1, pollGraceMs: 500 });
        expect(ms).not.toBeNull();
    });

    it('BX-5 the shipped poll time-out plus grace stays within 15 s (the bench measures it)', () => {
        const adapter = new CxoneAdapter({
            baseUri: 'https://api.example.invalid',
            fetch: () => Promise.reject(new Error('not used')),
            tokenProvider: { getToken: () => Promise.resolve('t'), refresh: () => Promise.resolve('t') }
        });
        expect(adapter.silenceLimitMs()).toBeLessThanOrEqual(15_000);
    });
});
