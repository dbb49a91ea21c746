/** How an Omni-Channel command fails (WU-5): no answer in time, or an error shown without a contact's data. */
import type { Clock } from 'c/pcDialerPort';
import type { ErrorCode } from 'c/pcModel';
import { PresenceError } from 'c/pcPresencePort';

/** How long Omni-Channel may take to confirm a status change before it counts as failed. */
export const PRESENCE_TIMEOUT_MS = 10_000;

/** A failed Omni-Channel command as the error panel shows it. */
export function failureOf(e: unknown): { code: ErrorCode; detail: string } {
    if (e instanceof PresenceError) return { code: e.code, detail: `Omni-Channel: ${e.message}` };
    // Anything else may carry anything in its message; only its type is safe to show.
    return { code: 'Unknown', detail: `Omni-Channel: unexpected ${e instanceof Error ? e.name : typeof e}` };
}

/** The command's promise, rejected with a Timeout when Omni-Channel does not answer in time. */
export function withTimeout<T>(clock: Clock, promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const cancel = clock.schedule(PRESENCE_TIMEOUT_MS, () =>
            reject(new PresenceError('Timeout', `no answer in ${PRESENCE_TIMEOUT_MS / 1000} s`))
        );
        promise.then(
            (value) => {
                cancel();
                resolve(value);
            },
            (e: unknown) => {
                cancel();
                reject(e instanceof Error ? e : new PresenceError('Unknown', 'rejected'));
            }
        );
    });
}
