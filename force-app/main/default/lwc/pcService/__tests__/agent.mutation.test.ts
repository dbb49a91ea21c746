// The agent's availability commands at their edges (AV-1 .. AV-4): what waits for a call, what a refusal or a
// double click leaves, and how the dialer's own agent state meets a change the console is waiting on.
import { DialerError } from 'c/pcDialerPort';
import type { AgentState } from 'c/pcModel';
import { flush } from 'test-support/time';
import { call, started, T0, WORKING } from 'test-support/scriptedService';
import { holdOnce } from 'test-support/hold';

const LOGGED_OUT: AgentState = { ...WORKING, status: 'LoggedOut', skillId: null, skillName: null };
const UNAVAILABLE: AgentState = { ...WORKING, status: 'Unavailable', unavailableCode: { id: 'break', label: 'Break' } };

function errorsOf(state: { errors: readonly { command: string | null; code: string }[] }): string[] {
    return state.errors.map((e) => `${e.command}:${e.code}`);
}

describe('c-pc-service availability commands', () => {
    it('AV-4 going Unavailable with a call on the line shows the change as waiting, until the dialer reports it', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        expect((await service.setUnavailable('break')).ok).toBe(true);
        expect(dialer.setUnavailable).toHaveBeenCalledWith('break');
        expect(service.getState().agent).toMatchObject({ status: 'Working', pending: 'Unavailable' });
        // The dialer repeats the agent's state without a pending change: the console keeps waiting.
        dialer.events.emit('agentState', { ...WORKING, pending: null });
        expect(service.getState().agent.pending).toBe('Unavailable');
        dialer.events.emit('agentState', UNAVAILABLE);
        expect(service.getState().agent).toMatchObject({ status: 'Unavailable', pending: null });
    });

    it('AV-4 going Unavailable with no call on the line waits for nothing', async () => {
        const { dialer, service } = await started();
        await service.setUnavailable('break');
        expect(service.getState().agent.pending).toBeNull();
        expect(dialer.setUnavailable).toHaveBeenCalledTimes(1);
    });

    it('AV-4 Available while Unavailable is waiting for the call withdraws the waiting change', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.setUnavailable('break');
        expect(service.getState().agent.pending).toBe('Unavailable');
        const answer = holdOnce(dialer.setAvailable);
        const going = service.setAvailable();
        expect(service.getState().agent.pending).toBeNull();
        expect(service.getState().agentPending).toEqual(['available']);
        answer();
        expect((await going).ok).toBe(true);
        expect(service.getState().agentPending).toEqual([]);
    });

    it('AV-3 AV-4 an agent Unavailable who logs out during a call still shows the logout waiting when the dialer repeats Unavailable', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('agentState', UNAVAILABLE);
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.logout();
        expect(service.getState().agent).toMatchObject({ status: 'Unavailable', pending: 'Logout' });
        dialer.events.emit('agentState', { ...UNAVAILABLE, pending: null });
        expect(service.getState().agent).toMatchObject({ status: 'Unavailable', pending: 'Logout' });
    });

    it('AV-3 Available leaves a waiting logout alone', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.logout();
        expect(service.getState().agent.pending).toBe('Logout');
        await service.setAvailable();
        expect(service.getState().agent.pending).toBe('Logout');
    });

    it('AV-3 a logout the dialer refuses no longer shows as waiting, is reported, and a retry that goes through clears it', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        dialer.logout.mockRejectedValueOnce(new DialerError('Rejected', 'not now'));
        const refused = await service.logout();
        expect(refused.ok).toBe(false);
        expect(service.getState().agent.pending).toBeNull();
        expect(service.getState().agentPending).toEqual([]);
        expect(errorsOf(service.getState())).toEqual(['logout:Rejected']);
        expect((await service.logout()).ok).toBe(true);
        expect(service.getState().agent.pending).toBe('Logout');
        expect(service.getState().errors).toEqual([]);
    });

    it('AV-3 a refused logout leaves a different waiting change (Unavailable) as it was', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.setUnavailable('break');
        // The dialer reports Unavailable still waiting while the logout is on its way, then refuses the logout.
        dialer.logout.mockImplementationOnce(async () => {
            dialer.events.emit('agentState', { ...WORKING, pending: 'Unavailable' });
            throw new DialerError('Rejected', 'not now');
        });
        await service.logout();
        expect(service.getState().agent.pending).toBe('Unavailable');
    });

    it('AV-3 a second Logout while the first is on its way sends nothing twice', async () => {
        const { dialer, service } = await started();
        const answer = holdOnce(dialer.logout);
        const first = service.logout();
        const second = await service.logout();
        expect(second.ok ? null : second.error.code).toBe('InFlight');
        expect(service.getState().errors).toEqual([]);
        answer();
        expect((await first).ok).toBe(true);
        expect(dialer.logout).toHaveBeenCalledTimes(1);
    });

    it('AV-3 logging out when already logged out is refused and nothing is sent', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('agentState', LOGGED_OUT);
        const result = await service.logout();
        expect(result.ok ? null : result.error.code).toBe('InvalidState');
        expect(errorsOf(service.getState())).toEqual(['logout:InvalidState']);
        expect(dialer.logout).not.toHaveBeenCalled();
    });

    it('AV-1 Available while logged out is refused and nothing is sent', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('agentState', LOGGED_OUT);
        const result = await service.setAvailable();
        expect(result.ok ? null : result.error.code).toBe('InvalidState');
        expect(errorsOf(service.getState())).toEqual(['available:InvalidState']);
        expect(dialer.setAvailable).not.toHaveBeenCalled();
    });

    it('AV-4 an unavailable reason the dialer does not list is refused and nothing is sent', async () => {
        const { dialer, service } = await started();
        const result = await service.setUnavailable('no-such-code');
        expect(result.ok ? null : result.error.code).toBe('NotFound');
        expect(errorsOf(service.getState())).toEqual(['unavailable:NotFound']);
        expect(dialer.setUnavailable).not.toHaveBeenCalled();
    });

    it('AV-2 a login that went through but whose dispositions failed to load is reported, the login stands', async () => {
        const { dialer, service } = await started();
        dialer.listDispositions.mockRejectedValueOnce(new DialerError('Network', 'down'));
        const result = await service.loginToSkill('pc-1');
        expect(result.ok).toBe(true);
        expect(errorsOf(service.getState())).toEqual(['listDispositions:Network']);
    });

    it('AV-2 a login the dialer refuses loads no dispositions', async () => {
        const { dialer, service } = await started();
        dialer.listDispositions.mockClear();
        dialer.loginToSkill.mockRejectedValueOnce(new DialerError('Rejected', 'no'));
        const result = await service.loginToSkill('pc-1');
        expect(result.ok).toBe(false);
        expect(dialer.listDispositions).not.toHaveBeenCalled();
        expect(errorsOf(service.getState())).toEqual(['login:Rejected']);
    });

    it('AV-3 when the dialer logs the agent out, nothing of the shift stays on screen and no change waits', async () => {
        const { dialer, service } = await started();
        dialer.events.emit('callUpdated', call({ status: 'Active', answeredAt: T0 }));
        await service.setUnavailable('break');
        dialer.events.emit('callRouted', { callId: 'other', contactName: 'Someone' });
        dialer.events.emit('agentState', { ...LOGGED_OUT, pending: 'Unavailable' });
        await flush();
        const state = service.getState();
        expect(state.agent).toMatchObject({ status: 'LoggedOut', pending: null });
        expect(state.calls).toEqual([]);
        expect(state.screenPop).toBeNull();
        expect(state.routed).toEqual([]);
    });
});
