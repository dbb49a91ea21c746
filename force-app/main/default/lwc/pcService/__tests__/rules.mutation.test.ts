// The calling rules where the service applies them, at their edges (CP-1, CP-3, RS-2, RS-6, SP-5, AV-2, WU-4):
// a reschedule only warned about, a draft with no preview, a Do Not Call record's draft, Accept while another
// action is on its way, a confirmed click-to-dial on its Task, and skills refused before anything is sent.
import { DEFAULT_RULE_SETS } from 'c/pcModel';
import type { AttemptsHistory, DialerCapabilities, Preview, PreviewAction, RescheduleDraft } from 'c/pcModel';
import { flush } from 'test-support/time';
import { call, CAPS, HISTORY, PREVIEW, RECORD, ScriptedDialer, started } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

const ALL: PreviewAction[] = ['Accept', 'Requeue', 'Snooze', 'Reschedule', 'Disposition'];
const FEDERAL_WARNS = DEFAULT_RULE_SETS.map((r) => (r.name === 'US_Federal' ? { ...r, mode: 'Warn' as const } : r));
/** T0 is 07:00 in San Francisco: before the federal window. */
const SAN_FRANCISCO = '+14155550123';

function build(settings: Record<string, unknown> = {}, caps: Partial<DialerCapabilities> = {}) {
    return started(settings, {
        contacts: [],
        prepare: (dialer) => {
            dialer.capabilities = () => ({ ...CAPS, previewActions: ALL, ...caps });
        }
    });
}

function offer(dialer: ScriptedDialer, preview: Partial<Preview> = {}): void {
    dialer.events.emit('previewOffered', { ...PREVIEW, actions: ALL, ...preview });
}

/** Tomorrow 07:30 in Chicago: before the federal window opens at 08:00. */
const EARLY: RescheduleDraft = {
    number: '+13125550100',
    deliverTo: 'Me',
    date: '2027-01-12',
    time: '07:30',
    timeZone: 'America/Chicago',
    notes: ''
};

describe('c-pc-service reschedule under the rules (CP-1, CP-3, RS-2)', () => {
    it('CP-3 a reschedule only warned about comes back unsent with the warning; confirmed, it is sent', async () => {
        const { dialer, service } = await build({ ruleSets: FEDERAL_WARNS, callingHoursGuard: 'Off' });
        offer(dialer);
        await flush();
        (dialer.reschedulePreview as jest.Mock).mockImplementation(async () => undefined);
        const held = await service.reschedulePreview(EARLY);
        expect(held).toMatchObject({ ok: false, errors: [], compliance: { verdict: 'Warn' } });
        expect(dialer.reschedulePreview).not.toHaveBeenCalled();
        const unconfirmed = await service.reschedulePreview(EARLY, { confirmWarnings: false });
        expect(unconfirmed.ok).toBe(false);
        expect(dialer.reschedulePreview).not.toHaveBeenCalled();
        expect(await service.reschedulePreview(EARLY, { confirmWarnings: true })).toEqual({ ok: true });
        expect(dialer.reschedulePreview).toHaveBeenCalledTimes(1);
    });

    it('RS-2 a draft checked with no preview on screen is checked against the settings alone', async () => {
        const { service } = await build({ callingHoursGuard: 'Off' });
        const validation = service.validateReschedule(EARLY);
        expect(validation.ok).toBe(true);
        expect(validation.compliance ?? null).toBeNull();
    });

    it('RS-6 a record on Do Not Call gets a draft in its zone with no date or time: the agent picks one', async () => {
        const dnc: AttemptsHistory = {
            ...HISTORY,
            destinations: [{ ...HISTORY.destinations[0]!, unavailableReason: 'DNC' }]
        };
        const { dialer, service } = await build();
        dialer.getAttemptsHistory.mockResolvedValue(dnc);
        offer(dialer);
        await flush();
        expect(service.rescheduleDraftFor('America/New_York')).toMatchObject({
            timeZone: 'America/Chicago',
            date: '',
            time: ''
        });
    });
});

describe('c-pc-service Accept under the rules (CP-1, PV-6)', () => {
    it('PV-6 Accept while another action is on its way is refused as in flight, not checked against the rules', async () => {
        const { dialer, service } = await build();
        offer(dialer, { number: SAN_FRANCISCO, record: { ...RECORD, timeZone: 'America/Los_Angeles' } });
        await flush();
        const answer = holdOnce(dialer.requeuePreview);
        const requeue = service.requeuePreview();
        const accept = await service.acceptPreview();
        expect(accept.ok ? null : accept.error.code).toBe('InFlight');
        expect(service.getState().errors).toEqual([]);
        answer();
        await requeue;
    });

    it('CP-1 Accept where the dialer no longer offers it is refused as unsupported, not checked against the rules', async () => {
        const { dialer, service } = await build({}, { previewActions: ['Requeue'] });
        offer(dialer, { number: SAN_FRANCISCO, record: { ...RECORD, timeZone: 'America/Los_Angeles' } });
        const accept = await service.acceptPreview();
        expect(accept.ok ? null : accept.error.code).toBe('Unsupported');
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
    });

    it('CP-1 Accept too early for the contact is refused on the preview itself, and nothing is sent', async () => {
        const { dialer, service } = await build();
        offer(dialer, { number: SAN_FRANCISCO, record: { ...RECORD, timeZone: 'America/Los_Angeles' } });
        const accept = await service.acceptPreview();
        expect(accept.ok ? null : accept.error.code).toBe('Compliance');
        expect(service.getState().preview).toMatchObject({ failedAction: 'Accept', error: { code: 'Compliance' } });
        expect(dialer.acceptPreview).not.toHaveBeenCalled();
    });
});

describe('c-pc-service Attempts History that changes nothing (SP-5)', () => {
    it('SP-5 an update for the previewed record that withdraws no action leaves the preview as it was', async () => {
        const { dialer, service } = await build();
        offer(dialer);
        await flush();
        const preview = service.getState().preview;
        dialer.events.emit('attemptsUpdated', HISTORY);
        expect(service.getState().preview).toBe(preview);
    });

    it('SP-5 a pop`s Attempts History that withdraws no action leaves the preview as it was', async () => {
        const { dialer, service } = await build();
        const answer = holdOnce(dialer.getAttemptsHistory, () => HISTORY);
        offer(dialer);
        const preview = service.getState().preview;
        answer();
        await flush();
        expect(service.getState().screenPop?.attemptsHistory).toEqual(HISTORY);
        expect(service.getState().preview).toBe(preview);
    });
});

describe('c-pc-service skills refused before anything is sent (AV-2)', () => {
    it('AV-2 an unknown skill is not found; a skill that is not Personal Connection is refused', async () => {
        const { dialer, service } = await build();
        dialer.events.emit('skills', [
            { id: 'pc-1', name: 'PC One', isPersonalConnection: true },
            { id: 'inbound', name: 'Inbound', isPersonalConnection: false }
        ]);
        const unknown = await service.loginToSkill('nope');
        expect(unknown.ok ? null : [unknown.error.code, unknown.error.command]).toEqual(['NotFound', 'login']);
        const inbound = await service.loginToSkill('inbound');
        expect(inbound.ok ? null : [inbound.error.code, inbound.error.command]).toEqual(['InvalidState', 'login']);
        expect(dialer.loginToSkill).not.toHaveBeenCalled();
    });
});

describe('c-pc-service a confirmed click-to-dial on its Task (CP-3, WU-4)', () => {
    it('CP-3 a dial the agent confirmed past a warning is noted on the Task of the call it placed', async () => {
        const { dialer, gateway, service } = await build({ ruleSets: FEDERAL_WARNS }, { agentDial: true });
        Object.assign(dialer, { dialNumber: jest.fn(async () => undefined) });
        const warned = await service.dial({ number: SAN_FRANCISCO, contactId: null });
        expect((await service.confirmCompliance(warned.ok ? '' : warned.error.id)).ok).toBe(true);
        const record = { ...RECORD, id: 'rec-7', salesforceId: null };
        dialer.events.emit('callUpdated', call({ id: 'dialed', status: 'Dialing', number: SAN_FRANCISCO, record }));
        dialer.events.emit(
            'callUpdated',
            call({ id: 'dialed', status: 'Ended', number: SAN_FRANCISCO, record, outcome: 'NoAnswer' })
        );
        await flush();
        expect(gateway.tasks()[0]?.log.notes).toContain('US_Federal');
    });
});

describe('c-pc-service a confirmed Accept on its Task (CP-3)', () => {
    it('CP-3 the override is on the Task of the call the Accept placed, and not on the record`s next call', async () => {
        const { dialer, gateway, service } = await build({ ruleSets: FEDERAL_WARNS });
        const record = { ...RECORD, timeZone: 'America/Los_Angeles' };
        offer(dialer, { number: SAN_FRANCISCO, record });
        const warned = await service.acceptPreview();
        expect((await service.confirmCompliance(warned.ok ? '' : warned.error.id)).ok).toBe(true);
        expect(dialer.acceptPreview).toHaveBeenCalledTimes(1);
        const unanswered = async (id: string): Promise<void> => {
            dialer.events.emit('callUpdated', call({ id, status: 'Dialing', number: SAN_FRANCISCO, record }));
            dialer.events.emit('callUpdated', call({ id, status: 'Ended', number: SAN_FRANCISCO, record }));
            await flush();
        };
        await unanswered('placed');
        await unanswered('next');
        const notes = gateway.tasks().map((t) => [t.log.dialerContactId, t.log.notes.includes('US_Federal')]);
        expect(notes).toEqual([
            ['placed', true],
            ['next', false]
        ]);
    });
});
