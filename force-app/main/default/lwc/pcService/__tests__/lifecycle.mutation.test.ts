// The service's start, restore and sign-in at their edges: what a refresh or a partly failing dialer leaves on
// screen. Scripted dialer: every event and every answer is set by the test.
import { DialerError } from 'c/pcDialerPort';
import type { DialerSignIn } from 'c/pcDialerPort';
import { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { flush } from 'test-support/time';
import { call, CAPS, PREVIEW, scripted, started, T0, WORKING } from 'test-support/scriptedService';

const build = scripted;

function commandsOf(errors: readonly { command: string | null }[]): (string | null)[] {
    return errors.map((e) => e.command);
}

describe('c-pc-service start and restore at their edges', () => {
    it('UB-4 the counters read the clock the service runs on', async () => {
        const { clock, service } = await started();
        clock.advanceTo(T0 + 12_345);
        expect(service.now()).toBe(T0 + 12_345);
    });

    it('AV-2 a skill list the dialer fails to give is reported by name, and the codes still load', async () => {
        const { dialer, service } = build();
        dialer.listSkills.mockRejectedValueOnce(new DialerError('Network', 'skills down'));
        expect((await service.start()).ok).toBe(true);
        await flush();
        const state = service.getState();
        expect(state.skills).toEqual([]);
        expect(state.unavailableCodes).toEqual([{ id: 'break', label: 'Break' }]);
        expect(state.errors.map((e) => [e.command, e.code, e.source])).toEqual([['listSkills', 'Network', 'Dialer']]);
    });

    it('AV-4 an unavailable-code list the dialer fails to give is reported by name, and the skills still load', async () => {
        const { dialer, service } = build();
        dialer.listUnavailableCodes.mockRejectedValueOnce(new DialerError('Network', 'codes down'));
        await service.start();
        await flush();
        const state = service.getState();
        expect(state.skills.map((s) => s.id)).toEqual(['pc-1']);
        expect(state.unavailableCodes).toEqual([]);
        expect(commandsOf(state.errors)).toEqual(['listUnavailableCodes']);
    });

    it('BX-2 a refresh while logged in to a skill loads that skill dispositions; a failure says which list', async () => {
        const ok = build();
        await ok.service.start();
        await flush();
        expect(ok.dialer.listDispositions).toHaveBeenCalledWith('pc-1');
        expect(ok.service.getState().dispositions.map((d) => d.id)).toEqual(['done']);

        const failing = build();
        failing.dialer.listDispositions.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await failing.service.start();
        await flush();
        expect(failing.service.getState().dispositions).toEqual([]);
        expect(commandsOf(failing.service.getState().errors)).toEqual(['listDispositions']);
    });

    it('BX-2 a refresh while logged out asks for no dispositions', async () => {
        const { dialer, service } = build();
        dialer.session = {
            ...dialer.session,
            agent: { ...WORKING, status: 'LoggedOut', skillId: null, skillName: null }
        };
        await service.start();
        await flush();
        expect(dialer.listDispositions).not.toHaveBeenCalled();
        expect(service.getState().dispositions).toEqual([]);
        expect(service.getState().errors).toEqual([]);
    });

    it('BX-2 a refresh during a preview shows the preview again with its screen pop', async () => {
        const { dialer, service } = build();
        dialer.session = { ...dialer.session, joined: true, preview: PREVIEW };
        await service.start();
        await flush();
        const state = service.getState();
        expect(state.preview?.preview.id).toBe('preview-1');
        expect(state.preview?.pending).toBeNull();
        expect(state.screenPop?.forId).toBe('preview-1');
        expect(state.screenPop?.record.id).toBe('rec-1');
    });

    it('BX-2 a refresh with an answered call and a preview pops the call, not the preview', async () => {
        const { dialer, service } = build();
        dialer.session = {
            ...dialer.session,
            joined: true,
            preview: PREVIEW,
            calls: [call({ id: 'live', status: 'Active', answeredAt: T0 })]
        };
        await service.start();
        await flush();
        expect(service.getState().screenPop?.forId).toBe('live');
    });

    it('BX-2 a refresh with only a dialing call opens no screen pop', async () => {
        const { dialer, service } = build();
        dialer.session = { ...dialer.session, joined: true, calls: [call({ status: 'Dialing' })] };
        await service.start();
        await flush();
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['call-1']);
        expect(service.getState().screenPop).toBeNull();
    });

    it('AD-2 settings read from Salesforce on start are the ones used; a failed read is reported and the defaults stand', async () => {
        const gateway = new InMemorySalesforceGateway({ contacts: [], settings: { linesPerAgent: 2 } });
        const read = build({ settings: undefined, gateway });
        await read.service.start();
        await flush();
        expect(read.service.getState().settings.linesPerAgent).toBe(2);

        const failingGateway = new InMemorySalesforceGateway({ contacts: [] });
        failingGateway.failNext('getSettings', 'Unauthorized');
        const failing = build({ settings: undefined, gateway: failingGateway });
        expect((await failing.service.start()).ok).toBe(true);
        await flush();
        const state = failing.service.getState();
        expect(state.settings).toEqual(DEFAULT_SETTINGS);
        expect(state.errors.map((e) => [e.command, e.source, e.code])).toEqual([
            ['getSettings', 'Salesforce', 'Unauthorized']
        ]);
        expect(state.connection.status).toBe('Connected');
    });
});

describe('c-pc-service sign-in state', () => {
    it('BX-11 the console follows the dialer saying a sign-in is needed again, and no longer needed', async () => {
        let notify: (required: boolean) => void = () => undefined;
        const port: DialerSignIn = {
            isRequired: () => false,
            onChange: (listener) => {
                notify = listener;
                return () => undefined;
            },
            signIn: jest.fn(async () => undefined)
        };
        const { service } = build({ signIn: port });
        expect(service.getState().signIn).toEqual({ required: false, pending: false });
        await service.start();
        await flush();
        notify(true);
        expect(service.getState().signIn).toEqual({ required: true, pending: false });
        notify(false);
        expect(service.getState().signIn).toEqual({ required: false, pending: false });
    });

    it('BX-11 while a sign-in is under way the console keeps showing it pending when the dialer re-announces', async () => {
        let notify: (required: boolean) => void = () => undefined;
        let finish: () => void = () => undefined;
        const port: DialerSignIn = {
            isRequired: () => true,
            onChange: (listener) => {
                notify = listener;
                return () => undefined;
            },
            signIn: jest.fn(() => new Promise<void>((resolve) => (finish = resolve)))
        };
        const { service } = build({ signIn: port });
        await service.start();
        await flush();
        const signing = service.signIn();
        expect(service.getState().signIn).toEqual({ required: true, pending: true });
        notify(true);
        expect(service.getState().signIn).toEqual({ required: true, pending: true });
        const second = await service.signIn();
        expect(second.ok ? null : second.error.code).toBe('InFlight');
        expect(port.signIn).toHaveBeenCalledTimes(1);
        finish();
        await signing;
        expect(service.getState().signIn?.pending).toBe(false);
    });
});

describe('c-pc-service late news of an ended call', () => {
    it('WU-2 a late outcome refines the ended call and the answering-machine count, and the call stays ended', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Ended', endedAt: T0 + 5000, outcome: 'NoAnswer' }));
        await flush();
        expect(service.getState().scoreboard?.answeringMachines).toBe(0);
        dialer.events.emit('callUpdated', call({ status: 'AMD', endedAt: T0 + 5000, outcome: 'AnsweringMachine' }));
        const view = service.getState().calls[0];
        expect(view?.call.status).toBe('Ended');
        expect(view?.call.outcome).toBe('AnsweringMachine');
        expect(service.getState().scoreboard?.answeringMachines).toBe(1);
        expect(service.getState().scoreboard?.callsHandled).toBe(1);
    });
});

describe('c-pc-service what start loads at its edges', () => {
    it('AD-3 a bad setting read from Salesforce is reported, and the value used instead applies', async () => {
        const gateway = new InMemorySalesforceGateway({
            contacts: [],
            settings: { ...DEFAULT_SETTINGS, linesPerAgent: 9 }
        });
        const { service } = build({ settings: undefined, gateway });
        await service.start();
        await flush();
        const state = service.getState();
        expect(state.settingsProblems.map((p) => p.setting)).toEqual(['linesPerAgent']);
        expect(state.settings.linesPerAgent).toBe(DEFAULT_SETTINGS.linesPerAgent);
    });

    it('BX-2 a refresh shows no more live calls than the dialer offers lines, whatever the setting', async () => {
        const { dialer, service } = build({ settings: { ...DEFAULT_SETTINGS, linesPerAgent: 3 } });
        dialer.capabilities = () => ({ ...CAPS, maxLines: 2 });
        dialer.session = {
            ...dialer.session,
            joined: true,
            calls: [call({ id: 'a' }), call({ id: 'b', line: 2 }), call({ id: 'c', line: 3 })]
        };
        await service.start();
        await flush();
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['a', 'b']);
        expect(service.getState().capabilities.maxLines).toBe(2);
    });

    it('WU-1 the dispositions loaded on a refresh carry the admin`s notes rule', async () => {
        const { service } = build({ settings: { ...DEFAULT_SETTINGS, notesRequiredDispositions: ['done'] } });
        await service.start();
        await flush();
        expect(service.getState().dispositions).toEqual([
            { id: 'done', label: 'Completed', outcome: 'Completed', requiresNotes: true }
        ]);
    });

    it('BX-5 once a retry connects, the failed connect leaves the error panel; other errors stay', async () => {
        const { dialer, service } = build();
        dialer.connect.mockRejectedValueOnce(new DialerError('Network', 'down'));
        await service.start();
        dialer.events.emit('error', new DialerError('Rejected', 'other'));
        expect(commandsOf(service.getState().errors)).toEqual(['connect', null]);
        expect((await service.start()).ok).toBe(true);
        await flush();
        expect(commandsOf(service.getState().errors)).toEqual([null]);
    });
});
