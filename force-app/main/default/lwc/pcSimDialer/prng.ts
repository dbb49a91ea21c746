/**
 * A small seeded PRNG (mulberry32): the simulated dialer draws every random choice from one of
 * these, so the same seed gives the same calling list and the same calls.
 */
export class Rng {
    private state: number;

    constructor(seed: number) {
        // Mix the seed so nearby seeds (1, 2, 3) start far apart.
        this.state = (Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max], both included. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** True with probability p. */
    chance(p: number): boolean {
        return this.next() < p;
    }

    /** One element of a non-empty list. */
    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)]!;
    }

    /** One key of a weight table, drawn by weight. */
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
        const keys = Object.keys(weights) as K[];
        const total = keys.reduce((sum, k) => sum + weights[k], 0);
        let roll = this.next() * total;
        for (const k of keys) {
            roll -= weights[k];
            if (roll < 0) return k;
        }
        return keys[keys.length - 1]!;
    }

    /** A child generator for an independent stream (the calling list, the calls). */
    fork(): Rng {
        return new Rng(Math.floor(this.next() * 4294967296));
    }
}
