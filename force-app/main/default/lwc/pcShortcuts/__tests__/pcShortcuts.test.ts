import { shortcutFor, shortcutText, isMachineShortcut, SHORTCUT_ACTIONS } from 'c/pcShortcuts';

const key = (digit: string, over: Record<string, unknown> = {}) => ({
    key: digit,
    code: `Digit${digit}`,
    altKey: true,
    shiftKey: true,
    ctrlKey: false,
    metaKey: false,
    ...over
});

describe('c/pcShortcuts', () => {
    it('BX-4 maps Alt+Shift+1..4 to the preview actions and Alt+Shift+5..7 to the machine overrides', () => {
        expect(['1', '2', '3', '4', '5', '6', '7'].map((k) => shortcutFor(key(k)))).toEqual([
            'Accept',
            'Requeue',
            'Reschedule',
            'Snooze',
            'AnsweringMachine',
            'Fax',
            'BadNumber'
        ]);
        expect(shortcutText('Accept')).toBe('Alt+Shift+1');
        expect(SHORTCUT_ACTIONS).toHaveLength(7);
        expect(isMachineShortcut('Fax')).toBe(true);
        expect(isMachineShortcut('Snooze')).toBe(false);
    });

    it('BX-4 UB-2 leaves the browser and Salesforce keys alone: Alt+letter, Alt+digit, Ctrl or Meta', () => {
        // Alt+F opens the browser menu on Windows and Linux; Alt+1 switches tabs in Chrome and Firefox on Linux.
        expect(shortcutFor({ key: 'f', code: 'KeyF', altKey: true, ctrlKey: false, metaKey: false })).toBeNull();
        expect(shortcutFor(key('1', { shiftKey: false }))).toBeNull();
        expect(shortcutFor(key('1', { altKey: false }))).toBeNull();
        expect(shortcutFor(key('1', { ctrlKey: true }))).toBeNull();
        expect(shortcutFor(key('1', { metaKey: true }))).toBeNull();
        expect(shortcutFor(key('9'))).toBeNull();
    });

    it('BX-4 reads the physical key where Shift or Alt changes the character', () => {
        expect(shortcutFor(key('!', { code: 'Digit1' }))).toBe('Accept');
        expect(shortcutFor(key('⁄', { code: 'Digit1' }))).toBe('Accept');
    });
});
