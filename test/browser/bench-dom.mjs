// The browser's own DOM for the benchmarks, kept by an init script before any page script runs. Synthetic shadow
// filters MutationObserver records to one shadow tree, as native shadow DOM would; the benchmarks observe with the
// browser's own observer to see every render. Handed to addInitScript, so it uses nothing from this module's scope.

/** Installs window.__nativeDom: the native observer and textContent, and `shows(records, status)`. */
export function keepNativeDom() {
    const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
    const text = (node) => textContent.call(node) ?? '';
    window.__nativeDom = {
        MutationObserver: window.MutationObserver,
        observe: window.MutationObserver.prototype.observe,
        disconnect: window.MutationObserver.prototype.disconnect,
        textContent,
        /** Whether mutation records show `status`: text that changed to hold it, or an added node holding it. */
        shows: (records, status) =>
            records.some((r) =>
                r.type === 'characterData'
                    ? text(r.target).includes(status)
                    : [...r.addedNodes].some((n) => text(n).includes(status))
            )
    };
}
