import { parseSettings } from 'c/pcSettings';
import { DEFAULT_SETTINGS } from 'c/pcModel';

const GOOD = Object.freeze({
    linesPerAgent: 3,
    previewEnabled: false,
    rescheduleEnabled: false,
    screenPopsEnabled: false,
    attemptsHistoryEnabled: false,
    defaultDeliverTo: 'Skill',
    callingHoursGuard: 'Refuse',
    callingHoursStartMinute: 9 * 60,
    callingHoursEndMinute: 20 * 60,
    notesMaxLength: 500,
    dialerAdapter: 'CXone',
    dialerEndpoint: 'https://api-c32.nice-incontact.com/incontactapi',
    cxoneAuthHost: 'https://cxone.niceincontact.com',
    cxoneAuthorizeEndpoint: '',
    cxoneTokenEndpoint: '',
    cxoneClientId: '6c1f0d5e-8a51-4b0c-9d55-2f7e0c1a9b33',
    cxoneTenantId: '11eb2f6a-9c1d-4e2f-8a3b-0242ac110002',
    cxoneAgentId: '4105123',
    cxoneStation: '+1 312 555 0100',
    cxoneRedirectUri: '',
    valueOne: { label: 'Region', source: 'ContactField', field: 'Region__r.Code__c' },
    valueTwo: { label: 'Plan', source: 'DialerField', field: 'PlanName' },
    contactTab: 'Tab',
    wrapUpLimitSeconds: 120,
    wrapUpSkillLimits: { 'skill-a': 60 },
    wrapUpDefaultDisposition: 'disp-completed',
    wrapUpAtZero: 'Unavailable',
    notesRequiredDispositions: ['disp-refused'],
    presenceMode: 'Both'
});

describe('pcSettings', () => {
    it.each(['softphone', 'Softphone', '+1 (312) 555-0100', 'ST-204', '3125550100'])(
        'AD-2 BX-2 accepts the CXone station %p (softphone, a phone number or a station id)',
        (station) => {
            const { settings, problems } = parseSettings({ ...GOOD, cxoneStation: station });
            expect(problems).toEqual([]);
            expect(settings.cxoneStation).toBe(station);
        }
    );

    it('AD-2 reads every setting of a good configuration without a problem', () => {
        const { settings, problems } = parseSettings(GOOD);
        expect(problems).toEqual([]);
        // No rule sets or Contact place fields sent: the shipped rule sets and the default fields (CP-1, CP-2).
        const { ruleSets, contactTimeZoneField, contactCountryField, contactStateField, presenceMap } =
            DEFAULT_SETTINGS;
        expect(settings).toEqual({
            ...GOOD,
            ruleSets,
            presenceMap,
            contactTimeZoneField,
            contactCountryField,
            contactStateField
        });
    });

    it('AD-2 reads Value one and Value two from flat custom metadata fields', () => {
        const { valueOne, valueTwo, ...rest } = GOOD;
        const flat = {
            ...rest,
            valueOneLabel: valueOne.label,
            valueOneSource: valueOne.source,
            valueOneField: valueOne.field,
            valueTwoLabel: valueTwo.label,
            valueTwoSource: valueTwo.source,
            valueTwoField: valueTwo.field
        };
        const { settings, problems } = parseSettings(flat);
        expect(problems).toEqual([]);
        expect([settings.valueOne, settings.valueTwo]).toEqual([valueOne, valueTwo]);
    });

    it.each([
        ['linesPerAgent', 0, 'OutOfRange'],
        ['linesPerAgent', 4, 'OutOfRange'],
        ['linesPerAgent', 2.5, 'Invalid'],
        ['linesPerAgent', '2', 'Invalid'],
        ['linesPerAgent', undefined, 'Missing'],
        ['previewEnabled', 'true', 'Invalid'],
        ['screenPopsEnabled', null, 'Missing'],
        ['defaultDeliverTo', 'me', 'Invalid'],
        ['callingHoursGuard', 'Block', 'Invalid'],
        ['dialerAdapter', 'Five9', 'Invalid'],
        ['notesMaxLength', 0, 'OutOfRange'],
        ['callingHoursStartMinute', -1, 'OutOfRange'],
        ['callingHoursEndMinute', 1441, 'OutOfRange'],
        ['dialerEndpoint', 'http://plain.example.com', 'Invalid'],
        ['dialerEndpoint', 'http://127.0.0.1.evil.example.com:80', 'Invalid'],
        ['cxoneTokenEndpoint', 'http://localhost.example.com/auth/token', 'Invalid'],
        ['dialerEndpoint', '', 'Missing'],
        ['cxoneAuthHost', 'http://cxone.niceincontact.com', 'Invalid'],
        ['cxoneAuthHost', 'https://user:pw@cxone.niceincontact.com', 'Invalid'],
        ['cxoneAuthHost', 'https://cxone.niceincontact.com/?next=evil', 'Invalid'],
        ['cxoneAuthHost', 'ftp://cxone.niceincontact.com', 'Invalid'],
        ['cxoneAuthHost', '', 'Missing'],
        ['cxoneClientId', 'client id with spaces', 'Invalid'],
        ['cxoneClientId', 'abc&redirect_uri=https://evil.example.com', 'Invalid'],
        ['cxoneClientId', '', 'Missing'],
        ['cxoneClientId', 42, 'Invalid'],
        ['cxoneTenantId', '../agents', 'Invalid'],
        ['cxoneAgentId', '4105123/messages', 'Invalid'],
        ['cxoneStation', '<b>ST-1</b>', 'Invalid'],
        ['cxoneStation', '../agents/1', 'Invalid'],
        ['cxoneRedirectUri', 'http://example.my.salesforce.com/apex/PersonalConnectionSignIn', 'Invalid'],
        ['cxoneTokenEndpoint', 'https://cxone.niceincontact.com/auth/token#x', 'Invalid']
    ])('AD-3 falls back to the default when %s is %p (%s)', (key, value, code) => {
        const raw: Record<string, unknown> = { ...GOOD, [key]: value };
        if (value === undefined) delete raw[key];
        const { settings, problems } = parseSettings(raw);
        expect(problems).toEqual([
            { setting: key, code, usedInstead: String(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]) }
        ]);
        expect(settings[key as keyof typeof settings]).toEqual(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]);
    });

    it.each([
        ['dialerEndpoint', 'http://127.0.0.1:41234'],
        ['cxoneAuthorizeEndpoint', 'http://127.0.0.1:41234/auth/authorize'],
        ['cxoneRedirectUri', 'http://localhost:4173/apex/PersonalConnectionSignIn']
    ])('LC-3 accepts %s on the loopback host over http (a secure context: the local CXone fake): %s', (key, value) => {
        const { settings, problems } = parseSettings({ ...GOOD, [key]: value });
        expect(problems).toEqual([]);
        expect(settings[key as keyof typeof settings]).toBe(value);
    });

    it.each([
        [
            'valueOne',
            { label: 'Region', source: 'ContactField', field: 'Region__r.Code__c; DELETE' },
            'valueOne.field',
            'UnknownField'
        ],
        ['valueOne', { label: 'Region', source: 'ContactField', field: 'Bad__Name' }, 'valueOne.field', 'UnknownField'],
        ['valueTwo', { label: 'Plan', source: 'DialerField', field: 'plan name' }, 'valueTwo.field', 'UnknownField'],
        ['valueTwo', { label: 'Plan', source: 'Formula', field: 'PlanName' }, 'valueTwo.source', 'Invalid'],
        ['valueTwo', { label: '', source: 'DialerField', field: 'PlanName' }, 'valueTwo.label', 'Invalid'],
        ['valueTwo', { source: 'DialerField', field: 'PlanName' }, 'valueTwo.label', 'Missing'],
        ['valueOne', 'Account.Name', 'valueOne', 'Invalid']
    ])('AD-3 falls back to the default Value field when %s is %p', (key, value, setting, code) => {
        const { settings, problems } = parseSettings({ ...GOOD, [key]: value });
        expect(problems).toEqual([expect.objectContaining({ setting, code })]);
        expect(settings[key as 'valueOne' | 'valueTwo']).toEqual(DEFAULT_SETTINGS[key as 'valueOne' | 'valueTwo']);
    });

    it('AD-3 refuses an empty calling window and keeps the lawful default', () => {
        const { settings, problems } = parseSettings({
            ...GOOD,
            callingHoursStartMinute: 20 * 60,
            callingHoursEndMinute: 9 * 60
        });
        expect(problems).toEqual([{ setting: 'callingHoursEndMinute', code: 'OutOfRange', usedInstead: '1260' }]);
        expect([settings.callingHoursStartMinute, settings.callingHoursEndMinute]).toEqual([480, 1260]);
    });

    it('AD-3 starts with every default when the settings are missing altogether', () => {
        const { settings, problems } = parseSettings(undefined);
        expect(settings).toEqual(DEFAULT_SETTINGS);
        expect(problems).toEqual([{ setting: 'settings', code: 'Missing', usedInstead: 'defaults' }]);
    });

    it('AD-3 reports each missing field of an empty record, and the console can still use the result', () => {
        const { settings, problems } = parseSettings({});
        expect(settings).toEqual(DEFAULT_SETTINGS);
        expect(problems.map((p) => p.setting).sort()).toEqual(
            [
                'attemptsHistoryEnabled',
                'callingHoursEndMinute',
                'callingHoursGuard',
                'callingHoursStartMinute',
                'defaultDeliverTo',
                'dialerAdapter',
                'linesPerAgent',
                'notesMaxLength',
                'previewEnabled',
                'rescheduleEnabled',
                'screenPopsEnabled',
                'valueOne',
                'valueTwo'
            ].sort()
        );
        expect(problems.every((p) => p.code === 'Missing')).toBe(true);
    });

    it('AD-3 ignores keys it does not know, such as the metadata record id', () => {
        const { problems } = parseSettings({ ...GOOD, Id: 'm000000000000001', DeveloperName: 'Default' });
        expect(problems).toEqual([]);
    });

    it('AD-3 passes on the problems the server already replaced with defaults, and drops malformed ones', () => {
        const { settings, problems } = parseSettings({
            ...GOOD,
            linesPerAgent: 1,
            problems: [
                { setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: '1' },
                { setting: 'valueOne.field', code: 'Exploded', usedInstead: 'x' },
                { setting: '<b>x</b>', code: 'Invalid', usedInstead: 'x' },
                'not a problem'
            ]
        });
        expect(settings.linesPerAgent).toBe(1);
        expect(problems).toEqual([{ setting: 'linesPerAgent', code: 'OutOfRange', usedInstead: '1' }]);
    });

    it('AD-2 signs in to CXone with explicit authorize and token endpoints instead of an auth host', () => {
        const { settings, problems } = parseSettings({
            ...GOOD,
            cxoneAuthHost: '',
            cxoneAuthorizeEndpoint: 'https://cxone.niceincontact.com/auth/authorize',
            cxoneTokenEndpoint: 'https://cxone.niceincontact.com/auth/token'
        });
        expect(problems).toEqual([]);
        expect(settings.cxoneTokenEndpoint).toBe('https://cxone.niceincontact.com/auth/token');
    });

    it('AD-3 reports a missing auth host when only one explicit endpoint is given', () => {
        const { problems } = parseSettings({
            ...GOOD,
            cxoneAuthHost: '',
            cxoneAuthorizeEndpoint: 'https://cxone.niceincontact.com/auth/authorize'
        });
        expect(problems).toEqual([{ setting: 'cxoneAuthHost', code: 'Missing', usedInstead: '' }]);
    });

    it('AD-3 reports an invalid client id once, not also as missing', () => {
        const { problems } = parseSettings({ ...GOOD, cxoneClientId: '<script>' });
        expect(problems).toEqual([{ setting: 'cxoneClientId', code: 'Invalid', usedInstead: '' }]);
    });

    it('AD-3 needs no CXone sign-in settings for the simulated dialer, and still checks those given', () => {
        const none = parseSettings({ ...GOOD, dialerAdapter: 'Simulated', cxoneAuthHost: '', cxoneClientId: '' });
        expect(none.problems).toEqual([]);
        const bad = parseSettings({ ...GOOD, dialerAdapter: 'Simulated', cxoneClientId: 'a b' });
        expect(bad.problems).toEqual([{ setting: 'cxoneClientId', code: 'Invalid', usedInstead: '' }]);
    });

    it('AD-3 does not need an endpoint for the simulated dialer', () => {
        const { problems } = parseSettings({ ...GOOD, dialerAdapter: 'Simulated', dialerEndpoint: '' });
        expect(problems).toEqual([]);
    });
});
