/** The share of the window's height the work column may take and still stick to the top (UB-1). */
export const WORK_SHARE = 0.5;

/**
 * Whether the work column (the calls' and the preview's controls) may stick to the top of the panel while the pop
 * scrolls beneath it (UB-1): only while it leaves at least half the window's height to the pop. Taller (three lines
 * in a 600 px panel) it scrolls with the page, so every line's controls can be brought into view and none is held
 * under whatever covers the bottom of the window.
 */
export class WorkFit {
    private observer: ResizeObserver | null = null;
    private element: HTMLElement | null = null;
    private fits = true;
    private readonly onResize = (): void => this.measure();

    constructor(private readonly changed: (fits: boolean) => void) {}

    /** True while the column it watches is still in the page. */
    get watching(): boolean {
        return Boolean(this.element?.isConnected);
    }

    /** Watches the column's height and the window's; without ResizeObserver the column always sticks. */
    watch(element: HTMLElement | null): void {
        if (!element || typeof ResizeObserver === 'undefined') return;
        this.stop();
        this.element = element;
        this.observer = new ResizeObserver(this.onResize);
        this.observer.observe(element);
        window.addEventListener('resize', this.onResize);
        this.measure();
    }

    stop(): void {
        this.observer?.disconnect();
        this.observer = null;
        if (this.element) window.removeEventListener('resize', this.onResize);
        this.element = null;
    }

    private measure(): void {
        const element = this.element;
        if (!element) return;
        const fits = element.offsetHeight <= WORK_SHARE * window.innerHeight;
        if (fits === this.fits) return;
        this.fits = fits;
        this.changed(fits);
    }
}
