/**
 * Counts what the console asks of Salesforce, for `npm run bench` (part "org"): a wrapper around any
 * SalesforceGateway that tallies each method call by name before passing it on unchanged. With the Apex
 * gateway each call is one Apex request, so the tally is the console's Apex round trips.
 */
import type { SalesforceGateway } from 'c/pcSalesforcePort';

/** Calls per gateway method name. */
export type CallCounts = Readonly<Record<string, number>>;

/** A gateway and the running tally of the calls made through it. */
export interface CountedGateway {
    readonly gateway: SalesforceGateway;
    /** A copy of the tally so far. */
    counts(): CallCounts;
}

/**
 * Wraps target so every method call is counted. A Proxy rather than a hand-listed class, so methods the
 * gateway gains later are counted without a change here.
 */
export function countGatewayCalls(target: SalesforceGateway): CountedGateway {
    const tally = new Map<string, number>();
    const wrapped = new Map<PropertyKey, unknown>();
    const gateway = new Proxy(target, {
        get(obj, key, receiver) {
            const value: unknown = Reflect.get(obj, key, receiver);
            if (typeof value !== 'function' || typeof key !== 'string') return value;
            // One wrapper per method, so repeated reads do not allocate (the shift bench watches the heap).
            let fn = wrapped.get(key);
            if (!fn) {
                const method = value as (...args: unknown[]) => unknown;
                fn = (...args: unknown[]): unknown => {
                    tally.set(key, (tally.get(key) ?? 0) + 1);
                    return method.apply(obj, args);
                };
                wrapped.set(key, fn);
            }
            return fn;
        }
    });
    return { gateway, counts: () => Object.fromEntries(tally) };
}
