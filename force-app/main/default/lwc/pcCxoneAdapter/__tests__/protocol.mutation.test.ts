// The CXone wire format at the trust boundary, field by field: what is accepted in which spelling, what is refused
// with a reason, and what an absent field means. Mutation testing showed the adapter suites, which go through a
// fake server, pass with many of these readers loosened.
import {
    AMD_OVERRIDE_TYPE,
    Fields,
    SOFTPHONE_STATION_NUMBER,
    htmlToText,
    parseCpaOverrides,
    parseDeliveryPreferences,
    parseDispositions,
    parseEvent,
    parseMessages,
    parsePhoneNumber,
    parsePollBatch,
    parseSessionId,
    parseSkills,
    parseStation,
    parseUnavailableCodes,
    systemOutcome
} from '../protocol';
import type { CxoneEvent, Parsed } from '../protocol';

function value<T>(p: Parsed<T>): T {
    if (!p.ok) throw new Error(`refused: ${p.reason}`);
    return p.value;
}

function reason<T>(p: Parsed<T>): string {
    if (p.ok) throw new Error('accepted');
    return p.reason;
}

const T = Date.UTC(2026, 0, 5, 15, 0, 0);
const ISO = new Date(T).toISOString();

describe('CXone fields are read whatever their spelling (BX-5)', () => {
    it('BX-5 keys are case-insensitive; the first key present wins; null counts as absent', () => {
        const f = Fields.of({ ContactID: 'c1', contactId: 'c2', Skill: null, skillId: 7 })!;
        expect(f.str('contactid')).toBe('c2');
        expect(f.str('skill', 'skillId')).toBe('7');
        expect(f.raw('missing', 'SKILLID')).toBe(7);
        expect(f.raw('missing')).toBeUndefined();
    });

    it('BX-5 only a plain object is a record: arrays, null and text are refused', () => {
        for (const bad of [null, undefined, [], ['a'], 'text', 3, true]) expect(Fields.of(bad)).toBeNull();
        expect(Fields.of({})).not.toBeNull();
    });

    it('BX-5 text, flags, numbers and times each accept the forms CXone sends and refuse the rest', () => {
        const f = Fields.of({
            s: 's',
            n: 12.5,
            inf: Number.POSITIVE_INFINITY,
            t1: true,
            t2: 'TRUE',
            f1: false,
            f2: 'False',
            yes: 'yes',
            ns: ' 42 ',
            blank: '  ',
            word: 'x1',
            obj: { a: 1 },
            list: [1]
        })!;
        expect([f.str('s'), f.str('n'), f.str('inf'), f.str('t1'), f.str('obj')]).toEqual([
            's',
            '12.5',
            null,
            null,
            null
        ]);
        expect([f.bool('t1'), f.bool('t2'), f.bool('f1'), f.bool('f2'), f.bool('yes'), f.bool('n')]).toEqual([
            true,
            true,
            false,
            false,
            null,
            null
        ]);
        expect([f.num('n'), f.num('ns'), f.num('blank'), f.num('word'), f.num('inf'), f.num('t1')]).toEqual([
            12.5,
            42,
            null,
            null,
            null,
            null
        ]);
        expect(f.obj('obj')?.num('A')).toBe(1);
        expect(f.obj('list')).toBeNull();
        expect(f.arr('list')).toEqual([1]);
        expect(f.arr('obj')).toBeNull();
    });

    it('BX-5 a UTC stamp without a zone is read as UTC; an offset is honoured; junk is no time', () => {
        const f = Fields.of({
            z: '2026-01-05T15:00:00Z',
            bare: '2026-01-05T15:00:00',
            bareMs: '2026-01-05T15:00:00.000',
            offset: '2026-01-05T10:00:00-05:00',
            compact: '2026-01-05T16:00:00+0100',
            date: '2026-01-05',
            junk: 'soon',
            num: 5
        })!;
        expect([f.time('z'), f.time('bare'), f.time('bareMs'), f.time('offset'), f.time('compact')]).toEqual([
            T,
            T,
            T,
            T,
            T
        ]);
        expect(f.time('date')).toBe(Date.UTC(2026, 0, 5));
        expect(f.time('junk')).toBeNull();
        expect(f.time('missing')).toBeNull();
    });

    it('SP-2 calling-list fields keep text, numbers and flags as text, and drop nested values', () => {
        const f = Fields.of({ Plan: 'Gold', Balance: 12, VIP: true, Nested: { a: 1 }, Gone: null })!;
        expect(f.strings()).toEqual({ plan: 'Gold', balance: '12', vip: 'true' });
    });
});

describe('CXone responses (AV-2, CL-4, PV-1, AM-1, AG-1)', () => {
    it('BX-5 a poll batch gives the rotated session id and the events; a non-list of events is refused', () => {
        expect(value(parsePollBatch({ sessionId: 's2', events: [{ Type: 'x' }] }))).toEqual({
            sessionId: 's2',
            events: [{ Type: 'x' }]
        });
        expect(value(parsePollBatch({}))).toEqual({ sessionId: null, events: [] });
        expect(reason(parsePollBatch({ events: {} }))).toBe('poll events is not an array');
        expect(reason(parsePollBatch([]))).toBe('poll response is not an object');
    });

    it('BX-5 a session response must carry a session id', () => {
        expect(value(parseSessionId({ SessionId: 'abc' }))).toBe('abc');
        for (const bad of [{}, { sessionId: '' }, null, 'abc'])
            expect(reason(parseSessionId(bad))).toBe('session response carries no sessionId');
    });

    it('AV-2 skills are read from a bare list, a named list or a result set; inactive ones are left out', () => {
        const row = { skillId: 1, skillName: 'One', outboundStrategy: 'Personal Connection' };
        for (const body of [[row], { agentSkillAssignments: [row] }, { resultSet: { skills: [row] } }])
            expect(value(parseSkills(body))).toEqual([{ id: '1', name: 'One', isPersonalConnection: true }]);
        expect(value(parseSkills([{ ...row, isSkillActive: false }]))).toEqual([]);
        expect(value(parseSkills([{ ...row, IsActive: 'false' }]))).toEqual([]);
        expect(value(parseSkills([{ ...row, isSkillActive: true }]))).toHaveLength(1);
        expect(reason(parseSkills({ resultSet: {} }))).toBe('skills response has no list');
        expect(reason(parseSkills('x'))).toBe('skills response has no list');
        expect(reason(parseSkills([{ skillId: 1 }]))).toBe('skill row without id or name');
        expect(reason(parseSkills([{ skillName: 'x' }]))).toBe('skill row without id or name');
        expect(reason(parseSkills([null]))).toBe('skill row without id or name');
    });

    it('AV-2 a skill is Personal Connection by its strategy or flag, or when it says nothing either way', () => {
        const pc = (extra: Record<string, unknown>) =>
            value(parseSkills([{ id: 'a', name: 'A', ...extra }]))[0]!.isPersonalConnection;
        expect(pc({})).toBe(true);
        expect(pc({ outboundStrategy: 'personalconnection' })).toBe(true);
        expect(pc({ outboundStrategy: 'Natural Calling' })).toBe(true);
        expect(pc({ outboundStrategy: 'Progressive' })).toBe(false);
        expect(pc({ outboundStrategy: '' })).toBe(false);
        expect(pc({ isPersonalConnection: true })).toBe(true);
        expect(pc({ isNaturalCalling: 'True' })).toBe(true);
        expect(pc({ isPersonalConnection: false })).toBe(false);
        expect(pc({ isNaturalCalling: false })).toBe(false);
        expect(pc({ outboundStrategy: 'Progressive', isPersonalConnection: true })).toBe(true);
    });

    it('AV-2 an inbound skill (isOutbound false) is not Personal Connection, though its row says nothing else', () => {
        const pc = (extra: Record<string, unknown>) =>
            value(parseSkills([{ id: 'a', name: 'A', ...extra }]))[0]!.isPersonalConnection;
        expect(pc({ isOutbound: false })).toBe(false);
        expect(pc({ IsOutbound: 'False', outboundStrategy: null, mediaTypeId: 4 })).toBe(false);
        expect(pc({ isOutbound: true })).toBe(true);
        expect(pc({ isOutbound: 'yes' })).toBe(true);
        // What the row does say about Personal Connection still decides.
        expect(pc({ isOutbound: false, outboundStrategy: 'Personal Connection' })).toBe(true);
        expect(pc({ isOutbound: false, isPersonalConnection: true })).toBe(true);
    });

    it('AV-1 unavailable codes: id and label in any spelling; inactive left out; a row without either refused', () => {
        expect(
            value(
                parseUnavailableCodes({
                    unavailableCodes: [
                        { outStateId: 1, outStateDescription: 'Lunch' },
                        { unavailableCodeId: 2, unavailableCodeName: 'Break', isActive: true },
                        { id: 3, label: 'Gone', isActive: false }
                    ]
                })
            )
        ).toEqual([
            { id: '1', label: 'Lunch' },
            { id: '2', label: 'Break' }
        ]);
        expect(value(parseUnavailableCodes({ resultSet: { codes: [{ id: 'x', name: 'Meeting' }] } }))).toEqual([
            { id: 'x', label: 'Meeting' }
        ]);
        expect(reason(parseUnavailableCodes({}))).toBe('unavailable codes response has no list');
        expect(reason(parseUnavailableCodes([{ id: 1 }]))).toBe('unavailable code without id or label');
        expect(reason(parseUnavailableCodes([{ label: 'x' }]))).toBe('unavailable code without id or label');
    });

    it('CL-4 dispositions: outcome from the system outcome (Completed when unknown), notes required only when said', () => {
        const list = value(
            parseDispositions({
                dispositions: [
                    { dispositionId: 1, dispositionName: 'Sale', systemOutcome: 0, requireNotes: true },
                    { id: 2, name: 'Refused', systemOutcomeId: '102', isCommentRequired: 'true' },
                    { id: 3, label: 'Other', outcome: 999, requiresNotes: false },
                    { id: 4, label: 'Plain' },
                    { id: 5, label: 'Off', isActive: false }
                ]
            })
        );
        expect(list).toEqual([
            { id: '1', label: 'Sale', outcome: 'Live', requiresNotes: true },
            { id: '2', label: 'Refused', outcome: 'Refused', requiresNotes: true },
            { id: '3', label: 'Other', outcome: 'Completed', requiresNotes: false },
            { id: '4', label: 'Plain', outcome: 'Completed', requiresNotes: false }
        ]);
        expect(reason(parseDispositions({}))).toBe('dispositions response has no list');
        expect(reason(parseDispositions([{ id: 1 }]))).toBe('disposition without id or name');
        expect(reason(parseDispositions([{ name: 'x' }]))).toBe('disposition without id or name');
    });

    it('CL-4 each spelling of a disposition outcome and of its notes flag is read', () => {
        const list = value(
            parseDispositions([
                { id: 1, name: 'A', outcome: 106, requiresNotes: true },
                { id: 2, name: 'B', systemOutcomeId: 103, isCommentRequired: true }
            ])
        );
        expect(list.map((d) => [d.outcome, d.requiresNotes])).toEqual([
            ['DoNotCall', true],
            ['WrongNumber', true]
        ]);
    });

    it('AG-1 each spelling of a message time and text is read', () => {
        const list = value(
            parseMessages([
                { id: 'a', createdDate: ISO, message: 'one' },
                { id: 'b', date: ISO, body: 'two' },
                { id: 'c', text: 'three' }
            ])
        );
        expect(list).toEqual([
            { id: 'a', at: T, text: 'one' },
            { id: 'b', at: T, text: 'two' },
            { id: 'c', at: null, text: 'three' }
        ]);
    });

    it('CL-4 every CXone system outcome number maps to its model outcome; others to none', () => {
        const map: [number, string][] = [
            [0, 'Live'],
            [1, 'AnsweringMachine'],
            [3, 'Fax'],
            [4, 'Fax'],
            [5, 'AnsweringMachine'],
            [33, 'AnsweringMachine'],
            [101, 'Rescheduled'],
            [102, 'Refused'],
            [103, 'WrongNumber'],
            [104, 'WrongNumber'],
            [105, 'Rescheduled'],
            [106, 'DoNotCall']
        ];
        for (const [code, outcome] of map) expect([code, systemOutcome(code)]).toEqual([code, outcome]);
        expect(systemOutcome(2)).toBeNull();
        expect(systemOutcome(null)).toBeNull();
    });

    it('PV-1 preview buttons: Accept always; each other button unless the skill turns it off, flat or nested', () => {
        expect(parseDeliveryPreferences({})).toEqual(['Accept', 'Requeue', 'Reschedule', 'Snooze', 'Disposition']);
        expect(parseDeliveryPreferences(null)).toEqual(['Accept', 'Requeue', 'Reschedule', 'Snooze', 'Disposition']);
        expect(
            parseDeliveryPreferences({
                showPreviewButtonRequeue: false,
                deliveryPreferences: { ShowPreviewButtonSnooze: 'false', showPreviewButtonReschedule: true }
            })
        ).toEqual(['Accept', 'Reschedule', 'Disposition']);
        expect(
            parseDeliveryPreferences({ showPreviewButtonReschedule: false, showPreviewButtonDisposition: false })
        ).toEqual(['Accept', 'Requeue', 'Snooze']);
        // A flat flag decides before a nested one.
        expect(
            parseDeliveryPreferences({ showPreviewButtonSnooze: true, nested: { showPreviewButtonSnooze: false } })
        ).toEqual(['Accept', 'Requeue', 'Reschedule', 'Snooze', 'Disposition']);
    });

    it('AM-1 machine override buttons: each shown unless the skill turns it off; the wire numbers of each kind', () => {
        expect(parseCpaOverrides({})).toEqual(['AnsweringMachine', 'Fax', 'BadNumber']);
        expect(parseCpaOverrides({ cpa: { agentOverrideOptionFax: false } })).toEqual([
            'AnsweringMachine',
            'BadNumber'
        ]);
        expect(
            parseCpaOverrides({ agentOverrideOptionAnsweringMachine: 'False', agentOverrideOptionBadNumber: false })
        ).toEqual(['Fax']);
        expect(AMD_OVERRIDE_TYPE).toEqual({ AnsweringMachine: 0, Fax: 1, BadNumber: 2 });
    });

    it('AG-1 messages: subject and text as plain text, with their time; a message without id refused', () => {
        expect(
            value(
                parseMessages({
                    messages: [
                        { messageId: 1, subject: 'Hi', message: '<b>there</b>', startDate: ISO },
                        { id: 'm2', body: 'only body', createdDate: 'nonsense' },
                        { id: 'm3', text: 'a&amp;b', date: ISO }
                    ]
                })
            )
        ).toEqual([
            { id: '1', at: T, text: 'Hi there' },
            { id: 'm2', at: null, text: 'only body' },
            { id: 'm3', at: T, text: 'a&b' }
        ]);
        expect(value(parseMessages({ resultSet: { agentMessages: [{ id: 'x' }] } }))).toEqual([
            { id: 'x', at: null, text: '' }
        ]);
        expect(reason(parseMessages({}))).toBe('messages response has no list');
        expect(reason(parseMessages([{ subject: 'x' }]))).toBe('message without id');
    });

    it('AG-1 markup from the dialer becomes plain text: tags and entities, breaks as spaces, spaces collapsed', () => {
        expect(htmlToText('  a<br>b<BR/>c<br />d  ')).toBe('a b c d');
        expect(htmlToText('<p class="x">one</p><p>two</p>')).toBe('one two');
        expect(htmlToText('&lt;script&gt; &amp;&nbsp;&quot;q&quot; &#39;s&#39;')).toBe('<script> & "q" \'s\'');
        expect(htmlToText('a \n\t b')).toBe('a b');
        // A `<` that opens no tag stays as text; only the tag after it goes.
        expect(htmlToText('a<b<i>c</i>')).toBe('a<b c');
    });
});

describe('CXone events (CL-1, PV-1, RS-4, AV-1, CL-4)', () => {
    function event(raw: Record<string, unknown>): CxoneEvent {
        return value(parseEvent(raw));
    }

    const contactRaw = {
        Type: 'CallContactEvent',
        ContactID: 'c1',
        Status: 'NaturalCallRinging',
        LastStateChangeTimeUTC: ISO,
        DNIS: '+13125550100',
        ANI: '+13125550999',
        Skill: '501'
    };

    it('CL-1 a contact event carries its status, times, number and skill; absent flags are false', () => {
        const e = event(contactRaw);
        expect(e).toEqual({
            kind: 'contact',
            contactId: 'c1',
            status: 'NaturalCallRinging',
            changedAt: T,
            startedAt: T,
            callType: '',
            isInbound: false,
            isLinked: false,
            requireManualAccept: false,
            complianceRecord: false,
            finalState: false,
            skillId: '501',
            number: '+13125550100',
            disconnectCode: null,
            previewTimeoutSeconds: null,
            attemptsSoFar: 0,
            record: { id: 'c1', firstName: '', lastName: '', timeZone: null, salesforceId: null, fields: {} },
            warning: null
        });
    });

    it('CL-1 flags, start time, call type, timeout and disconnect code are read when present', () => {
        const e = event({
            ...contactRaw,
            StartTimeUTC: new Date(T - 5000).toISOString(),
            CallType: 'Outbound',
            IsLinked: 'true',
            IsRequireManualAccept: true,
            ComplianceRecord: true,
            FinalState: true,
            DisconnectCode: 'Busy',
            Timeout: '30'
        });
        expect(e).toMatchObject({
            startedAt: T - 5000,
            callType: 'Outbound',
            isLinked: true,
            requireManualAccept: true,
            complianceRecord: true,
            finalState: true,
            disconnectCode: 'Busy',
            previewTimeoutSeconds: 30
        });
    });

    it('RS-4 an inbound contact (a callback) shows the caller number; an outbound one the number dialled', () => {
        expect(event({ ...contactRaw, IsInbound: true })).toMatchObject({ isInbound: true, number: '+13125550999' });
        expect(event({ ...contactRaw, IsInbound: true, ANI: null })).toMatchObject({ number: '+13125550100' });
        expect(event({ ...contactRaw, DNIS: null })).toMatchObject({ number: '+13125550999' });
        expect(event({ ...contactRaw, DNIS: null, ANI: null })).toMatchObject({ number: '' });
    });

    it('SP-2 the calling-list record comes from the screen-pop variables, an object or a query string', () => {
        const fromObject = event({
            ...contactRaw,
            ExternalID: 'rec-9',
            ScreenPopUrlVariables: {
                FirstName: 'Ada',
                LastName: 'Abbott',
                TimeZone: 'America/Chicago',
                SalesforceId: '003000000000001AAA',
                Attempts: '3',
                Plan: '<i>Gold</i>'
            }
        });
        expect(fromObject).toMatchObject({
            attemptsSoFar: 3,
            record: {
                id: 'rec-9',
                firstName: 'Ada',
                lastName: 'Abbott',
                timeZone: 'America/Chicago',
                salesforceId: '003000000000001AAA',
                fields: { plan: 'Gold' }
            }
        });
        const fromQuery = event({
            ...contactRaw,
            CustomData: 'FirstName=Bo&externalId=rec-7&attempts=x&Region=North',
            TimeZones: 'Europe/Paris'
        });
        expect(fromQuery).toMatchObject({
            attemptsSoFar: 0,
            record: { id: 'rec-7', firstName: 'Bo', timeZone: 'Europe/Paris', fields: { region: 'North' } }
        });
        // UB-5: a zone Intl does not know and an id that is no Salesforce id are left out; a zone's case is mended.
        expect(
            event({
                ...contactRaw,
                ScreenPopUrlVariables: { TimeZone: 'Mars/Olympus_Mons', SalesforceId: '<img src=x>' }
            })
        ).toMatchObject({ record: { timeZone: null, salesforceId: null } });
        expect(
            event({
                ...contactRaw,
                ScreenPopUrlVariables: { TimeZone: 'america/chicago', SalesforceId: '003000000000001' }
            })
        ).toMatchObject({ record: { timeZone: 'America/Chicago', salesforceId: '003000000000001' } });
        expect(event({ ...contactRaw, ScreenPopUrlVariables: { SalesforceId: '003000000000001AA' } })).toMatchObject({
            record: { salesforceId: null }
        });
        // Text that is no query string carries no fields.
        expect(event({ ...contactRaw, CustomData: 'plain words' })).toMatchObject({ record: { fields: {} } });
        expect(event({ ...contactRaw, ExternalCustomerId: 'ext-1' })).toMatchObject({ record: { id: 'ext-1' } });
    });

    it('SP-2 the list fields leave out what the record itself carries; other spellings of start, skill and mute', () => {
        const e = event({
            ...contactRaw,
            Skill: undefined,
            SkillId: 77,
            StartTime: new Date(T - 1000).toISOString(),
            ScreenPopUrlVariables: {
                FirstName: 'A',
                LastName: 'B',
                TimeZone: 'Europe/Paris',
                SalesforceId: 'x',
                ExternalId: 'e',
                Attempts: '2',
                Plan: 'Gold'
            }
        });
        expect(e).toMatchObject({ skillId: '77', startedAt: T - 1000, attemptsSoFar: 2 });
        expect(e.kind === 'contact' && e.record.fields).toEqual({ plan: 'Gold' });
        expect(event({ ...contactRaw, CustomData: 'plain words' })).toMatchObject({ kind: 'contact' });
        const plain = event({ ...contactRaw, CustomData: 'plain words' });
        expect(plain.kind === 'contact' && plain.record.fields).toEqual({});
        expect(event({ Type: 'Mute', mute: true })).toEqual({ kind: 'mute', muted: true });
    });

    it('UB-5 BX-5 a contact whose number is no phone number stays, without the number, and says why without repeating it', () => {
        // eslint-disable-next-line no-script-url -- a hostile value the dialer might send
        for (const bad of ['javascript:alert(1)', '<svg onload=x>', '+1 (312) 555-0123; DROP', 'x'.repeat(5000)]) {
            const e = event({ ...contactRaw, DNIS: bad });
            expect(e).toMatchObject({ kind: 'contact', contactId: 'c1', status: 'NaturalCallRinging', number: '' });
            const warning = e.kind === 'contact' ? e.warning : null;
            expect(warning).toBe(
                `CallContactEvent number is not a phone number (${bad.length} characters); the contact is shown without it`
            );
            expect(warning).not.toContain(bad.slice(0, 5));
        }
        // The caller's number of an inbound contact is held to the same rule.
        expect(event({ ...contactRaw, IsInbound: true, ANI: '<b>1</b>' })).toMatchObject({ number: '' });
        expect(event({ ...contactRaw, DNIS: '(312) 555-0100' })).toMatchObject({
            number: '(312) 555-0100',
            warning: null
        });
    });

    it('CL-1 names from the screen-pop variables become text, as the list fields do', () => {
        const e = event({
            ...contactRaw,
            ScreenPopUrlVariables: { FirstName: '<img src=x onerror=alert(1)>Ada', LastName: '<b>Lee</b> &amp; Co' }
        });
        expect(e).toMatchObject({ record: { firstName: 'Ada', lastName: 'Lee & Co' } });
        const fromQuery = event({ ...contactRaw, CustomData: 'FirstName=%3Ci%3EBo%3C%2Fi%3E&LastName=%3Cscript%3E' });
        expect(fromQuery).toMatchObject({ record: { firstName: 'Bo', lastName: '' } });
    });

    it('BX-5 a contact event without id, with an unknown status or without its change time is refused with why', () => {
        expect(reason(parseEvent({ ...contactRaw, ContactID: undefined }))).toBe('CallContactEvent without ContactId');
        expect(reason(parseEvent({ ...contactRaw, Status: 'Flying' }))).toBe(
            'CallContactEvent with unknown status Flying'
        );
        expect(reason(parseEvent({ ...contactRaw, Status: undefined }))).toBe(
            'CallContactEvent with unknown status (none)'
        );
        expect(reason(parseEvent({ ...contactRaw, LastStateChangeTimeUTC: 'later' }))).toBe(
            'CallContactEvent without LastStateChangeTimeUTC'
        );
        expect(event({ ...contactRaw, LastStateChangeTimeUTC: undefined, LastStateChangeTime: ISO })).toMatchObject({
            changedAt: T
        });
    });

    it('AV-1 an agent state event: its state, its reason (none when blank) and since when', () => {
        expect(
            event({ Type: 'AgentState', CurrentState: 'Unavailable', CurrentOutReason: 'Lunch', StartTimeUTC: ISO })
        ).toEqual({ kind: 'agentState', state: 'Unavailable', outReason: 'Lunch', since: T });
        expect(event({ type: 'agentstate', currentState: 'Available', currentOutReason: '  ' })).toEqual({
            kind: 'agentState',
            state: 'Available',
            outReason: null,
            since: null
        });
        expect(reason(parseEvent({ Type: 'AgentState' }))).toBe('AgentState without CurrentState');
    });

    it('BX-5 session start and end, mute and the refresh hints are recognised', () => {
        expect(event({ Type: 'AgentSessionStart', AgentId: 7, SessionId: 's', TeamId: 't' })).toEqual({
            kind: 'sessionStart',
            agentId: '7',
            sessionId: 's',
            teamId: 't'
        });
        expect(event({ Type: 'AgentSessionEnd' })).toEqual({ kind: 'sessionEnd' });
        expect(event({ Type: 'RemoteAgentSessionEnd' })).toEqual({ kind: 'sessionEnd' });
        expect(event({ Type: 'Mute', IsMuted: 'true' })).toEqual({ kind: 'mute', muted: true });
        expect(event({ Type: 'Mute', muted: false })).toEqual({ kind: 'mute', muted: false });
        expect(reason(parseEvent({ Type: 'Mute' }))).toBe('Mute event without a muted flag');
        expect(event({ Type: 'UpdateSkills' })).toEqual({ kind: 'refreshSkills' });
        expect(event({ Type: 'UpdateDialerCampaigns' })).toEqual({ kind: 'refreshSkills' });
        expect(event({ Type: 'UpdateMessages' })).toEqual({ kind: 'refreshMessages' });
        expect(event({ Type: 'UpdateCallbacks' })).toEqual({ kind: 'refreshCallbacks' });
    });

    it('RS-4 a due callback: its number, contact, notes as text, skill, time, and whether it is for the agent', () => {
        expect(
            event({
                Type: 'PromiseKeeper',
                CallbackId: 'cb1',
                CallbackTime: ISO,
                DialNumber: '+13125550100',
                FirstName: 'Ada',
                LastName: 'Abbott',
                Notes: '<b>call</b>',
                SkillId: 501,
                TargetType: 'agent'
            })
        ).toEqual({
            kind: 'promiseKeeper',
            callbackId: 'cb1',
            number: '+13125550100',
            firstName: 'Ada',
            lastName: 'Abbott',
            notes: 'call',
            skillId: '501',
            dueAt: T,
            targetIsAgent: true,
            warning: null
        });
        const bare = event({ Type: 'PromiseKeeper', CallbackId: 'cb2', DeliveryTime: ISO, OrigNumber: '+1' });
        expect(bare).toMatchObject({
            number: '+1',
            firstName: '',
            lastName: '',
            notes: '',
            skillId: '',
            targetIsAgent: true
        });
        expect(
            event({ Type: 'PromiseKeeper', CallbackId: 'cb3', CallbackTime: ISO, TargetType: 'Skill' })
        ).toMatchObject({
            targetIsAgent: false,
            number: ''
        });
        expect(reason(parseEvent({ Type: 'PromiseKeeper', CallbackTime: ISO }))).toBe(
            'PromiseKeeper without CallbackId or CallbackTime'
        );
        expect(reason(parseEvent({ Type: 'PromiseKeeper', CallbackId: 'x' }))).toBe(
            'PromiseKeeper without CallbackId or CallbackTime'
        );
    });

    it('RS-4 UB-5 a due callback whose number is no phone number stays, without the number; its names become text', () => {
        const due = { Type: 'PromiseKeeper', CallbackId: 'cb1', CallbackTime: ISO };
        expect(event({ ...due, DialNumber: '<img src=x>', FirstName: '<i>Ann</i>', LastName: '<b>Lee</b>' })).toEqual({
            kind: 'promiseKeeper',
            callbackId: 'cb1',
            number: '',
            firstName: 'Ann',
            lastName: 'Lee',
            notes: '',
            skillId: '',
            dueAt: T,
            targetIsAgent: true,
            warning: 'PromiseKeeper number is not a phone number (11 characters); the callback is shown without it'
        });
        expect(event({ ...due, OrigNumber: 'call me maybe' })).toMatchObject({ number: '' });
        expect(event({ ...due, DialNumber: '+44 20 7946 0018' })).toMatchObject({
            number: '+44 20 7946 0018',
            warning: null
        });
    });

    it('BX-5 known events of other channels are ignored by name; unknown types and non-events are refused', () => {
        for (const type of ['DigitalContactEvent', 'updateindicators', 'SmartReachValidation', 'AgentLeg'])
            expect(event({ Type: type })).toEqual({ kind: 'ignored', type });
        expect(reason(parseEvent({ Type: 'X'.repeat(60) }))).toBe(`unknown event type ${'X'.repeat(40)}`);
        expect(reason(parseEvent({}))).toBe('event without Type');
        expect(reason(parseEvent([]))).toBe('event is not an object');
    });
});

describe('a number from CXone (UB-5, BX-5)', () => {
    it('UB-5 a phone number as a dialer writes it is taken as sent: digits, a leading +, separators, an extension', () => {
        for (const number of [
            '+13125550100',
            '13125550100',
            '+1 (312) 555-0100',
            '312.555.0100',
            '020 7946 0018',
            '611',
            '+1',
            '+1 312 555 0100 x12',
            '312-555-0100 ext. 4567',
            '3125550100extension 9',
            '3125550100#12',
            '1'.repeat(20)
        ])
            expect(value(parsePhoneNumber(number))).toBe(number);
        expect(value(parsePhoneNumber('  +13125550100 '))).toBe('+13125550100');
    });

    it('UB-5 none is an empty number; anything else is refused, saying only how long it was', () => {
        expect(value(parsePhoneNumber(null))).toBe('');
        expect(value(parsePhoneNumber('   '))).toBe('');
        for (const bad of [
            // eslint-disable-next-line no-script-url -- a hostile value the dialer might send
            'javascript:alert(1)',
            '<svg onload=x>',
            '+1 (312) 555-0123; DROP',
            'tel:+13125550100',
            '++13125550100',
            '1+3125550100',
            '---',
            '()',
            'Anonymous',
            '3125550100 x',
            '3125550100 x1234567',
            '312\t5550100',
            '1'.repeat(21),
            `+1 ${'0 '.repeat(20)}`
        ])
            expect(reason(parsePhoneNumber(bad))).toBe(`is not a phone number (${bad.trim().length} characters)`);
    });
});

describe('the station setting (AD-2)', () => {
    it('AD-2 the station is softphone in any case, a phone number in common notation, or else a station id; empty is none', () => {
        expect(parseStation('  ')).toEqual({});
        expect(parseStation(' SoftPhone ')).toEqual({ stationPhoneNumber: SOFTPHONE_STATION_NUMBER });
        expect(parseStation('+1 (312) 555-0100')).toEqual({ stationPhoneNumber: '+13125550100' });
        expect(parseStation('312.555.0100')).toEqual({ stationPhoneNumber: '3125550100' });
        expect(parseStation('1234567')).toEqual({ stationPhoneNumber: '1234567' });
        expect(parseStation('123456')).toEqual({ stationId: '123456' });
        expect(parseStation('1234567890123456')).toEqual({ stationId: '1234567890123456' });
        expect(parseStation('desk-12')).toEqual({ stationId: 'desk-12' });
        expect(parseStation('++1234567')).toEqual({ stationId: '++1234567' });
    });
});
