import { LightningElement } from 'lwc';
import { fitInViewport, focusLeaves } from 'c/pcPopoverFit';
import { LABELS, MACHINE_OVERRIDE_LABELS, PREVIEW_ACTION_LABELS } from 'c/pcLabels';
import { SHORTCUT_ACTIONS, isMachineShortcut, shortcutText } from 'c/pcShortcuts';
import type { ShortcutAction } from 'c/pcShortcuts';

function actionLabel(action: ShortcutAction): string {
    return isMachineShortcut(action) ? MACHINE_OVERRIDE_LABELS[action] : PREVIEW_ACTION_LABELS[action];
}

/** The "Keyboard shortcuts" help: a button that opens a popover listing every shortcut of the console (BX-4). */
export default class PcShortcutHelp extends LightningElement {
    labels = LABELS;
    open = false;

    get ariaExpanded(): string {
        return String(this.open);
    }

    get rows(): { action: ShortcutAction; label: string; keys: string }[] {
        return SHORTCUT_ACTIONS.map((action) => ({ action, label: actionLabel(action), keys: shortcutText(action) }));
    }

    handleToggle(): void {
        this.open = !this.open;
    }

    override renderedCallback(): void {
        if (this.open) fitInViewport(this.template?.querySelector<HTMLElement>('[data-id="help"]'));
    }

    /** Focus moved on to another control outside: the panel closes (UB-2, BX-4). */
    handleFocusOut(event: FocusEvent): void {
        if (this.open && focusLeaves(event, this.template)) this.open = false;
    }

    /** Escape closes the popover and leaves focus on its button. */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || !this.open) return;
        this.open = false;
        (this.template?.querySelector('[data-id="help-toggle"]') as HTMLElement | null)?.focus();
    }
}
