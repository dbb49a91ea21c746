/** WU-5: the composition root builds Omni-Channel presence from the bridge the Aura wrapper hands the console. */
import { assemble } from 'c/pcRuntime';
import type { RuntimeDeps } from 'c/pcRuntime';
import { InMemoryOmniChannel } from '../../../../../../local/memoryOmni';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { ConsoleApi } from 'c/pcModel';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { systemClock } from 'c/pcDialerPort';
import { REAL_TIME, until } from 'test-support/time';

const SETTINGS = Object.freeze({ ...DEFAULT_SETTINGS, previewEnabled: true, presenceMode: 'DialerLeads' });

function deps(): RuntimeDeps {
    return {
        gateway: new InMemorySalesforceGateway({ settings: SETTINGS }),
        now: () => Date.now(),
        realTime: systemClock,
        pageOrigin: 'https://acme.lightning.force.com',
        createCxoneAdapter: () => {
            throw new Error('not in this test');
        },
        createCxoneTokens: () => {
            throw new Error('not in this test');
        }
    };
}

describe('WU-5 presence at the composition root', () => {
    const services: ConsoleApi[] = [];
    afterEach(async () => {
        await Promise.all(services.splice(0).map((s) => s.stop()));
    });

    it('WU-5 a console given the toolkit bridge keeps Omni-Channel in step with the dialer', async () => {
        const omni = new InMemoryOmniChannel();
        const service = assemble(SETTINGS, { omniToolkit: omni }, deps());
        services.push(service);
        expect((await service.start()).ok).toBe(true);
        expect((await service.loginToSkill('skill-collections')).ok).toBe(true);
        expect(
            await until(REAL_TIME, () => omni.control.view().status?.developerName === 'Available', {
                step: 20,
                maxMs: 5_000
            })
        ).toBe(true);
        expect(service.retryPresence).toBeDefined();
    });

    it('WU-5 without a bridge (or with something else) the console runs without presence', async () => {
        const service = assemble(SETTINGS, { omniToolkit: { not: 'a toolkit' } }, deps());
        services.push(service);
        await service.start();
        const result = await service.retryPresence!();
        expect(result).toMatchObject({ ok: false, error: { code: 'Unsupported' } });
    });
});
