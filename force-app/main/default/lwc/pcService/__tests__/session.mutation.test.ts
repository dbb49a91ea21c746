// The session slice at its edges: what the dialer says while a connect is under way, what a sign-in does to a
// console that runs and to one that does not, and the snapshots a connect publishes. Scripted dialer and sign-in.
import { DialerError } from 'c/pcDialerPort';
import type { DialerSignIn, SessionInfo } from 'c/pcDialerPort';
import type { ConnectionStatus, ConsoleState } from 'c/pcModel';
import { flush } from 'test-support/time';
import { CAPS, scripted, started } from 'test-support/scriptedService';

/** A sign-in whose "needed" the test sets, and which succeeds at once unless the test holds it. */
function signInPort(required: { value: boolean }): DialerSignIn & { signIn: jest.Mock } {
    return {
        isRequired: () => required.value,
        onChange: () => () => undefined,
        signIn: jest.fn(async () => {
            required.value = false;
        })
    };
}

/** A connect the test finishes when it chooses. */
function heldConnect(): { promise: Promise<SessionInfo>; finish: (session: SessionInfo) => void } {
    let finish: (session: SessionInfo) => void = () => undefined;
    const promise = new Promise<SessionInfo>((resolve) => (finish = resolve));
    return { promise, finish };
}

describe('c-pc-service session: a connect under way', () => {
    it('BX-2 the capabilities the dialer reports once connected are the ones the console offers', async () => {
        const { dialer, service } = scripted();
        let caps = CAPS;
        dialer.capabilities = () => caps;
        dialer.connect.mockImplementationOnce(async () => {
            caps = { ...CAPS, maxLines: 1, hold: false };
            return dialer.session;
        });
        await service.start();
        await flush();
        expect(service.getState().capabilities).toEqual({ ...CAPS, maxLines: 1, hold: false });
    });

    /** Starts a console whose dialer announces `status` while its connect is under way, then connects. */
    async function connectAnnouncing(status: ConnectionStatus): Promise<ConsoleState['connection']> {
        const { dialer, service } = scripted();
        dialer.connect.mockImplementationOnce(async () => {
            dialer.events.emit('connection', {
                status,
                detail: 'said while connecting',
                attempt: 0,
                nextRetryAt: null
            });
            return dialer.session;
        });
        await service.start();
        await flush();
        return service.getState().connection;
    }

    it('BX-2 a connect that succeeds after the dialer reported itself disconnected shows the console connected', async () => {
        expect(await connectAnnouncing('Disconnected')).toEqual({
            status: 'Connected',
            detail: '',
            attempt: 0,
            nextRetryAt: null
        });
    });

    it("BX-2 a connect that succeeds while the dialer says another tab leads keeps the dialer's word", async () => {
        expect(await connectAnnouncing('Mirroring')).toMatchObject({ status: 'Mirroring' });
    });

    it('BX-2 a console stopped while its connect was under way stays stopped, and the late session is closed', async () => {
        const { dialer, service } = scripted();
        const connect = heldConnect();
        dialer.connect.mockImplementationOnce(() => connect.promise);
        const starting = service.start();
        await flush();
        await service.stop();
        expect(dialer.disconnect).toHaveBeenCalledTimes(1);
        connect.finish(dialer.session);
        await starting;
        await flush();
        expect(service.getState().connection.status).toBe('Disconnected');
        expect(service.getState().skills).toEqual([]);
        expect(dialer.listSkills).not.toHaveBeenCalled();
        expect(dialer.disconnect).toHaveBeenCalledTimes(2);
    });

    it('CL-1 connecting publishes no snapshot that changes nothing but the time (each one renders the console)', async () => {
        const { service } = scripted();
        const seen: ConsoleState[] = [service.getState()];
        service.subscribe((state) => seen.push(state));
        await service.start();
        await flush();
        expect(seen.length).toBeGreaterThan(2);
        const unchanged = seen.slice(1).filter((state, i) => {
            const before = seen[i]!;
            return (Object.keys(state) as (keyof ConsoleState)[]).every((k) => k === 'now' || state[k] === before[k]);
        });
        expect(unchanged).toEqual([]);
    });
});

describe('c-pc-service session: signing in to the dialer', () => {
    it('BX-11 a second sign-in while one is under way is refused as already sent, naming the sign-in', async () => {
        const required = { value: true };
        const port = signInPort(required);
        let finish: () => void = () => undefined;
        port.signIn.mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
        const { service } = scripted({ signIn: port });
        const first = service.signIn();
        const second = await service.signIn();
        expect(second.ok ? null : [second.error.code, second.error.command]).toEqual(['InFlight', 'signIn']);
        finish();
        await first;
    });

    it('BX-11 signing in on a console that runs connects again at once, clearing the old detail, listening once', async () => {
        const required = { value: true };
        const port = signInPort(required);
        const { dialer, service } = scripted({ signIn: port });
        dialer.connect.mockRejectedValueOnce(new DialerError('Unauthorized', 'sign-in required'));
        await service.start();
        await flush();
        expect(service.getState().connection).toMatchObject({ status: 'Failed', detail: 'sign-in required' });
        const connect = heldConnect();
        dialer.connect.mockImplementationOnce(() => connect.promise);
        const signing = service.signIn();
        await flush();
        expect(service.getState().connection).toMatchObject({ status: 'Connecting', detail: '' });
        connect.finish(dialer.session);
        expect((await signing).ok).toBe(true);
        await flush();
        expect(service.getState().connection.status).toBe('Connected');
        // The dialer's events reach the console once: the sign-in did not subscribe a second time.
        dialer.events.emit('error', new DialerError('Network', 'a poll dropped'));
        expect(service.getState().errors.map((e) => e.detail)).toEqual(['a poll dropped']);
    });

    it('BX-11 signing in again on a connected console (its token expired) connects again', async () => {
        const required = { value: false };
        const port = signInPort(required);
        const { dialer, service } = await started({}, { signIn: port });
        expect(service.getState().connection.status).toBe('Connected');
        expect(dialer.connect).toHaveBeenCalledTimes(1);
        required.value = true;
        expect((await service.signIn()).ok).toBe(true);
        await flush();
        expect(dialer.connect).toHaveBeenCalledTimes(2);
        expect(service.getState().connection.status).toBe('Connected');
    });

    it('BX-11 signing in on a console not yet started starts it, listening to the dialer', async () => {
        const required = { value: true };
        const port = signInPort(required);
        const { dialer, service } = scripted({ signIn: port });
        expect((await service.signIn()).ok).toBe(true);
        await flush();
        expect(dialer.connect).toHaveBeenCalledTimes(1);
        expect(service.getState().connection.status).toBe('Connected');
        dialer.events.emit('error', new DialerError('Network', 'a poll dropped'));
        expect(service.getState().errors.map((e) => e.detail)).toEqual(['a poll dropped']);
    });
});
