// The browser's own DOM for the benchmarks, kept by an init script before any page script runs. Synthetic shadow
// filters MutationObserver records to one shadow tree, as native shadow DOM would; the benchmarks observe with the
// browser's own observer to see every render. Handed to addInitScript, so it uses nothing from this module's scope.

/** Installs window.__nativeDom: the native observer and textContent, and `watchStatus`. */
export function keepNativeDom() {
    const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
    const text = (node) => textContent.call(node) ?? '';
    const shows = (records, status) =>
        records.some((r) =>
            r.type === 'characterData'
                ? text(r.target).includes(status)
                : [...r.addedNodes].some((n) => text(n).includes(status))
        );
    const { MutationObserver } = window;
    const { observe } = MutationObserver.prototype;
    window.__nativeDom = {
        MutationObserver,
        observe,
        disconnect: MutationObserver.prototype.disconnect,
        textContent,
        /**
         * Watches `root` for the status a bench waits on: while `pending()` names one ({ at, status }), the first
         * mutation that shows it (text that changed to hold it, or an added node holding it) calls
         * `onSeen(seenAt, pending)`, which clears it. Returns the observer.
         */
        watchStatus: (root, pending, onSeen) => {
            const observer = new MutationObserver((records) => {
                const waiting = pending();
                if (!waiting) return;
                const seen = performance.now();
                if (shows(records, waiting.status)) onSeen(seen, waiting);
            });
            observe.call(observer, root, { subtree: true, childList: true, characterData: true });
            return observer;
        }
    };
}
