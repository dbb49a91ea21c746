/** A binary min-heap ordered by `at`, ties in insertion order: the simulator's queues of due work. */
export interface HeapEntry<T> {
    readonly at: number;
    readonly seq: number;
    readonly value: T;
}

function earlier<T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export class MinHeap<T> {
    private readonly items: HeapEntry<T>[] = [];
    private seq = 0;

    get size(): number {
        return this.items.length;
    }

    /** The earliest entry, without removing it. */
    peek(): HeapEntry<T> | undefined {
        return this.items[0];
    }

    push(at: number, value: T): void {
        const items = this.items;
        items.push({ at, seq: this.seq++, value });
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!earlier(items[i], items[parent])) break;
            [items[i], items[parent]] = [items[parent], items[i]];
            i = parent;
        }
    }

    pop(): HeapEntry<T> | undefined {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length > 0 && last) {
            items[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                if (l < items.length && earlier(items[l], items[m])) m = l;
                if (r < items.length && earlier(items[r], items[m])) m = r;
                if (m === i) break;
                [items[i], items[m]] = [items[m], items[i]];
                i = m;
            }
        }
        return top;
    }
}
