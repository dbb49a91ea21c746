import 'test-support/apexMocks';
import getSettings from '@salesforce/apex/PersonalConnectionController.getSettings';
import findContact from '@salesforce/apex/PersonalConnectionController.findContact';
import getContactHistory from '@salesforce/apex/PersonalConnectionController.getContactHistory';
import logAttempt from '@salesforce/apex/PersonalConnectionController.logAttempt';
import getCallingListContacts from '@salesforce/apex/PersonalConnectionController.getCallingListContacts';
import collectSignIn from '@salesforce/apex/PersonalConnectionController.collectSignIn';
import {
    ApexGateway,
    APEX_METHODS,
    createApexGateway,
    DEFAULT_HISTORY_ROWS,
    parseLogResult,
    parseSignInCollected,
    toGatewayError
} from 'c/pcApexGateway';
import type { AttemptLog } from 'c/pcModel';
import { GatewayError } from 'c/pcSalesforcePort';

const mocked = (fn: unknown): jest.Mock => fn as jest.Mock;
const CONTACT_ID = '003000000000001AAA';
const TASK_ID = '00T000000000001AAA';

const QUERY = {
    salesforceId: null,
    dialerRecordId: 'PC-1001',
    phone: '+13125550101',
    fields: ['Account.Name', 'Title']
} as const;

const LOG: AttemptLog = {
    dialerContactId: 'call-1',
    contactId: CONTACT_ID,
    recordId: 'PC-1001',
    number: '+13125550101',
    direction: 'Outbound',
    outcome: 'Live',
    dispositionLabel: 'Sale',
    durationSeconds: 94.6,
    notes: 'Wants the annual plan',
    endedAt: 1_795_000_000_000
};

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
    try {
        await promise;
    } catch (error) {
        if (error instanceof GatewayError) return error;
        throw error;
    }
    throw new Error('expected a GatewayError');
}

describe('c-pc-apex-gateway', () => {
    let gateway: ApexGateway;

    beforeEach(() => {
        jest.resetAllMocks();
        gateway = new ApexGateway();
    });

    describe('settings', () => {
        it('AD-2 returns the stored settings object for the service to parse', async () => {
            const stored = { linesPerAgent: 2, previewEnabled: true, problems: [] };
            mocked(getSettings).mockResolvedValue(stored);
            await expect(gateway.getSettings()).resolves.toEqual(stored);
            expect(getSettings).toHaveBeenCalledWith({});
        });

        it('AD-3 refuses a settings result that is not an object with code Protocol', async () => {
            expect.assertions(2);
            for (const bad of [null, [1, 2]]) {
                mocked(getSettings).mockResolvedValueOnce(bad);
            }
            const errors = await Promise.all([rejection(gateway.getSettings()), rejection(gateway.getSettings())]);
            for (const error of errors) expect(error.code).toBe('Protocol');
        });
    });

    describe('findContact', () => {
        it('CL-2 asks Apex by Salesforce id, dialer record id and number with the Value one / Value two fields', async () => {
            mocked(findContact).mockResolvedValue({
                id: CONTACT_ID,
                name: 'Ava Martinez',
                phone: '(312) 555-0101',
                accountName: 'Northwind Utilities',
                fields: { 'Account.Name': 'Northwind Utilities', Title: null, Extra: 'ignored' }
            });
            const contact = await gateway.findContact(QUERY);
            expect(findContact).toHaveBeenCalledWith({
                salesforceId: null,
                dialerRecordId: 'PC-1001',
                phone: '+13125550101',
                fields: ['Account.Name', 'Title']
            });
            expect(contact).toEqual({
                id: CONTACT_ID,
                name: 'Ava Martinez',
                phone: '(312) 555-0101',
                email: null,
                accountName: 'Northwind Utilities',
                title: null,
                mailingCity: null,
                fields: { 'Account.Name': 'Northwind Utilities', Title: null }
            });
        });

        it('SP-1 resolves null when no contact matches', async () => {
            mocked(findContact).mockResolvedValue(null);
            await expect(gateway.findContact(QUERY)).resolves.toBeNull();
        });

        it('SP-1 refuses a contact with a bad id, a missing name or a non-text value with code Protocol', async () => {
            const bad = [
                { id: '001000000000001AAA', name: 'Wrong object' },
                { id: CONTACT_ID },
                { id: CONTACT_ID, name: 'Ava', email: 42 },
                { id: CONTACT_ID, name: 'Ava', fields: { 'Account.Name': { nested: true } } },
                'Ava'
            ];
            expect.assertions(bad.length);
            for (const result of bad) mocked(findContact).mockResolvedValueOnce(result);
            const errors = await Promise.all(bad.map(() => rejection(gateway.findContact(QUERY))));
            for (const error of errors) expect(error.code).toBe('Protocol');
        });
    });

    describe('getContactHistory', () => {
        it('SP-1 reads the contact history, newest first as Apex ordered it, with the configured row limit', async () => {
            const rows = [
                { id: TASK_ID, at: 1_795_000_000_000, subject: 'Call: Sale', type: 'Call', outcome: 'Sale' },
                {
                    id: '00T000000000002AAA',
                    at: 1_794_000_000_000,
                    subject: 'Send rate sheet',
                    type: 'Task',
                    notes: 'x'
                }
            ];
            mocked(getContactHistory).mockResolvedValue(rows);
            const history = await createApexGateway({ historyRows: 5 }).getContactHistory(CONTACT_ID);
            expect(getContactHistory).toHaveBeenCalledWith({ contactId: CONTACT_ID, maxRows: 5 });
            expect(history).toEqual([
                { ...rows[0], notes: null, attempt: null },
                { ...rows[1], outcome: null, attempt: null }
            ]);
        });

        it('BX-1 reads the number and outcome of an attempt the console logged; an unknown outcome is no attempt', async () => {
            mocked(getContactHistory).mockResolvedValue([
                { id: TASK_ID, at: 1, subject: 'Call', type: 'Call', number: '+13125550101', attemptOutcome: 'Busy' },
                { id: '00T000000000002AAA', at: 0, subject: 'Call', type: 'Call', number: '+1', attemptOutcome: 'Won' }
            ]);
            const history = await gateway.getContactHistory(CONTACT_ID);
            expect(history.map((h) => h.attempt)).toEqual([{ number: '+13125550101', outcome: 'Busy' }, null]);
        });

        it('SP-1 reads the default number of Contact History rows unless configured', async () => {
            mocked(getContactHistory).mockResolvedValue([]);
            await expect(gateway.getContactHistory(CONTACT_ID)).resolves.toEqual([]);
            expect(getContactHistory).toHaveBeenCalledWith({ contactId: CONTACT_ID, maxRows: DEFAULT_HISTORY_ROWS });
        });

        it('SP-1 refuses a history that is not a list of interactions with code Protocol', async () => {
            const bad = [
                { id: TASK_ID },
                [{ id: TASK_ID, at: 'yesterday', subject: 's', type: 't' }],
                [{ id: TASK_ID, at: 1.5, subject: 's', type: 't' }],
                [{ id: 'not-an-id', at: 1, subject: 's', type: 't' }],
                [{ id: TASK_ID, at: 1, type: 't' }]
            ];
            expect.assertions(bad.length);
            for (const result of bad) mocked(getContactHistory).mockResolvedValueOnce(result);
            const errors = await Promise.all(bad.map(() => rejection(gateway.getContactHistory(CONTACT_ID))));
            for (const error of errors) expect(error.code).toBe('Protocol');
        });
    });

    describe('logAttempt', () => {
        it('BX-1 logs an attempt once with call type, outcome, whole-second duration, number and notes', async () => {
            mocked(logAttempt).mockResolvedValue({ taskId: TASK_ID, created: true });
            await expect(gateway.logAttempt(LOG)).resolves.toEqual({ taskId: TASK_ID, created: true });
            expect(logAttempt).toHaveBeenCalledTimes(1);
            expect(logAttempt).toHaveBeenCalledWith({
                dialerContactId: 'call-1',
                contactId: CONTACT_ID,
                recordId: 'PC-1001',
                phone: '+13125550101',
                direction: 'Outbound',
                outcome: 'Live',
                dispositionLabel: 'Sale',
                durationSeconds: 95,
                notes: 'Wants the annual plan',
                endedAt: 1_795_000_000_000
            });
        });

        it('BX-1 reports a retry that Apex found already logged as created = false', async () => {
            mocked(logAttempt).mockResolvedValue({ taskId: TASK_ID, created: false });
            await expect(gateway.logAttempt(LOG)).resolves.toEqual({ taskId: TASK_ID, created: false });
        });

        it('BX-1 refuses a log result without a Task id or a created flag with code Protocol', async () => {
            const bad = [
                { taskId: CONTACT_ID, created: true },
                { taskId: TASK_ID },
                { taskId: TASK_ID, created: 'yes' }
            ];
            expect.assertions(bad.length);
            for (const result of bad) mocked(logAttempt).mockResolvedValueOnce(result);
            const errors = await Promise.all(bad.map(() => rejection(gateway.logAttempt(LOG))));
            for (const error of errors) expect(error.code).toBe('Protocol');
        });
    });

    describe('Apex failures', () => {
        const own = (code: string, detail: string) => ({
            status: 500,
            body: { message: JSON.stringify({ code, detail }), exceptionType: 'System.AuraHandledException' }
        });

        it.each<[string, string, unknown]>([
            ['the controller refused the input', 'Rejected', own('Rejected', 'direction must be Outbound or Callback')],
            ['the user lacks the permission set', 'Permission', own('Permission', 'no permission')],
            [
                'a save that lacked access',
                'Permission',
                { status: 400, body: { pageErrors: [{ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'x' }] } }
            ],
            [
                'a field error',
                'Rejected',
                { status: 400, body: { fieldErrors: { Subject: [{ statusCode: 'STRING_TOO_LONG', message: 'x' }] } } }
            ],
            [
                'a NoAccessException',
                'Permission',
                { status: 500, body: { exceptionType: 'System.NoAccessException', message: 'x' } }
            ],
            [
                'no Apex class access',
                'Permission',
                {
                    status: 500,
                    body: { message: "You do not have access to the Apex class named 'PersonalConnectionController'." }
                }
            ],
            [
                'an expired session',
                'Unauthorized',
                { status: 401, body: [{ message: 'Session expired', errorCode: 'INVALID_SESSION_ID' }] }
            ],
            ['a dropped request', 'Network', { status: 500, body: { message: 'Disconnected or Canceled' } }],
            ['an unreachable server', 'Network', { status: 0, body: null }],
            ['an unknown code in the body', 'Unknown', own('Exploded', 'x')],
            ['a plain Error', 'Unknown', new TypeError('boom')],
            ['a thrown string', 'Unknown', 'boom']
        ])('maps %s to %s', async (_what, code, thrown) => {
            mocked(getSettings).mockRejectedValue(thrown);
            expect((await rejection(gateway.getSettings())).code).toBe(code);
        });

        it('keeps the controller detail and drops platform messages that may quote personal data', () => {
            expect(toGatewayError(own('Rejected', 'notes are too long')).message).toBe('notes are too long');
            const platform = toGatewayError({
                status: 500,
                body: { message: 'Ava Martinez +13125550101 is bad', exceptionType: 'System.DmlException' }
            });
            expect(platform.code).toBe('Unknown');
            expect(platform.message).not.toMatch(/Ava|3125550101/);
            expect(platform.message).toContain('System.DmlException');
        });
    });

    it('AD-2 declares each Apex method once with its parameter names', () => {
        expect(Object.fromEntries(Object.entries(APEX_METHODS).map(([name, m]) => [name, m.params]))).toEqual({
            getSettings: [],
            findContact: ['salesforceId', 'dialerRecordId', 'phone', 'fields'],
            getContactHistory: ['contactId', 'maxRows'],
            logAttempt: [
                'dialerContactId',
                'contactId',
                'recordId',
                'phone',
                'direction',
                'outcome',
                'dispositionLabel',
                'durationSeconds',
                'notes',
                'endedAt'
            ],
            getCallingListContacts: [],
            collectSignIn: ['state']
        });
    });

    it('SP-1 reads the demo calling list and refuses a malformed Contact', async () => {
        (getCallingListContacts as jest.Mock).mockResolvedValue([
            {
                id: '003000000000001AAA',
                dialerRecordId: 'PC-1001',
                firstName: 'Ava',
                lastName: 'Martinez',
                accountName: 'Northwind Traders',
                phones: [{ field: 'Phone', number: '(312) 555-0101' }]
            }
        ]);
        await expect(new ApexGateway().getCallingListContacts()).resolves.toEqual([
            {
                id: '003000000000001AAA',
                dialerRecordId: 'PC-1001',
                firstName: 'Ava',
                lastName: 'Martinez',
                accountName: 'Northwind Traders',
                email: null,
                phones: [{ field: 'Phone', number: '(312) 555-0101' }]
            }
        ]);
        (getCallingListContacts as jest.Mock).mockResolvedValue([{ id: '001000000000001AAA', phones: [] }]);
        await expect(new ApexGateway().getCallingListContacts()).rejects.toMatchObject({ code: 'Protocol' });
    });

    it('BX-1 an attempt another request logged first comes back as already logged, without a Task id', () => {
        expect(parseLogResult({ created: false })).toEqual({ taskId: null, created: false });
        expect(() => parseLogResult({ created: true })).toThrow(GatewayError);
    });

    it('BX-11 collects the sign-in answer by state and validates it at the boundary', async () => {
        mocked(collectSignIn).mockResolvedValueOnce({ status: 'code', code: 'abc.def' });
        await expect(new ApexGateway().collectSignIn('st4te')).resolves.toEqual({ status: 'code', code: 'abc.def' });
        expect(mocked(collectSignIn)).toHaveBeenCalledWith({ state: 'st4te' });
        expect(parseSignInCollected({ status: 'pending' })).toEqual({ status: 'pending' });
        expect(parseSignInCollected({ status: 'expired', code: 'x' })).toEqual({ status: 'expired' });
        expect(parseSignInCollected({ status: 'error', error: '<b>' })).toEqual({ status: 'error', error: 'error' });
        expect(() => parseSignInCollected({ status: 'code', code: 'has space' })).toThrow(GatewayError);
        expect(() => parseSignInCollected({ status: 'done' })).toThrow(GatewayError);
        expect(() => parseSignInCollected(null)).toThrow(GatewayError);
    });
});
