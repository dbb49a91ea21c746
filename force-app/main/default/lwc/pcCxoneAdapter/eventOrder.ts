/**
 * One rule for every kind of CXone event (BX-5): a long poll that was retried, a rejoin or CXone itself
 * may deliver an event twice or after a newer one. Each event names what it is about (a contact, the
 * agent's state, one callback) and when it happened; an event older than the last one applied about the
 * same thing, or the same event again, changes nothing.
 */
export class EventOrder {
    private readonly last = new Map<string, { readonly at: number; readonly fingerprint: string }>();

    /**
     * Whether an event about `subject` at `at` is new; records it when it is. Two different events
     * stamped in the same millisecond are both new (the fingerprint tells them apart).
     */
    accept(subject: string, at: number, fingerprint: string): boolean {
        const seen = this.last.get(subject);
        if (seen && (at < seen.at || (at === seen.at && fingerprint === seen.fingerprint))) return false;
        this.last.set(subject, { at, fingerprint });
        return true;
    }

    /** Forgets everything (a new session). */
    clear(): void {
        this.last.clear();
    }
}
