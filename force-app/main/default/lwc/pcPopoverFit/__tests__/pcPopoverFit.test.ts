// UB-1 UB-2: a panel opened over the content stays inside the window, whichever side its button wrapped to.
import { EDGE_PX, fitInViewport, focusLeaves } from 'c/pcPopoverFit';

/** A panel laid out at [left, right] in a window `width` pixels wide (jsdom lays out nothing by itself). */
function panelAt(left: number, right: number, width = 380, height = 200): HTMLElement {
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: width });
    const panel = document.createElement('section');
    panel.getBoundingClientRect = () =>
        ({ left, right, width: right - left, height, top: 0, bottom: height, x: left, y: 0 }) as DOMRect;
    return panel;
}

describe('c/pcPopoverFit', () => {
    it('UB-1 UB-2 a panel that fits is left where it is, with its nubbin', () => {
        const panel = panelAt(40, 360);
        panel.setAttribute('data-shifted', '');
        panel.style.transform = 'translateX(12px)';
        expect(fitInViewport(panel)).toBe(0);
        expect(panel.style.transform).toBe('');
        expect(panel.hasAttribute('data-shifted')).toBe(false);
    });

    it('UB-1 UB-2 a panel sticking out on the left moves right to the edge margin, and drops its nubbin', () => {
        const panel = panelAt(-126, 194);
        expect(fitInViewport(panel)).toBe(126 + EDGE_PX);
        expect(panel.style.transform).toBe(`translateX(${126 + EDGE_PX}px)`);
        expect(panel.hasAttribute('data-shifted')).toBe(true);
    });

    it('UB-1 UB-2 a panel sticking out on the right moves left to the edge margin', () => {
        expect(fitInViewport(panelAt(200, 520))).toBe(380 - EDGE_PX - 520);
        // Exactly at the margin on either side is inside.
        expect(fitInViewport(panelAt(EDGE_PX, 380 - EDGE_PX))).toBe(0);
        expect(fitInViewport(panelAt(EDGE_PX - 1, 300))).toBe(1);
        expect(fitInViewport(panelAt(100, 380 - EDGE_PX + 1))).toBe(-1);
    });

    it('UB-1 a panel wider than the window keeps its left edge, where reading starts, in view', () => {
        expect(fitInViewport(panelAt(-50, 450))).toBe(50 + EDGE_PX);
        expect(fitInViewport(panelAt(20, 520))).toBe(EDGE_PX - 20);
    });

    it('UB-2 a panel not laid out, or none at all, is not touched', () => {
        const panel = document.createElement('section');
        expect(fitInViewport(panel)).toBe(0);
        expect(panel.style.transform).toBe('');
        // Collapsed to no width (nothing drawn to keep in view) it stays; with a width and no height it still moves.
        expect(fitInViewport(panelAt(-50, -50))).toBe(0);
        expect(fitInViewport(panelAt(-50, 150, 380, 0))).toBe(50 + EDGE_PX);
        expect(fitInViewport(null)).toBe(0);
        expect(fitInViewport(undefined)).toBe(0);
    });
});

describe('c/pcPopoverFit focusLeaves', () => {
    it('UB-2 BX-4 focus moving to a control outside leaves; inside, or to nowhere, does not', () => {
        const root = document.createElement('div');
        const inside = root.appendChild(document.createElement('button'));
        const outside = document.createElement('button');
        const out = (relatedTarget: EventTarget | null) => new FocusEvent('focusout', { relatedTarget });
        expect(focusLeaves(out(outside), root)).toBe(true);
        expect(focusLeaves(out(inside), root)).toBe(false);
        expect(focusLeaves(out(root), root)).toBe(false);
        expect(focusLeaves(out(null), root)).toBe(false);
        expect(focusLeaves(out(outside), null)).toBe(false);
    });
});
