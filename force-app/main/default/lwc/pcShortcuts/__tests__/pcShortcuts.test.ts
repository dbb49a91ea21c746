import { shortcutFor, shortcutText, isMachineShortcut } from 'c/pcShortcuts';

const key = (k: string, over: Record<string, unknown> = {}) => ({
    key: k,
    altKey: true,
    ctrlKey: false,
    metaKey: false,
    ...over
});

describe('c/pcShortcuts', () => {
    it('BX-4 maps Alt+A/Q/R/S to the preview actions and Alt+M/F/B to the machine overrides', () => {
        expect(['a', 'q', 'r', 's', 'm', 'f', 'b'].map((k) => shortcutFor(key(k)))).toEqual([
            'Accept',
            'Requeue',
            'Reschedule',
            'Snooze',
            'AnsweringMachine',
            'Fax',
            'BadNumber'
        ]);
        expect(shortcutText('Accept')).toBe('Alt+A');
        expect(isMachineShortcut('Fax')).toBe(true);
        expect(isMachineShortcut('Snooze')).toBe(false);
    });

    it('BX-4 ignores keys without Alt, with Ctrl or Meta, and unknown letters', () => {
        expect(shortcutFor(key('a', { altKey: false }))).toBeNull();
        expect(shortcutFor(key('a', { ctrlKey: true }))).toBeNull();
        expect(shortcutFor(key('a', { metaKey: true }))).toBeNull();
        expect(shortcutFor(key('z'))).toBeNull();
    });

    it('BX-4 reads the physical key where Alt changes the character (macOS)', () => {
        expect(shortcutFor(key('å', { code: 'KeyA' }))).toBe('Accept');
    });
});
