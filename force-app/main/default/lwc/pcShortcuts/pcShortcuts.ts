/**
 * Keyboard shortcuts for the preview and machine-override actions (BX-4): one table, read by the components that
 * offer the actions, by the console that routes a key pressed anywhere in it, and by the "Keyboard shortcuts" help.
 *
 * Alt+Shift with a digit: Alt+letter opens the browser's menus on Windows and Linux (Alt+F, Alt+E ...) and is the
 * accesskey modifier in Chrome; Alt+digit switches tabs in Chrome and Firefox on Linux; Ctrl+Alt is AltGr on
 * Windows; Lightning Experience's own shortcuts use single keys, Ctrl/Cmd or Shift without Alt. Alt+Shift+digit
 * is bound by none of them. The digit is read from the physical key, so Shift (1 → !) and layouts do not matter.
 */
import { MachineOverride, PreviewAction } from 'c/pcModel';

/** An action a shortcut can trigger. */
export type ShortcutAction =
    | typeof PreviewAction.Accept
    | typeof PreviewAction.Requeue
    | typeof PreviewAction.Reschedule
    | typeof PreviewAction.Snooze
    | MachineOverride;

/** The digit pressed with Alt+Shift for each action: the preview's in the order of its buttons, then the machine's. */
export const SHORTCUT_DIGITS: Readonly<Record<ShortcutAction, string>> = Object.freeze({
    [PreviewAction.Accept]: '1',
    [PreviewAction.Requeue]: '2',
    [PreviewAction.Reschedule]: '3',
    [PreviewAction.Snooze]: '4',
    [MachineOverride.AnsweringMachine]: '5',
    [MachineOverride.Fax]: '6',
    [MachineOverride.BadNumber]: '7'
});

/** Every shortcut in the order the help lists them. */
export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = Object.freeze(
    Object.keys(SHORTCUT_DIGITS) as ShortcutAction[]
);

/** How a shortcut is written in a tooltip and the help, e.g. `Alt+Shift+1`. */
export function shortcutText(action: ShortcutAction): string {
    return `Alt+Shift+${SHORTCUT_DIGITS[action]}`;
}

/** The parts of a keyboard event a shortcut depends on. */
export interface KeyLike {
    readonly key: string;
    readonly code?: string;
    readonly altKey: boolean;
    readonly ctrlKey: boolean;
    readonly metaKey: boolean;
    readonly shiftKey?: boolean;
}

const BY_DIGIT = new Map<string, ShortcutAction>(
    (Object.entries(SHORTCUT_DIGITS) as [ShortcutAction, string][]).map(([action, digit]) => [digit, action])
);

/** The action an Alt+Shift+digit press asks for, or null. Reads `code` (Digit1): Shift and Alt change `key`. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
    const fromCode = event.code ? /^Digit(\d)$/.exec(event.code) : null;
    const digit = fromCode ? (fromCode[1] ?? '') : /^\d$/.test(event.key) ? event.key : '';
    return (digit && BY_DIGIT.get(digit)) || null;
}

/** True for the three machine overrides, false for preview actions. */
export function isMachineShortcut(action: ShortcutAction): action is MachineOverride {
    return (
        action === MachineOverride.AnsweringMachine ||
        action === MachineOverride.Fax ||
        action === MachineOverride.BadNumber
    );
}
