/* eslint-disable no-await-in-loop -- real time is stepped in order: each step awaits the one before */
import 'test-support/apexMocks';
import apexGetSettings from '@salesforce/apex/PersonalConnectionController.getSettings';
import { assemble, buildConsoleService, composeConsole, createConsoleService, daySeed } from 'c/pcRuntime';
import type { CxoneTokens, RuntimeDeps } from 'c/pcRuntime';
import type { BrowserCxoneOptions } from 'c/pcCxoneAdapter';
import { DialerError } from 'c/pcDialerPort';
import type { DialerAdapter, SessionInfo } from 'c/pcDialerPort';
import type { ConsoleApi, ConsoleState } from 'c/pcModel';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { SalesforceGateway } from 'c/pcSalesforcePort';
import { GatewayError } from 'c/pcSalesforcePort';
import { SimulatedDialer } from 'c/pcSimDialer';
import { ManualClock } from 'test-support/clocks';
import { pass, STILL } from 'test-support/time';
import type { CxoneSignInConfig } from '../signIn';

const NOW = Date.UTC(2026, 10, 24, 14, 30, 0);
const CONSOLE_ORIGIN = 'https://acme.lightning.force.com';

const CXONE = Object.freeze({
    ...DEFAULT_SETTINGS,
    dialerAdapter: 'CXone',
    dialerEndpoint: 'https://api-c32.nice-incontact.com',
    cxoneAuthHost: 'https://cxone.niceincontact.com',
    cxoneClientId: '6c1f0d5e-8a51-4b0c-9d55-2f7e0c1a9b33',
    cxoneTenantId: '11eb2f6a-9c1d-4e2f-8a3b-0242ac110002',
    cxoneAgentId: '4105123',
    cxoneStation: 'softphone'
});
const SIMULATED = Object.freeze({ ...DEFAULT_SETTINGS, linesPerAgent: 3, previewEnabled: false });

function gatewayWith(settings: unknown): SalesforceGateway & { getSettings: jest.Mock } {
    return {
        getSettings: jest.fn(() => {
            if (settings instanceof Error) return Promise.reject(settings);
            return Promise.resolve(settings as Record<string, unknown>);
        }),
        findContact: jest.fn(() => Promise.resolve(null)),
        getContactHistory: jest.fn(() => Promise.resolve([])),
        logAttempt: jest.fn(() => Promise.reject(new GatewayError('Unknown', 'not in this test')))
    };
}

/** Sign-in stand-in: no token until signed in; the test says what a sign-in does. */
class FakeTokens implements CxoneTokens {
    required = false;
    signedIn = false;
    signIns = 0;
    outcome: () => Promise<void> = () => Promise.resolve();
    private readonly listeners = new Set<(required: boolean) => void>();

    isRequired(): boolean {
        return this.required;
    }
    onChange(listener: (required: boolean) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    setRequired(required: boolean): void {
        this.required = required;
        for (const l of [...this.listeners]) l(required);
    }
    getToken(): Promise<string> {
        if (!this.signedIn) {
            this.setRequired(true);
            return Promise.reject(new DialerError('Unauthorized', 'not signed in to CXone'));
        }
        return Promise.resolve('token-1');
    }
    refresh(): Promise<string> {
        return this.getToken();
    }
    async signIn(): Promise<void> {
        this.signIns += 1;
        await this.outcome();
        this.signedIn = true;
        this.setRequired(false);
    }
}

/** A dialer standing in for CXone: refused until signed in, then the simulated dialer's session. */
class TokenGatedDialer extends SimulatedDialer {
    constructor(private readonly tokens: FakeTokens) {
        super({ seed: 7, latencyMs: 0 });
    }
    override async connect(): Promise<SessionInfo> {
        await this.tokens.getToken().catch(() => {
            throw new DialerError('Unauthorized', 'CXone sign-in expired or was refused; sign in again');
        });
        return super.connect();
    }
}

interface Built {
    readonly deps: RuntimeDeps;
    readonly realTime: ManualClock;
    readonly tokens: FakeTokens;
    readonly cxoneAdapter: jest.Mock;
    readonly cxoneTokens: jest.Mock;
}

function deps(settings: unknown, pageOrigin = CONSOLE_ORIGIN): Built {
    const realTime = new ManualClock(NOW);
    const tokens = new FakeTokens();
    const cxoneAdapter = jest.fn((_options: BrowserCxoneOptions): DialerAdapter => new TokenGatedDialer(tokens));
    const cxoneTokens = jest.fn((_config: CxoneSignInConfig): CxoneTokens => tokens);
    return {
        deps: {
            gateway: gatewayWith(settings),
            now: () => NOW,
            realTime,
            pageOrigin,
            createCxoneAdapter: cxoneAdapter,
            createCxoneTokens: cxoneTokens
        },
        realTime,
        tokens,
        cxoneAdapter,
        cxoneTokens
    };
}

/** Lets the console's promises and I/O run while hand-moved real time (where there is one) passes 2 s. */
function settle(realTime?: ManualClock): Promise<void> {
    return pass(realTime ?? STILL, 2_000, { step: 200, turns: 1, timers: 1 });
}

async function started(service: ConsoleApi, realTime?: ManualClock): Promise<ConsoleState> {
    const result = service.start();
    await settle(realTime);
    await result;
    return service.getState();
}

describe('pcRuntime', () => {
    const stops: ConsoleApi[] = [];
    afterEach(async () => {
        for (const service of stops.splice(0)) await service.stop();
        (apexGetSettings as jest.Mock).mockReset();
    });

    it('AD-2 runs the simulated dialer with the lines and preview of the settings, paced at real time only while connected', async () => {
        const built = deps(SIMULATED);
        const service = assemble(SIMULATED, {}, built.deps);
        stops.push(service);
        expect(built.realTime.pending).toBe(0);
        const state = await started(service, built.realTime);
        expect(state.connection.status).toBe('Connected');
        expect(state.settings.linesPerAgent).toBe(3);
        expect(state.settings.previewEnabled).toBe(false);
        expect(state.settingsProblems).toEqual([]);
        expect(state.signIn).toBeUndefined();
        // The simulated world runs on its own clock, started at the real now and paced by real time.
        expect(Math.abs(state.now - NOW)).toBeLessThan(5_000);
        expect(built.realTime.pending).toBeGreaterThan(0);
        await service.stop();
        expect(built.realTime.pending).toBe(0);
        expect(built.cxoneAdapter).not.toHaveBeenCalled();
    });

    it('AD-2 the simulated dialer keeps no event log, so memory stays flat over a shift', async () => {
        const built = deps(SIMULATED);
        const { service, simulator } = composeConsole(SIMULATED, {}, built.deps);
        stops.push(service);
        await started(service, built.realTime);
        // The event log held every event of a shift as JSON (about 5 MB over 8 hours on three lines).
        expect(simulator).toBeInstanceOf(SimulatedDialer);
        expect(simulator?.control.eventLog()).toHaveLength(0);
    });

    it('AD-2 seeds the simulated calling list by the day, so a training day replays the same list', () => {
        expect(daySeed(NOW)).toBe(20261124);
        expect(daySeed(NOW + 3 * 60 * 60 * 1000)).toBe(20261124);
        expect(daySeed(NOW + 24 * 60 * 60 * 1000)).toBe(20261125);
    });

    it('AD-2 builds the CXone adapter on the settings endpoint with a token provider from the CXone sign-in', () => {
        const built = deps(CXONE);
        const service = assemble(CXONE, {}, built.deps);
        expect(built.cxoneTokens).toHaveBeenCalledWith({
            authHost: CXONE.cxoneAuthHost,
            authorizeEndpoint: '',
            tokenEndpoint: '',
            clientId: CXONE.cxoneClientId,
            tenantId: CXONE.cxoneTenantId,
            redirectUri: 'https://acme--c.vf.force.com/apex/PersonalConnectionSignIn',
            collect: expect.any(Function)
        });
        expect(built.cxoneAdapter).toHaveBeenCalledWith({
            baseUri: 'https://api-c32.nice-incontact.com',
            tokenProvider: built.tokens,
            agentId: '4105123',
            station: 'softphone'
        });
        expect(service.getState().signIn).toEqual({ required: false, pending: false });
        expect(service.getState().settingsProblems).toEqual([]);
    });

    it("BX-2 both dialers are shared across the agent's console tabs at the composition root", () => {
        for (const [settings, name] of [
            [SIMULATED, 'pc-dialer-simulated'],
            [CXONE, 'pc-dialer-4105123']
        ] as const) {
            const built = deps(settings);
            const shared: [DialerAdapter, string][] = [];
            const share = (adapter: DialerAdapter, channel: string): DialerAdapter => {
                shared.push([adapter, channel]);
                return adapter;
            };
            assemble(settings, {}, { ...built.deps, shareAcrossTabs: share });
            expect(shared.map(([, channel]) => channel)).toEqual([name]);
            const made = built.cxoneAdapter.mock.results[0]?.value as DialerAdapter | undefined;
            // The adapter shared is the one the settings chose: the built CXone adapter, or the simulator.
            expect(shared[0]?.[0] === made || shared[0]?.[0] instanceof SimulatedDialer).toBe(true);
        }
    });

    it('AD-2 uses the configured redirect URI instead of the packaged page', () => {
        const settings = { ...CXONE, cxoneRedirectUri: 'https://sso.acme.example.com/cxone/return' };
        const built = deps(settings);
        assemble(settings, {}, built.deps);
        expect(built.cxoneTokens).toHaveBeenCalledWith(
            expect.objectContaining({
                redirectUri: 'https://sso.acme.example.com/cxone/return',
                collect: expect.any(Function)
            })
        );
    });

    it("AD-2 the page's App Builder choice overrides the stored dialer, both ways", async () => {
        const toSimulated = deps(CXONE);
        const simulated = assemble(CXONE, { dialerAdapter: 'Simulated' }, toSimulated.deps);
        stops.push(simulated);
        expect(toSimulated.cxoneAdapter).not.toHaveBeenCalled();
        expect(simulated.getState().settings.dialerAdapter).toBe('Simulated');
        expect((await started(simulated, toSimulated.realTime)).connection.status).toBe('Connected');

        const storedSimulated = { ...CXONE, dialerAdapter: 'Simulated' };
        const toCxone = deps(storedSimulated);
        const cxone = assemble(storedSimulated, { dialerAdapter: 'CXone' }, toCxone.deps);
        expect(toCxone.cxoneAdapter).toHaveBeenCalledTimes(1);
        expect(cxone.getState().settings.dialerAdapter).toBe('CXone');
    });

    it('AD-3 a page choosing CXone over settings without its endpoint and sign-in shows what is missing, and starts', async () => {
        const built = deps(SIMULATED);
        const service = assemble(SIMULATED, { dialerAdapter: 'CXone' }, built.deps);
        stops.push(service);
        expect(built.cxoneAdapter).not.toHaveBeenCalled();
        const state = await started(service);
        expect(state.settingsProblems).toEqual(
            expect.arrayContaining([
                { setting: 'dialerEndpoint', code: 'Missing', usedInstead: '' },
                { setting: 'cxoneClientId', code: 'Missing', usedInstead: '' },
                { setting: 'cxoneAuthHost', code: 'Missing', usedInstead: '' }
            ])
        );
        expect(state.connection.status).toBe('Failed');
        expect(state.connection.detail).toBe(
            'CXone is not configured (dialerEndpoint, cxoneClientId, cxoneAuthHost); an admin completes the Personal Connection settings record Default'
        );
        expect(state.signIn).toBeUndefined();
        expect(state.capabilities.previewActions).toEqual([]);
    });

    it('AD-3 an invalid CXone endpoint is a configuration problem, never a call to a guessed host', async () => {
        const settings = { ...CXONE, dialerEndpoint: 'http://api-c32.nice-incontact.com' };
        const built = deps(settings);
        const service = assemble(settings, {}, built.deps);
        stops.push(service);
        const state = await started(service);
        expect(built.cxoneAdapter).not.toHaveBeenCalled();
        expect(state.settingsProblems).toEqual([{ setting: 'dialerEndpoint', code: 'Invalid', usedInstead: '' }]);
        expect(state.connection.detail).toContain('CXone is not configured (dialerEndpoint)');
    });

    it('AD-3 a console domain whose sign-in page cannot be derived needs a configured redirect URI', async () => {
        const built = deps(CXONE, 'https://console.acme.example.com');
        const service = assemble(CXONE, {}, built.deps);
        stops.push(service);
        const state = await started(service);
        expect(built.cxoneTokens).not.toHaveBeenCalled();
        expect(state.settingsProblems).toEqual([{ setting: 'cxoneRedirectUri', code: 'Missing', usedInstead: '' }]);
        expect(state.connection.status).toBe('Failed');
        expect(state.connection.detail).toContain('cxoneRedirectUri');
    });

    it('AD-3 settings that cannot be read give the defaults and a visible problem, and the console still starts', async () => {
        const built = deps(new GatewayError('Permission', 'No access to the PersonalConnectionController Apex class'));
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const service = await buildConsoleService({}, built.deps);
        expect(warn).toHaveBeenCalledWith('Personal Connection settings could not be read:', 'Permission');
        warn.mockRestore();
        stops.push(service);
        const state = await started(service, built.realTime);
        expect(state.settings).toEqual(DEFAULT_SETTINGS);
        expect(state.settingsProblems).toEqual([{ setting: 'settings', code: 'Missing', usedInstead: 'defaults' }]);
        expect(state.connection.status).toBe('Connected');
    });

    it('AD-2 createConsoleService reads the settings through the Apex controller', async () => {
        (apexGetSettings as jest.Mock).mockResolvedValue({ ...SIMULATED, linesPerAgent: 2 });
        const service = await createConsoleService({});
        expect(apexGetSettings).toHaveBeenCalledTimes(1);
        expect(service.getState().settings.linesPerAgent).toBe(2);
        expect(service.getState().settingsProblems).toEqual([]);
    });

    it('AD-3 createConsoleService starts on the defaults when the Apex call fails', async () => {
        (apexGetSettings as jest.Mock).mockRejectedValue({ status: 500, body: { message: 'boom' } });
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const service = await createConsoleService({});
        expect(service.getState().settingsProblems).toEqual([
            { setting: 'settings', code: 'Missing', usedInstead: 'defaults' }
        ]);
        expect(warn.mock.calls.flat().join(' ')).not.toContain('boom');
        warn.mockRestore();
    });

    it('BX-5 asks for the CXone sign-in when the adapter has no token, signs in from the click and connects', async () => {
        const built = deps(CXONE);
        const service = assemble(CXONE, {}, built.deps);
        stops.push(service);
        const first = await started(service);
        expect(first.connection.status).toBe('Failed');
        expect(first.signIn).toEqual({ required: true, pending: false });
        const adapter = built.cxoneAdapter.mock.results[0]!.value as DialerAdapter;
        const disconnect = jest.spyOn(adapter, 'disconnect');

        let finish: () => void = () => undefined;
        built.tokens.outcome = () => new Promise<void>((resolve) => (finish = resolve));
        const result = service.signIn!();
        expect(service.getState().signIn).toEqual({ required: true, pending: true });
        // A second click while the window is open sends nothing more.
        const again = await service.signIn!();
        expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'InFlight' }) });
        finish();
        await settle();
        expect(await result).toEqual({ ok: true });
        expect(built.tokens.signIns).toBe(1);
        // Connected again without a disconnect: the adapter keeps this tab's leadership of the session (BX-2).
        expect(disconnect).not.toHaveBeenCalled();
        const state = service.getState();
        expect(state.connection.status).toBe('Connected');
        expect(state.signIn).toEqual({ required: false, pending: false });
        expect(state.skills.length).toBeGreaterThan(0);
    });

    it('BX-5 Retry after a failed connect connects again, and does nothing while connected', async () => {
        const built = deps(CXONE);
        const service = assemble(CXONE, {}, built.deps);
        stops.push(service);
        expect((await started(service)).connection.status).toBe('Failed');
        built.tokens.signedIn = true;
        expect(await service.start()).toEqual({ ok: true });
        expect(service.getState().connection.status).toBe('Connected');
        const adapter = built.cxoneAdapter.mock.results[0]!.value as DialerAdapter;
        const connect = jest.spyOn(adapter, 'connect');
        expect(await service.start()).toEqual({ ok: true });
        expect(connect).not.toHaveBeenCalled();
    });

    it('BX-5 a sign-in that fails is shown as an error and can be tried again', async () => {
        const built = deps(CXONE);
        const service = assemble(CXONE, {}, built.deps);
        stops.push(service);
        await started(service);
        built.tokens.outcome = () =>
            Promise.reject(new DialerError('Rejected', 'the browser blocked the sign-in window; allow pop-ups'));
        const result = await service.signIn!();
        expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'Rejected', command: 'signIn' }) });
        expect(service.getState().signIn).toEqual({ required: true, pending: false });
        expect(service.getState().errors.map((e) => e.detail)).toContain(
            'the browser blocked the sign-in window; allow pop-ups'
        );
        built.tokens.outcome = () => Promise.resolve();
        expect(await service.signIn!()).toEqual({ ok: true });
        expect(service.getState().connection.status).toBe('Connected');
    });
});
