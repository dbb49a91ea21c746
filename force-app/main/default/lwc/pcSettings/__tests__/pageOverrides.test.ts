import { applyPageOverrides, parseSettings } from 'c/pcSettings';
import { DEFAULT_SETTINGS } from 'c/pcModel';

/** The stored settings as Apex returns them (flat Value fields, as the metadata holds them). */
const STORED = Object.freeze({
    ...DEFAULT_SETTINGS,
    valueOne: undefined,
    valueTwo: undefined,
    valueOneLabel: 'Account',
    valueOneSource: 'ContactField',
    valueOneField: 'Account.Name',
    valueTwoLabel: 'Balance due',
    valueTwoSource: 'DialerField',
    valueTwoField: 'BalanceDue',
    problems: []
});

describe('applyPageOverrides (App Builder properties)', () => {
    it('AD-4 a page that sets label, source and field shows its own Value one, overriding the metadata', () => {
        const raw = applyPageOverrides(STORED, {
            valueOne: { label: 'Title', source: 'ContactField', field: 'Title' },
            valueTwo: { label: '', source: '', field: '' }
        });
        const { settings, problems } = parseSettings(raw);
        expect(settings.valueOne).toEqual({ label: 'Title', source: 'ContactField', field: 'Title' });
        expect(settings.valueTwo).toEqual({ label: 'Balance due', source: 'DialerField', field: 'BalanceDue' });
        expect(problems).toEqual([]);
    });

    it('AD-4 an empty property keeps the stored part: a page may rename Value two only', () => {
        const { settings } = parseSettings(applyPageOverrides(STORED, { valueTwo: { label: 'Amount owed' } }));
        expect(settings.valueTwo).toEqual({ label: 'Amount owed', source: 'DialerField', field: 'BalanceDue' });
        expect(settings.valueOne).toEqual({ label: 'Account', source: 'ContactField', field: 'Account.Name' });
    });

    it('AD-4 a page switching the source to a dialer field reads that dialer field', () => {
        const { settings, problems } = parseSettings(
            applyPageOverrides(STORED, { valueOne: { label: 'Product', source: 'DialerField', field: 'Product' } })
        );
        expect(settings.valueOne).toEqual({ label: 'Product', source: 'DialerField', field: 'Product' });
        expect(problems).toEqual([]);
    });

    it('AD-3 AD-4 a malformed page field is reported as the page property and the metadata value is kept', () => {
        const { settings, problems } = parseSettings(
            applyPageOverrides(STORED, { valueOne: { label: 'Oops', source: 'ContactField', field: 'Account..Name' } })
        );
        expect(settings.valueOne).toEqual({ label: 'Account', source: 'ContactField', field: 'Account.Name' });
        expect(problems).toEqual([
            { setting: 'page.valueOne.field', code: 'UnknownField', usedInstead: 'Account.Name' }
        ]);
    });

    it('AD-3 AD-4 an unknown page source is Invalid; a new source without its field is Missing', () => {
        const bad = parseSettings(applyPageOverrides(STORED, { valueTwo: { source: 'Formula', field: 'X' } }));
        expect(bad.problems).toEqual([
            { setting: 'page.valueTwo.source', code: 'Invalid', usedInstead: 'DialerField' }
        ]);
        expect(bad.settings.valueTwo.field).toBe('BalanceDue');
        const noField = parseSettings(applyPageOverrides(STORED, { valueTwo: { source: 'ContactField' } }));
        expect(noField.problems).toEqual([
            { setting: 'page.valueTwo.field', code: 'Missing', usedInstead: 'BalanceDue' }
        ]);
        expect(noField.settings.valueTwo.source).toBe('DialerField');
    });

    it('AD-3 AD-4 a page label longer than the metadata allows is refused like the metadata one', () => {
        const { settings, problems } = parseSettings(
            applyPageOverrides(STORED, { valueOne: { label: 'x'.repeat(81) } })
        );
        expect(settings.valueOne.label).toBe('Account');
        expect(problems).toEqual([{ setting: 'page.valueOne.label', code: 'Invalid', usedInstead: 'Account' }]);
    });

    it('AD-5 the page chooses the console-tab option; an unknown choice keeps the stored one and is reported', () => {
        expect(parseSettings(applyPageOverrides(STORED, { contactTab: 'Subtab' })).settings.contactTab).toBe('Subtab');
        const bad = parseSettings(applyPageOverrides({ ...STORED, contactTab: 'Tab' }, { contactTab: 'Window' }));
        expect(bad.settings.contactTab).toBe('Tab');
        expect(bad.problems).toEqual([{ setting: 'page.contactTab', code: 'Invalid', usedInstead: 'Tab' }]);
    });

    it('AD-3 settings that could not be read stay unreadable: a page property does not hide the problem', () => {
        const { settings, problems } = parseSettings(applyPageOverrides(null, { valueOne: { label: 'Title' } }));
        expect(settings).toEqual(DEFAULT_SETTINGS);
        expect(problems).toEqual([{ setting: 'settings', code: 'Missing', usedInstead: 'defaults' }]);
    });
});
