/** WU-5 AD-3: the presence mode and mapping as the admin stores them, checked before the console uses them. */
import { parseSettings } from 'c/pcSettings';
import { DEFAULT_PRESENCE_MAP, DEFAULT_SETTINGS } from 'c/pcModel';

const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: 'Lunch',
    dialerState: 'Unavailable',
    unavailableCode: 'Lunch',
    presenceStatus: 'Lunch_Break',
    direction: 'Both',
    ...over
});

describe('WU-5 presence settings', () => {
    it('WU-5 absent mode and mapping mean the shipped ones, without a problem', () => {
        const { settings, problems } = parseSettings({ ...DEFAULT_SETTINGS, presenceMode: '', presenceMap: null });
        expect(settings.presenceMode).toBe('DialerLeads');
        expect(settings.presenceMap).toBe(DEFAULT_PRESENCE_MAP);
        expect(problems).toEqual([]);
    });

    it.each(['Off', 'DialerLeads', 'SalesforceLeads', 'Both'])('WU-5 reads the mode %s', (mode) => {
        const { settings, problems } = parseSettings({ ...DEFAULT_SETTINGS, presenceMode: mode });
        expect(settings.presenceMode).toBe(mode);
        expect(problems).toEqual([]);
    });

    it('WU-5 AD-3 an unknown mode is reported and the default used', () => {
        const { settings, problems } = parseSettings({ ...DEFAULT_SETTINGS, presenceMode: 'Omni' });
        expect(settings.presenceMode).toBe('DialerLeads');
        expect(problems).toEqual([{ setting: 'presenceMode', code: 'Invalid', usedInstead: 'DialerLeads' }]);
    });

    it('WU-5 reads the mapping records; an empty direction means both ways', () => {
        const { settings, problems } = parseSettings({
            ...DEFAULT_SETTINGS,
            presenceMap: [
                row(),
                row({
                    name: 'Call',
                    dialerState: 'OnCall',
                    unavailableCode: null,
                    presenceStatus: 'Busy',
                    direction: 'ToOmni'
                }),
                row({
                    name: 'Back',
                    dialerState: 'Available',
                    unavailableCode: '',
                    presenceStatus: 'Available',
                    direction: ''
                })
            ]
        });
        expect(problems).toEqual([]);
        expect(settings.presenceMap).toEqual([
            {
                name: 'Lunch',
                dialerState: 'Unavailable',
                unavailableCode: 'Lunch',
                presenceStatus: 'Lunch_Break',
                direction: 'Both'
            },
            { name: 'Call', dialerState: 'OnCall', unavailableCode: '', presenceStatus: 'Busy', direction: 'ToOmni' },
            {
                name: 'Back',
                dialerState: 'Available',
                unavailableCode: '',
                presenceStatus: 'Available',
                direction: 'Both'
            }
        ]);
    });

    it.each([
        [row({ dialerState: 'Working' }), 'dialerState'],
        [row({ presenceStatus: 'Lunch break' }), 'presenceStatus'],
        [row({ presenceStatus: '<b>x</b>' }), 'presenceStatus'],
        [row({ direction: 'Sideways' }), 'direction'],
        [row({ dialerState: 'OnCall', unavailableCode: '', direction: 'Both' }), 'direction'],
        [row({ dialerState: 'Available', unavailableCode: 'Lunch' }), 'unavailableCode'],
        [row({ unavailableCode: '<script>' }), 'unavailableCode']
    ])('WU-5 AD-3 a bad mapping record is reported and left out (%p)', (bad, field) => {
        const { settings, problems } = parseSettings({
            ...DEFAULT_SETTINGS,
            presenceMap: [bad, row({ name: 'Good' })]
        });
        expect(problems).toEqual([{ setting: `presenceMap.Lunch.${field}`, code: 'Invalid', usedInstead: 'skipped' }]);
        expect(settings.presenceMap.map((m) => m.name)).toEqual(['Good']);
    });

    it('WU-5 AD-3 a mapping that is not a list is reported and the shipped one used', () => {
        const { settings, problems } = parseSettings({ ...DEFAULT_SETTINGS, presenceMap: 'Available=Available' });
        expect(settings.presenceMap).toBe(DEFAULT_PRESENCE_MAP);
        expect(problems).toEqual([{ setting: 'presenceMap', code: 'Invalid', usedInstead: 'shipped' }]);
    });

    it('WU-5 the reserved Offline name stands for logging out of Omni-Channel, whatever its case', () => {
        const { settings } = parseSettings({
            ...DEFAULT_SETTINGS,
            presenceMap: [row({ dialerState: 'LoggedOut', unavailableCode: '', presenceStatus: 'offline' })]
        });
        expect(settings.presenceMap[0]?.presenceStatus).toBe('Offline');
    });
});
