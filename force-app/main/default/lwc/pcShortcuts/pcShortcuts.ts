/**
 * Keyboard shortcuts for the preview and machine-override actions (BX-4): one table, read by the
 * components that offer the actions and by the console that routes a key pressed anywhere in it.
 */
import { MachineOverride, PreviewAction } from 'c/pcModel';

/** An action a shortcut can trigger. */
export type ShortcutAction =
    | typeof PreviewAction.Accept
    | typeof PreviewAction.Requeue
    | typeof PreviewAction.Reschedule
    | typeof PreviewAction.Snooze
    | MachineOverride;

/** The letter pressed with Alt for each action. Letters avoid the browser's own Alt menus where they can. */
export const SHORTCUT_LETTERS: Readonly<Record<ShortcutAction, string>> = Object.freeze({
    [PreviewAction.Accept]: 'A',
    [PreviewAction.Requeue]: 'Q',
    [PreviewAction.Reschedule]: 'R',
    [PreviewAction.Snooze]: 'S',
    [MachineOverride.AnsweringMachine]: 'M',
    [MachineOverride.Fax]: 'F',
    [MachineOverride.BadNumber]: 'B'
});

/** How a shortcut is written in a tooltip, e.g. `Alt+A`. */
export function shortcutText(action: ShortcutAction): string {
    return `Alt+${SHORTCUT_LETTERS[action]}`;
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

const BY_LETTER = new Map<string, ShortcutAction>(
    (Object.entries(SHORTCUT_LETTERS) as [ShortcutAction, string][]).map(([action, letter]) => [letter, action])
);

/** The action an Alt+letter press asks for, or null. Reads `code` first: on a Mac, Alt changes `key`. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
    if (!event.altKey || event.ctrlKey || event.metaKey) return null;
    const fromCode = event.code && /^Key([A-Z])$/.exec(event.code);
    const letter = fromCode ? fromCode[1]! : event.key.length === 1 ? event.key.toUpperCase() : '';
    return BY_LETTER.get(letter) ?? null;
}

/** True for the three machine overrides, false for preview actions. */
export function isMachineShortcut(action: ShortcutAction): action is MachineOverride {
    return (
        action === MachineOverride.AnsweringMachine ||
        action === MachineOverride.Fax ||
        action === MachineOverride.BadNumber
    );
}
