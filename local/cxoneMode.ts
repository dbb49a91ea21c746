/**
 * The local console's CXone mode (`?dialer=cxone&cxone=<fake base URI>`): the real CXone adapter against the
 * project's CXone fake, built by the org's composition root (pcRuntime's buildConsoleService with the browser's
 * dependencies), so the settings checks, the popup sign-in, tab sharing and the adapter are the org's own. Only
 * Salesforce is faked: in-memory data, and the sign-in's Apex on the local server (/local-apex/...).
 */
import { createElement } from 'lwc';
import PcConsole from 'c/pcConsole';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { browserDeps, buildConsoleService } from 'c/pcRuntime';
import { GatewayError } from 'c/pcSalesforcePort';
import type { SignInCollected } from 'c/pcSalesforcePort';

/** The fake's base URI from the page's URL, when it names a loopback address; null otherwise. */
export function cxoneFakeFrom(search: string): string | null {
    const params = new URLSearchParams(search);
    if (params.get('dialer') !== 'cxone') return null;
    const base = params.get('cxone') ?? '';
    return /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(base) ? base : null;
}

/** The fake's control route from the page's URL, when it names a loopback address; null otherwise. */
export function cxoneControlFrom(search: string): string | null {
    const control = new URLSearchParams(search).get('cxoneControl') ?? '';
    return /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(control) ? control : null;
}

/** In-memory Salesforce whose sign-in answers live on the local server, where the sign-in window saved them. */
class LocalCxoneGateway extends InMemorySalesforceGateway {
    override async collectSignIn(state: string): Promise<SignInCollected> {
        let response: Response;
        try {
            response = await fetch('/local-apex/collectSignIn', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ state })
            });
        } catch {
            throw new GatewayError('Network', 'the local server did not answer');
        }
        const body: unknown = await response.json();
        if (typeof body === 'object' && body !== null && 'status' in body) return body as SignInCollected;
        throw new GatewayError('Protocol', 'the local server answered an unknown shape');
    }
}

/** Mounts the console on the CXone adapter against the fake at `base`. */
export async function mountCxoneConsole(base: string, host: HTMLElement): Promise<void> {
    const settings = {
        ...DEFAULT_SETTINGS,
        dialerAdapter: 'CXone',
        dialerEndpoint: base,
        cxoneAuthorizeEndpoint: `${base}/auth/authorize`,
        // The fake's paths (FakeCxoneServer.authorizeEndpoint and tokenEndpoint).
        cxoneTokenEndpoint: `${base}/public/authentication/v1/token`,
        cxoneClientId: 'pc-console',
        cxoneRedirectUri: `${window.location.origin}/apex/PersonalConnectionSignIn`,
        // CXone mode runs on the wall clock and the fake's contacts are fictitious Chicago numbers: with the shipped
        // rule sets its walkthrough would work only in Chicago's calling hours. The rule sets are tried in the
        // simulated mode, whose clock the panel sets (CP-5); here no rule set applies.
        ruleSets: []
    };
    const gateway = new LocalCxoneGateway({ settings });
    const service = await buildConsoleService({}, browserDeps(gateway));
    const element = createElement('c-pc-console', { is: PcConsole });
    Object.assign(element, { service });
    host.appendChild(element);
}
