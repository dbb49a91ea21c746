/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
import { webcrypto } from 'node:crypto';
import { CxoneOAuth, createPkcePair } from 'c/pcCxoneAuth';
import type { CryptoLike, FetchLike } from 'c/pcCxoneAuth';
import { DialerError } from 'c/pcDialerPort';

const nodeCrypto: CryptoLike = webcrypto;

/** The 32 octets of RFC 7636 appendix B, so the verifier and challenge are the RFC's. */
const RFC_OCTETS = [
    116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
    88, 5, 88, 83, 132, 141, 121
];
const rfcCrypto: CryptoLike = {
    getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
        (array as unknown as Uint8Array).set(RFC_OCTETS.slice(0, (array as unknown as Uint8Array).length));
        return array;
    },
    subtle: nodeCrypto.subtle
};

function tokenFetch(answers: Array<{ status: number; body: unknown }>, seen: string[]): FetchLike {
    return async (_url, init) => {
        seen.push(String(init?.body ?? ''));
        const next = answers.shift() ?? { status: 500, body: {} };
        return new Response(JSON.stringify(next.body), { status: next.status });
    };
}

function client(fetchFn: FetchLike): CxoneOAuth {
    return new CxoneOAuth({
        authorizeEndpoint: 'https://cxone.example/auth/authorize',
        tokenEndpoint: 'https://cxone.example/auth/token',
        clientId: 'pc-console',
        redirectUri: 'https://org.example/pc-callback',
        fetch: fetchFn,
        crypto: rfcCrypto
    });
}

describe('c/pcCxoneAuth', () => {
    it('BX-5 PKCE: the S256 challenge is the base64url SHA-256 of the verifier (RFC 7636 appendix B)', async () => {
        const pair = await createPkcePair(rfcCrypto);
        expect(pair.verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
        expect(pair.challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    });

    it('BX-5 the authorize URL asks for a code with an S256 challenge; the code is exchanged with the verifier', async () => {
        const seen: string[] = [];
        const auth = client(tokenFetch([{ status: 200, body: { access_token: 'A1', refresh_token: 'R1' } }], seen));
        const pending = await auth.beginAuthorization();
        const url = new URL(pending.url);
        expect(url.searchParams.get('response_type')).toBe('code');
        expect(url.searchParams.get('code_challenge_method')).toBe('S256');
        expect(url.searchParams.get('code_challenge')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
        await auth.completeAuthorization(pending, 'the-code', pending.state);
        expect(new URLSearchParams(seen[0]).get('code_verifier')).toBe(pending.verifier);
        expect(await auth.getToken()).toBe('A1');
    });

    it('BX-5 a state that does not match is refused before any token request', async () => {
        const seen: string[] = [];
        const auth = client(tokenFetch([], seen));
        const pending = await auth.beginAuthorization();
        await expect(auth.completeAuthorization(pending, 'code', 'forged')).rejects.toMatchObject({
            code: 'Unauthorized'
        });
        expect(seen).toHaveLength(0);
    });

    it('BX-5 concurrent refreshes share one token request', async () => {
        const seen: string[] = [];
        const auth = client(
            tokenFetch(
                [
                    { status: 200, body: { access_token: 'A1', refresh_token: 'R1' } },
                    { status: 200, body: { access_token: 'A2', refresh_token: 'R2' } }
                ],
                seen
            )
        );
        const pending = await auth.beginAuthorization();
        await auth.completeAuthorization(pending, 'code', pending.state);
        const tokens = await Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
        expect(tokens).toEqual(['A2', 'A2', 'A2']);
        expect(seen).toHaveLength(2);
        expect(new URLSearchParams(seen[1]).get('grant_type')).toBe('refresh_token');
    });

    it('BX-5 a refused refresh fails Unauthorized without the token in the message', async () => {
        const seen: string[] = [];
        const auth = client(
            tokenFetch(
                [
                    { status: 200, body: { access_token: 'SECRET-ACCESS', refresh_token: 'SECRET-REFRESH' } },
                    { status: 400, body: { error: 'invalid_grant', refresh_token: 'SECRET-REFRESH' } }
                ],
                seen
            )
        );
        const pending = await auth.beginAuthorization();
        await auth.completeAuthorization(pending, 'code', pending.state);
        const error = await auth.refresh().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DialerError);
        expect((error as DialerError).code).toBe('Unauthorized');
        expect((error as DialerError).message).not.toMatch(/SECRET/);
    });
});
