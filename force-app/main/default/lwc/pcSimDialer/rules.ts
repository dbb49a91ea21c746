/** Small rules shared by the simulated dialer's modules. */
import { DialerError } from 'c/pcDialerPort';
import type { ErrorCode } from 'c/pcModel';

/** An E.164 phone number. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Throws a typed dialer error (commands turn it into a rejection). */
export function fail(code: ErrorCode, message: string): never {
    throw new DialerError(code, message);
}

/** True when a sorts before b, element by element. */
export function lexicallyBefore(a: readonly number[], b: readonly number[]): boolean {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
}

/** The number in an id like "call-12", or NaN. */
export function serial(id: string, prefix: string): number {
    return id.startsWith(prefix) ? Number(id.slice(prefix.length)) : Number.NaN;
}
