// Behaviour the mutation run showed no suite pinned down: the error list's bound, the screen-pops setting at
// the moment a contact answers. Same scripted dialer as the store suite: every event is emitted by the test.
import { MAX_ERRORS } from 'c/pcService';
import { DialerError } from 'c/pcDialerPort';
import type { DialerSignIn } from 'c/pcDialerPort';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { Call } from 'c/pcModel';
import { flush } from 'test-support/time';
import { call, scripted, started, T0 } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

describe('c-pc-service bounds and settings at their use', () => {
    it('UB-6 keeps only the newest errors for the error panel, so a long shift does not grow without bound', async () => {
        const { dialer, service } = await started();
        const total = MAX_ERRORS + 10;
        for (let i = 1; i <= total; i += 1) dialer.events.emit('error', new DialerError('Network', `drop ${i}`));
        const errors = service.getState().errors;
        expect(errors).toHaveLength(MAX_ERRORS);
        expect(errors[0]?.detail).toBe('drop 11');
        expect(errors[MAX_ERRORS - 1]?.detail).toBe(`drop ${total}`);
    });

    it('UB-6 keeps every error while there are no more than the panel holds', async () => {
        const { dialer, service } = await started();
        for (let i = 1; i <= MAX_ERRORS; i += 1) dialer.events.emit('error', new DialerError('Network', `drop ${i}`));
        const errors = service.getState().errors;
        expect(errors).toHaveLength(MAX_ERRORS);
        expect(errors[0]?.detail).toBe('drop 1');
    });

    it('SP-1 opens no screen pop when a contact answers where the admin turned screen pops off', async () => {
        const { dialer, service } = await started({ screenPopsEnabled: false });
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().calls.map((v) => v.call.status)).toEqual(['Active']);
        expect(service.getState().screenPop).toBeNull();
    });

    it('SP-1 opens the screen pop when a contact answers where screen pops are on', async () => {
        const { dialer, service } = await started({ screenPopsEnabled: true });
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await flush();
        expect(service.getState().screenPop?.forId).toBe('call-1');
    });
});

/** A service on a dialer whose session the test sets before start (a refresh joining a live session). */
async function joined(calls: Call[], lines = 1, signIn?: DialerSignIn) {
    return scripted({
        prepare: (dialer) => {
            dialer.session = { ...dialer.session, joined: true, calls };
        },
        settings: { ...DEFAULT_SETTINGS, linesPerAgent: lines },
        signIn
    });
}

describe('c-pc-service restores a session and recovers', () => {
    it('BX-2 a refresh shows the live calls up to the lines setting, and ended calls still in wrap-up', async () => {
        const { service } = await joined([
            call({ id: 'ended-answered', status: 'Ended', answeredAt: T0, endedAt: T0 + 1000 }),
            call({ id: 'ended-unanswered', status: 'Ended', answeredAt: null, endedAt: T0 + 1000 }),
            call({ id: 'live-1', status: 'Active', answeredAt: T0 }),
            call({ id: 'live-2', status: 'Dialing' })
        ]);
        await service.start();
        await flush();
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['ended-answered', 'live-1']);
        expect(service.getState().connection.status).toBe('Connected');
    });

    it('BX-2 a refresh during a held call reopens its screen pop', async () => {
        const { service } = await joined([call({ id: 'held', status: 'Held', answeredAt: T0 })], 2);
        await service.start();
        await flush();
        expect(service.getState().screenPop?.forId).toBe('held');
    });

    it('BX-2 a refresh with every line live keeps them all', async () => {
        const { service } = await joined(
            [call({ id: 'a', status: 'Active', answeredAt: T0 }), call({ id: 'b', line: 2, status: 'Ringing' })],
            2
        );
        await service.start();
        await flush();
        expect(service.getState().calls.map((v) => v.call.id)).toEqual(['a', 'b']);
    });

    it('BX-5 start again after a failed connect connects again; once connected it does nothing', async () => {
        const { dialer, service } = await joined([]);
        dialer.connect.mockRejectedValueOnce(new DialerError('Network', 'down'));
        const first = await service.start();
        await flush();
        expect(first.ok).toBe(false);
        expect(service.getState().connection.status).toBe('Failed');
        const again = await service.start();
        await flush();
        expect(again.ok).toBe(true);
        expect(service.getState().connection.status).toBe('Connected');
        expect(dialer.connect).toHaveBeenCalledTimes(2);
        expect((await service.start()).ok).toBe(true);
        expect(dialer.connect).toHaveBeenCalledTimes(2);
    });

    it('BX-11 sign-in where the dialer needs none is refused as Unsupported', async () => {
        const { service } = await joined([]);
        const result = await service.signIn();
        expect(result.ok).toBe(false);
        expect(result.ok ? null : result.error.code).toBe('Unsupported');
    });

    it('BX-11 a failed sign-in is reported for retry and leaves nothing pending; a good one connects', async () => {
        let required = true;
        const port: DialerSignIn = {
            isRequired: () => required,
            onChange: () => () => undefined,
            signIn: jest.fn(async () => {
                throw new DialerError('Rejected', 'the browser blocked the sign-in window');
            })
        };
        const { dialer, service } = await joined([], 1, port);
        const failed = await service.signIn();
        expect(failed.ok).toBe(false);
        expect(service.getState().signIn).toEqual({ required: true, pending: false });
        expect(service.getState().errors.map((e) => [e.code, e.command])).toEqual([['Rejected', 'signIn']]);
        expect(dialer.connect).not.toHaveBeenCalled();
        (port.signIn as jest.Mock).mockImplementation(async () => {
            required = false;
        });
        const ok = await service.signIn();
        await flush();
        expect(ok.ok).toBe(true);
        expect(service.getState().signIn).toEqual({ required: false, pending: false });
        expect(dialer.connect).toHaveBeenCalledTimes(1);
        expect(service.getState().connection.status).toBe('Connected');
    });

    it('UB-6 dismissing an error removes only that one; an unknown id changes nothing', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('error', new DialerError('Network', 'first'));
        dialer.events.emit('error', new DialerError('Network', 'second'));
        const before = service.getState();
        service.dismissError('no-such-error');
        expect(service.getState()).toBe(before);
        service.dismissError(before.errors[0]!.id);
        expect(service.getState().errors.map((e) => e.detail)).toEqual(['second']);
    });
});

describe('c-pc-service commands in flight', () => {
    it('CL-4 Hold shows as sending while the dialer answers, and no longer once it has', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        const answer = holdOnce(dialer.hold);
        const holding = service.hold('call-1');
        expect(service.getState().calls[0]?.pending).toEqual(['hold']);
        answer();
        expect((await holding).ok).toBe(true);
        expect(service.getState().calls[0]?.pending).toEqual([]);
    });

    it('CL-4 a Hold the dialer refuses is no longer sending and is reported for retry', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.hold.mockRejectedValueOnce(new DialerError('Rejected', 'not now'));
        const result = await service.hold('call-1');
        expect(result.ok).toBe(false);
        expect(service.getState().calls[0]?.pending).toEqual([]);
        expect(service.getState().errors.map((e) => e.command)).toEqual(['hold']);
    });
});

describe('c-pc-service stop', () => {
    it('AV-3 stopping releases the dialer once and shows Disconnected, even when the dialer fails to let go', async () => {
        const { dialer, service } = await started();
        dialer.disconnect.mockRejectedValueOnce(new DialerError('Network', 'gone'));
        await service.stop();
        expect(service.getState().connection.status).toBe('Disconnected');
        await service.stop();
        expect(dialer.disconnect).toHaveBeenCalledTimes(1);
    });

    it('AV-3 after stopping, dialer events no longer change what the agent sees', async () => {
        const { dialer, service } = await started();
        await service.stop();
        const before = service.getState();
        dialer.events.emit('callUpdated', call({ status: 'Ringing' }));
        expect(service.getState()).toBe(before);
    });
});
