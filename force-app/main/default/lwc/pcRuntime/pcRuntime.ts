/**
 * The composition root of every console, the org's and the local one: reads the admin settings through Salesforce,
 * then builds the service with the dialer adapter the settings name. Components receive the service from here and
 * never import an adapter or Apex themselves. The local console calls the same `composeConsole` with its own
 * environment: the in-memory Salesforce, a virtual clock its simulator panel paces (`simulation`), no tab sharing.
 *
 * The dialer is chosen here only, from configuration (the page's App Builder choice, else the stored setting), never
 * by sniffing the environment. Settings that cannot be read give the safe defaults and a visible problem (AD-3); a
 * CXone dialer the settings cannot set up gives a console that says what is missing instead of one that fails to load.
 */
import { createApexGateway } from 'c/pcApexGateway';
import { createBrowserCxoneAdapter } from 'c/pcCxoneAdapter';
import type { BrowserCxoneOptions } from 'c/pcCxoneAdapter';
import type { CryptoLike, FetchLike, TokenProvider } from 'c/pcCxoneAuth';
import { systemClock } from 'c/pcDialerPort';
import type { Clock, DialerAdapter, DialerSignIn } from 'c/pcDialerPort';
import { DialerAdapterKind, isDialerAdapterKind } from 'c/pcModel';
import type { CallingListContact, ConsoleApi, Settings, SettingsProblem } from 'c/pcModel';
import { GatewayError } from 'c/pcSalesforcePort';
import type { SalesforceGateway, SignInCollected } from 'c/pcSalesforcePort';
import { ConsoleService } from 'c/pcService';
import type { ConsoleServiceOptions, ScoreboardStore } from 'c/pcService';
import { createOmniPresence } from 'c/pcOmniToolkit';
import { applyPageOverrides, parseSettings } from 'c/pcSettings';
import type { PageOverrides } from 'c/pcSettings';
import type { SimulatedDialer } from 'c/pcSimDialer';
import { shareInBrowser } from 'c/pcTabShare';
import type { RealTimeSource } from 'c/pcVirtualClock';
import { browserSignInHost, CxoneSignIn, SIGN_IN_PAGE_PATH, visualforceOriginFor } from './signIn';
import type { CxoneSignInConfig, SignInHost } from './signIn';
import { UnconfiguredDialer } from './unconfigured';
import { sessionScoreboardStore } from './scoreboardStore';
import { createSimulatedDialer } from './simulated';
import type { Simulation } from './simulated';

export { daySeed } from './simulated';
export type { Simulation } from './simulated';

/** The scoreboard's refresh copy (WU-2), when the page has sessionStorage. */
function scoreStore(): { scoreboardStore?: ScoreboardStore } {
    const store = sessionScoreboardStore();
    return store ? { scoreboardStore: store } : {};
}

/** Omni-Channel presence (WU-5), where the console runs inside the Aura wrapper that hands over the toolkit. */
function presenceOf(options: RuntimeOptions): Pick<ConsoleServiceOptions, 'presence'> {
    const presence = options.omniToolkit ? createOmniPresence(options.omniToolkit) : null;
    return presence ? { presence } : {};
}

/** Per-page choices from Lightning App Builder that override the stored settings. */
export interface RuntimeOptions {
    /** Overrides the stored dialer adapter for this page, when set. */
    readonly dialerAdapter?: DialerAdapterKind | null;
    /** Value one / Value two and the console-tab option set on this page (AD-4, AD-5), checked like the metadata. */
    readonly page?: PageOverrides;
    /** The Omni-Channel toolkit bridge from the Aura wrapper (WU-5); absent or unusable, presence is not synchronised. */
    readonly omniToolkit?: unknown;
}

/** A CXone token source that is also the sign-in the console offers the agent. */
export type CxoneTokens = TokenProvider & DialerSignIn;

/** Everything the runtime builds with; the org's real ones by default, stand-ins in tests. */
export interface RuntimeDeps {
    readonly gateway: SalesforceGateway;
    /** Wall time: the simulated dialer's start and seed. */
    readonly now: () => number;
    /** Paces the simulated dialer's clock at real time. */
    readonly realTime: RealTimeSource;
    /** The console page's origin (`https://<domain>.lightning.force.com`), for the sign-in page's origin. */
    readonly pageOrigin: string;
    readonly createCxoneAdapter: (options: BrowserCxoneOptions) => DialerAdapter;
    readonly createCxoneTokens: (config: CxoneSignInConfig) => CxoneTokens;
    /** Shares a dialer between the agent's console tabs (one drives it, the others mirror); none: not shared. */
    readonly shareAcrossTabs?: (adapter: DialerAdapter, name: string) => DialerAdapter;
    /** A simulated world whose clock the page paces itself (the local console's simulator panel); none: the org's. */
    readonly simulation?: Simulation;
}

/** What the composition root built: the service, and the simulated dialer when the settings chose it. */
export interface ComposedConsole {
    readonly service: ConsoleService;
    /** The simulated dialer behind the service (its control drives a simulator panel); null for any other dialer. */
    readonly simulator: SimulatedDialer | null;
}

/** The dialer side of a console: the adapter the service drives, the clock it runs on, and CXone's sign-in. */
interface DialerParts {
    readonly adapter: DialerAdapter;
    readonly clock: Clock;
    readonly signIn?: DialerSignIn;
    readonly simulator: SimulatedDialer | null;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CXONE_SETTINGS: ReadonlySet<string> = new Set([
    'dialerEndpoint',
    'cxoneAuthHost',
    'cxoneAuthorizeEndpoint',
    'cxoneTokenEndpoint',
    'cxoneClientId',
    'cxoneRedirectUri'
]);

/** The redirect URI and the origin its page posts from: the configured one, else the package's page. */
function signInPage(settings: Settings, pageOrigin: string): { readonly uri: string; readonly origin: string } | null {
    if (settings.cxoneRedirectUri) {
        return { uri: settings.cxoneRedirectUri, origin: new URL(settings.cxoneRedirectUri).origin };
    }
    const origin = visualforceOriginFor(pageOrigin);
    return origin ? { uri: `${origin}${SIGN_IN_PAGE_PATH}`, origin } : null;
}

/**
 * Builds the console from read settings and the page's choice: the one place a dialer adapter is chosen (the
 * simulated dialer by default, CXone when configured). Exported for tests and the local console, which inject `deps`.
 */
export function composeConsole(
    storedSettings: unknown,
    options: RuntimeOptions,
    deps: RuntimeDeps,
    listContacts: readonly CallingListContact[] = []
): ComposedConsole {
    const rawSettings = options.page ? applyPageOverrides(storedSettings, options.page) : storedSettings;
    const stored = parseSettings(rawSettings);
    const kind = isDialerAdapterKind(options.dialerAdapter) ? options.dialerAdapter : stored.settings.dialerAdapter;
    // The page's choice is written into the settings, so they check (and show) what this dialer needs.
    let raw: unknown = isRecord(rawSettings) ? { ...rawSettings, dialerAdapter: kind } : rawSettings;
    const { settings, problems } = parseSettings(raw);

    let parts: DialerParts;
    if (kind === DialerAdapterKind.Simulated) {
        parts = simulatedParts(settings, deps, listContacts);
    } else {
        const missing: SettingsProblem[] = problems.filter((p) => CXONE_SETTINGS.has(String(p.setting)));
        const page = signInPage(settings, deps.pageOrigin);
        if (!page && !missing.some((p) => p.setting === 'cxoneRedirectUri')) {
            const unknownPage: SettingsProblem = { setting: 'cxoneRedirectUri', code: 'Missing', usedInstead: '' };
            missing.push(unknownPage);
            if (isRecord(raw)) raw = { ...raw, problems: [...serverProblems(raw), unknownPage] };
        }
        parts = page && missing.length === 0 ? cxoneParts(settings, page.uri, deps) : unconfiguredParts(missing);
    }
    const service = new ConsoleService({
        adapter: parts.adapter,
        gateway: deps.gateway,
        clock: parts.clock,
        settings: raw,
        ...(parts.signIn ? { signIn: parts.signIn } : {}),
        ...scoreStore(),
        ...presenceOf(options)
    });
    return { service, simulator: parts.simulator };
}

/** The console's service alone, as the org's console takes it. */
export function assemble(
    storedSettings: unknown,
    options: RuntimeOptions,
    deps: RuntimeDeps,
    listContacts: readonly CallingListContact[] = []
): ConsoleService {
    return composeConsole(storedSettings, options, deps, listContacts).service;
}

/** The simulated dialer, shared between the agent's tabs where the page shares dialers. */
function simulatedParts(settings: Settings, deps: RuntimeDeps, contacts: readonly CallingListContact[]): DialerParts {
    const { simulator, clock } = createSimulatedDialer(settings, deps, contacts);
    const adapter = deps.shareAcrossTabs?.(simulator, 'pc-dialer-simulated') ?? simulator;
    // One time line for the simulated world: the service's timers and times run on the dialer's clock.
    return { adapter, clock, simulator };
}

/** A dialer that says what is missing instead of a console that fails to load. */
function unconfiguredParts(missing: readonly SettingsProblem[]): DialerParts {
    const names = [...new Set(missing.map((p) => String(p.setting)))].join(', ');
    const adapter = new UnconfiguredDialer(
        `CXone is not configured (${names}); an admin completes the Personal Connection settings record Default`
    );
    return { adapter, clock: systemClock, simulator: null };
}

/** The CXone adapter with its sign-in, shared between the agent's tabs. */
function cxoneParts(settings: Settings, redirectUri: string, deps: RuntimeDeps): DialerParts {
    const tokens = deps.createCxoneTokens({
        authHost: settings.cxoneAuthHost,
        authorizeEndpoint: settings.cxoneAuthorizeEndpoint,
        tokenEndpoint: settings.cxoneTokenEndpoint,
        clientId: settings.cxoneClientId,
        tenantId: settings.cxoneTenantId,
        redirectUri,
        collect: (state) => collectSignIn(deps.gateway, state)
    });
    const cxone = deps.createCxoneAdapter({
        baseUri: settings.dialerEndpoint,
        tokenProvider: tokens,
        ...(settings.cxoneAgentId ? { agentId: settings.cxoneAgentId } : {}),
        ...(settings.cxoneStation ? { station: settings.cxoneStation } : {})
    });
    const adapter = deps.shareAcrossTabs?.(cxone, `pc-dialer-${settings.cxoneAgentId || 'agent'}`) ?? cxone;
    return { adapter, clock: systemClock, signIn: tokens, simulator: null };
}

/** The sign-in answer from Salesforce (BX-11); a gateway without collectSignIn cannot complete a CXone sign-in. */
function collectSignIn(gateway: SalesforceGateway, state: string): Promise<SignInCollected> {
    if (!gateway.collectSignIn) {
        return Promise.reject(new GatewayError('Protocol', 'this console cannot collect a CXone sign-in'));
    }
    return gateway.collectSignIn(state);
}

function serverProblems(raw: Readonly<Record<string, unknown>>): readonly unknown[] {
    return Array.isArray(raw.problems) ? raw.problems : [];
}

/** The org's dependencies: Apex, the page's window, fetch and Web Crypto, the system clock. */
export function browserDeps(gateway: SalesforceGateway = createApexGateway()): RuntimeDeps {
    const host: SignInHost = browserSignInHost(window);
    const fetchFn: FetchLike = (input, init) => fetch(input, init);
    const crypto: CryptoLike = window.crypto;
    const clock: Clock = systemClock;
    return {
        gateway,
        now: () => Date.now(),
        realTime: systemClock,
        pageOrigin: window.location.origin,
        createCxoneAdapter: (options) => createBrowserCxoneAdapter(options),
        createCxoneTokens: (config) => new CxoneSignIn({ ...config, host, fetch: fetchFn, crypto, clock }),
        shareAcrossTabs: (adapter, name) => shareInBrowser(adapter, name)
    };
}

/** Reads the settings (a failure gives the defaults and a visible problem, AD-3), then builds the console service. */
export async function buildConsoleService(options: RuntimeOptions, deps: RuntimeDeps): Promise<ConsoleApi> {
    let raw: unknown;
    try {
        raw = await deps.gateway.getSettings();
    } catch (e) {
        // null parses as "settings: missing, using defaults", which the console lists for the admin.
        raw = null;
        // The code only (Permission, Network ...): a platform message can quote record values.
        console.warn('Personal Connection settings could not be read:', e instanceof GatewayError ? e.code : 'Unknown');
    }
    return assemble(raw, options, deps, await demoContacts(raw, options, deps.gateway));
}

/**
 * The org's Contacts for a simulated dialer's calling list (demo and training), so its pops, Value one and Contact
 * History are real. None for a real dialer; none (the generated list) when they cannot be read.
 */
async function demoContacts(
    raw: unknown,
    options: RuntimeOptions,
    gateway: SalesforceGateway
): Promise<readonly CallingListContact[]> {
    const kind = isDialerAdapterKind(options.dialerAdapter)
        ? options.dialerAdapter
        : parseSettings(raw).settings.dialerAdapter;
    if (kind !== DialerAdapterKind.Simulated || !gateway.getCallingListContacts) return [];
    try {
        return await gateway.getCallingListContacts();
    } catch (e) {
        console.warn(
            'Personal Connection demo contacts could not be read:',
            e instanceof GatewayError ? e.code : 'Unknown'
        );
        return [];
    }
}

/** Builds the console service for this org and page. */
export async function createConsoleService(options: RuntimeOptions = {}): Promise<ConsoleApi> {
    return buildConsoleService(options, browserDeps());
}
