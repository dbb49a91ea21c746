/**
 * Keeps an open dropdown or popover inside the window (UB-1, UB-2). The header's buttons wrap onto a second row in a
 * utility-bar panel, so a panel aligned to its button's right edge can start left of the window, where the agent
 * cannot scroll to it. CSS alone cannot clamp an absolutely placed panel to the viewport; this moves it sideways by
 * what sticks out, and says whether it did, so the caller can leave out a nubbin that would then point elsewhere.
 */

/**
 * Whether a focusout moves focus to a control outside `root` (the component's template): a dropdown or popover open
 * there then closes, as SLDS menus do, so Escape pressed later does not have to find it. Focus going nowhere (a click
 * on the panel's own text) keeps it open.
 */
export function focusLeaves(event: FocusEvent, root: Node | null | undefined): boolean {
    const next = event.relatedTarget;
    return next instanceof Node && !!root && !root.contains(next);
}

/** Space kept between a panel and the window's edge, in CSS pixels (SLDS spacing x-small). */
export const EDGE_PX = 8;

/**
 * Moves `panel` sideways (a translateX) so it lies inside the window with EDGE_PX to spare, where it can; a panel
 * wider than the window keeps its left edge in view. Returns the shift in pixels (0 when it fits as placed, or when
 * the panel is not laid out).
 */
export function fitInViewport(panel: HTMLElement | null | undefined): number {
    if (!panel) return 0;
    panel.style.transform = '';
    delete panel.dataset.shifted;
    const box = panel.getBoundingClientRect();
    // Not laid out (hidden, or a document without layout): nothing to measure, nothing to move.
    if (box.width === 0) return 0;
    const width = document.documentElement.clientWidth || window.innerWidth;
    let shift = 0;
    // Stryker disable next-line EqualityOperator: at the margin exactly the shift is 0 either way
    if (box.right > width - EDGE_PX) shift = width - EDGE_PX - box.right;
    // Stryker disable next-line EqualityOperator: at the margin exactly the shift is 0 either way
    if (box.left + shift < EDGE_PX) shift = EDGE_PX - box.left;
    shift = Math.round(shift);
    if (shift !== 0) {
        panel.style.transform = `translateX(${shift}px)`;
        // A nubbin would now point beside the button: the panel's CSS leaves it out while this is set.
        // Stryker disable next-line StringLiteral: the CSS reads the attribute's presence, not its value
        panel.dataset.shifted = 'true';
    }
    return shift;
}
