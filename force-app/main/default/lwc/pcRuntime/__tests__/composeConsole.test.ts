/**
 * LC-1 LC-2: the local console is built by the org's composition root, with its own simulation (a clock its panel
 * paces, a known seed) and the adapter still chosen from the settings.
 */
import { composeConsole } from 'c/pcRuntime';
import type { RuntimeDeps, Simulation } from 'c/pcRuntime';
import { systemClock } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { ConsoleApi } from 'c/pcModel';
import { SimulatedDialer } from 'c/pcSimDialer';
import { VirtualClock } from 'c/pcVirtualClock';

const START = Date.UTC(2026, 0, 5, 17, 0, 0);
const LOCAL = Object.freeze({ ...DEFAULT_SETTINGS, linesPerAgent: 2, previewEnabled: false });

function localDeps(simulation: Simulation): RuntimeDeps {
    return {
        gateway: new InMemorySalesforceGateway({ settings: LOCAL }),
        now: () => {
            throw new Error('a page that runs the simulation gives its own start');
        },
        realTime: systemClock,
        pageOrigin: 'http://127.0.0.1',
        createCxoneAdapter: () => {
            throw new Error('not chosen by these settings');
        },
        createCxoneTokens: () => {
            throw new Error('not chosen by these settings');
        },
        simulation
    };
}

describe('composeConsole with the local simulation', () => {
    const services: ConsoleApi[] = [];
    afterEach(async () => {
        await Promise.all(services.splice(0).map((s) => s.stop()));
    });

    it("LC-1 the simulated dialer and the service run on the page's clock, which only its owner paces", async () => {
        const clock = new VirtualClock({ startAt: START });
        const { service, simulator } = composeConsole(LOCAL, {}, localDeps({ clock, seed: 42, latencyMs: 0 }));
        services.push(service);
        expect(simulator).not.toBeNull();
        expect(service.getState().now).toBe(START);
        expect((await service.start()).ok).toBe(true);
        // Connecting does not set the pace (the org's clock goes to real time here): the panel's choice stays.
        expect(clock.getSpeed()).toBe(0);
        // No dialer latency: a command confirms at once on the paused clock, without waiting for an Advance.
        const skill = service.getState().skills.find((k) => k.isPersonalConnection);
        expect((await service.loginToSkill(skill!.id)).ok).toBe(true);
        expect(service.getState().agent.skillId).toBe(skill!.id);
        expect(clock.now()).toBe(START);
    });

    it('LC-2 the settings set the lines and preview, and the seed gives the calling list of a known start', async () => {
        const clock = new VirtualClock({ startAt: START });
        const { service, simulator } = composeConsole(LOCAL, {}, localDeps({ clock, seed: 42, latencyMs: 0 }));
        services.push(service);
        const same = new SimulatedDialer({ seed: 42, clock: new VirtualClock({ startAt: START }) });
        expect(simulator!.control.records().map((r) => r.id)).toEqual(same.control.records().map((r) => r.id));
        expect((await service.start()).ok).toBe(true);
        expect(service.getState().settings.linesPerAgent).toBe(2);
        expect(service.getState().settings.previewEnabled).toBe(false);
    });

    it('LC-3 CXone settings choose the CXone adapter whatever simulation the page offers', () => {
        const clock = new VirtualClock({ startAt: START });
        const chosen = jest.fn(() => new SimulatedDialer({ seed: 1, latencyMs: 0 }));
        const deps: RuntimeDeps = {
            ...localDeps({ clock, seed: 42, latencyMs: 0 }),
            createCxoneAdapter: chosen,
            createCxoneTokens: () => ({
                isRequired: () => false,
                onChange: () => () => undefined,
                getToken: () => Promise.resolve('t'),
                refresh: () => Promise.resolve('t'),
                signIn: () => Promise.resolve()
            })
        };
        const cxone = {
            ...DEFAULT_SETTINGS,
            dialerAdapter: 'CXone',
            dialerEndpoint: 'http://127.0.0.1:9',
            cxoneAuthorizeEndpoint: 'http://127.0.0.1:9/auth/authorize',
            cxoneTokenEndpoint: 'http://127.0.0.1:9/token',
            cxoneClientId: 'pc-console',
            cxoneRedirectUri: 'http://127.0.0.1/apex/PersonalConnectionSignIn'
        };
        const { service, simulator } = composeConsole(cxone, {}, deps);
        services.push(service);
        expect(simulator).toBeNull();
        expect(chosen).toHaveBeenCalledTimes(1);
    });
});
