import { SimulatedDialer } from 'c/pcSimDialer';
import { reach } from 'test-support/time';
import { callWhere, recordEvents, send, START, working } from 'test-support/simDialer';

describe('c-pc-sim-dialer agent', () => {
    it('AV-1 the agent goes Logged out -> Working -> Unavailable (with reason) -> Working -> Logged out', async () => {
        const { dialer, events } = await working({ preview: true });
        expect(events.of('agentState')[0]).toMatchObject({
            status: 'Working',
            skillId: 'skill-collections',
            skillName: 'PC Collections',
            pending: null
        });
        await send(dialer, dialer.setUnavailable('code-lunch'));
        expect(dialer.control.agent()).toMatchObject({
            status: 'Unavailable',
            unavailableCode: { id: 'code-lunch', label: 'Lunch' },
            skillId: 'skill-collections'
        });
        await send(dialer, dialer.setAvailable());
        expect(dialer.control.agent()).toMatchObject({ status: 'Working', unavailableCode: null });
        await send(dialer, dialer.logout());
        expect(dialer.control.agent()).toMatchObject({ status: 'LoggedOut', skillId: null, skillName: null });
        expect(events.of('agentState').map((a) => a.status)).toEqual([
            'Working',
            'Unavailable',
            'Working',
            'LoggedOut'
        ]);
    });

    it('AV-1 Available without a skill, then a login to work a skill', async () => {
        const dialer = new SimulatedDialer({ seed: 1, startAt: START });
        await send(dialer, dialer.connect());
        await send(dialer, dialer.setAvailable());
        expect(dialer.control.agent()).toMatchObject({ status: 'Available', skillId: null });
        await send(dialer, dialer.loginToSkill('skill-renewals'));
        expect(dialer.control.agent()).toMatchObject({ status: 'Working', skillId: 'skill-renewals' });
        const preview = await reach(dialer.control, () => dialer.control.preview());
        expect(preview.skillId).toBe('skill-renewals');
    });

    it('AV-2 login rejects a skill that is not Personal Connection, or unknown, with a typed error', async () => {
        expect.assertions(3);
        const dialer = new SimulatedDialer({ seed: 1 });
        await send(dialer, dialer.connect());
        await expect(send(dialer, dialer.loginToSkill('skill-inbound'))).rejects.toMatchObject({
            code: 'InvalidState'
        });
        await expect(send(dialer, dialer.loginToSkill('skill-x'))).rejects.toMatchObject({ code: 'NotFound' });
        expect(dialer.control.agent().status).toBe('LoggedOut');
    });

    it('AV-2 the skills and their dispositions come from the dialer', async () => {
        expect.assertions(4);
        const dialer = new SimulatedDialer({ seed: 1 });
        const events = recordEvents(dialer);
        await send(dialer, dialer.connect());
        const skills = await send(dialer, dialer.listSkills());
        expect(skills.filter((s) => s.isPersonalConnection).length).toBeGreaterThanOrEqual(3);
        expect(events.last('skills')).toEqual(skills);
        const codes = await send(dialer, dialer.listUnavailableCodes());
        expect(codes.map((c) => c.label)).toEqual(['Break', 'Lunch', 'Meeting', 'Training']);
        await expect(send(dialer, dialer.listDispositions('skill-x'))).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('AV-2 switching skills is refused while a call is in progress', async () => {
        expect.assertions(1);
        const { dialer } = await working({ preview: false });
        await callWhere(dialer, () => true);
        await expect(send(dialer, dialer.loginToSkill('skill-renewals'))).rejects.toMatchObject({
            code: 'InvalidState'
        });
    });

    it('AV-3 logout with a live call is pending until the call is wrapped up, then no call is left', async () => {
        const { dialer, events } = await working({ preview: false, lines: 3, contactHangsUp: false });
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        await send(dialer, dialer.logout());
        expect(dialer.control.agent()).toMatchObject({ status: 'Working', pending: 'Logout' });
        // The other dials of the set finish on their own (routed if answered); nothing new is dialled.
        dialer.control.advance(60_000);
        expect(dialer.control.calls().map((c) => c.id)).toEqual([active.id]);
        await send(dialer, dialer.endCall(active.id));
        expect(dialer.control.agent().status).toBe('Working');
        await send(dialer, dialer.disposition(active.id, 'disp-completed', ''));
        expect(dialer.control.agent()).toMatchObject({ status: 'LoggedOut', pending: null });
        const placed = new Set(events.of('callUpdated').map((c) => c.id));
        const removed = new Set([...events.of('callRemoved'), ...events.of('callRouted')].map((r) => r.callId));
        expect([...placed].filter((id) => !removed.has(id))).toEqual([]);
        dialer.control.advance(60_000);
        expect(dialer.control.calls()).toHaveLength(0);
        expect(dialer.control.preview()).toBeNull();
    });

    it('AV-3 logout with unanswered dials only takes them back and logs out at once', async () => {
        const { dialer, events } = await working({ preview: false, lines: 3 });
        for (let i = 0; i < 3; i++) dialer.control.forceNextOutcome('NoAnswer');
        await reach(dialer.control, () => dialer.control.calls().length === 3);
        await send(dialer, dialer.logout());
        expect(dialer.control.agent().status).toBe('LoggedOut');
        expect(events.of('callRemoved')).toHaveLength(3);
        expect(events.of('attemptsUpdated')).toHaveLength(0);
    });

    it('AV-3 logout twice, or from Logged out, rejects with InvalidState', async () => {
        expect.assertions(1);
        const { dialer } = await working();
        await send(dialer, dialer.logout());
        await expect(send(dialer, dialer.logout())).rejects.toMatchObject({ code: 'InvalidState' });
    });

    it('AV-4 unavailable withdraws the preview on screen and stops deliveries', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await reach(dialer.control, () => dialer.control.preview());
        await send(dialer, dialer.setUnavailable('code-break'));
        expect(events.last('previewClosed')).toEqual({ previewId: preview.id, reason: 'Withdrawn' });
        dialer.control.advance(10 * 60_000);
        expect(events.of('previewOffered')).toHaveLength(1);
        await send(dialer, dialer.setAvailable());
        const again = await reach(dialer.control, () => dialer.control.preview());
        expect(again.record.id).toBe(preview.record.id);
    });

    it('AV-4 unavailable during a call pauses after it; extra answers meanwhile are routed', async () => {
        const { dialer, events } = await working({ preview: false, lines: 2, contactHangsUp: false });
        dialer.control.forceNextOutcome('Live');
        dialer.control.forceNextOutcome('Live');
        const active = await callWhere(dialer, (c) => c.status === 'Active');
        await send(dialer, dialer.setUnavailable('code-meeting'));
        expect(dialer.control.agent()).toMatchObject({ status: 'Working', pending: 'Unavailable' });
        await reach(dialer.control, () => events.of('callRouted').length === 1);
        const placedBefore = events.of('callUpdated').filter((c) => c.status === 'Dialing').length;
        dialer.control.advance(120_000);
        expect(events.of('callUpdated').filter((c) => c.status === 'Dialing')).toHaveLength(placedBefore);
        await send(dialer, dialer.endCall(active.id));
        await send(dialer, dialer.disposition(active.id, 'disp-refused', ''));
        expect(dialer.control.agent()).toMatchObject({
            status: 'Unavailable',
            pending: null,
            unavailableCode: { id: 'code-meeting', label: 'Meeting' }
        });
        dialer.control.advance(120_000);
        expect(dialer.control.calls()).toHaveLength(0);
    });

    it('AV-4 Available while Unavailable is pending cancels it, and an unknown code is NotFound', async () => {
        expect.assertions(2);
        const { dialer } = await working({ preview: false, contactHangsUp: false });
        dialer.control.forceNextOutcome('Live');
        await callWhere(dialer, (c) => c.status === 'Active');
        await send(dialer, dialer.setUnavailable('code-break'));
        await send(dialer, dialer.setAvailable());
        expect(dialer.control.agent()).toMatchObject({ status: 'Working', pending: null });
        await expect(send(dialer, dialer.setUnavailable('code-nap'))).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('BX-2 commands before connect reject with NotConnected', async () => {
        expect.assertions(1);
        const dialer = new SimulatedDialer({ seed: 1 });
        await expect(send(dialer, dialer.listSkills())).rejects.toMatchObject({ code: 'NotConnected' });
    });

    it('BX-2 a reconnect joins the running session and rebuilds from the dialer', async () => {
        const { dialer, events } = await working({ preview: true });
        const preview = await reach(dialer.control, () => dialer.control.preview());
        await dialer.disconnect();
        expect(events.last('connection')?.status).toBe('Disconnected');
        const before = events.all.length;
        dialer.control.advance(5_000);
        expect(events.all.length).toBe(before);
        const session = await send(dialer, dialer.connect());
        expect(session).toMatchObject({ joined: true, sessionId: 'sim-session-11', agentId: 'agent-1001' });
        expect(session.agent.status).toBe('Working');
        expect(session.preview?.id).toBe(preview.id);
        expect(events.of('connection').map((c) => c.status)).toEqual([
            'Connecting',
            'Connected',
            'Disconnected',
            'Connecting',
            'Connected'
        ]);
    });

    it('BX-5 a failed connect reports Failed and can be retried', async () => {
        expect.assertions(2);
        const dialer = new SimulatedDialer({ seed: 1 });
        const events = recordEvents(dialer);
        dialer.control.failNextCommand('Network');
        await expect(send(dialer, dialer.connect())).rejects.toMatchObject({ code: 'Network', retryable: true });
        await send(dialer, dialer.connect());
        expect(events.of('connection').map((c) => c.status)).toEqual([
            'Connecting',
            'Failed',
            'Connecting',
            'Connected'
        ]);
    });

    it('BX-5 latency: a command is confirmed only after the configured virtual delay', async () => {
        const dialer = new SimulatedDialer({ seed: 1, latencyMs: 400 });
        let done = false;
        dialer.connect().then(() => (done = true));
        dialer.control.advance(399);
        await Promise.resolve();
        expect(done).toBe(false);
        dialer.control.advance(1);
        await Promise.resolve();
        expect(done).toBe(true);
        dialer.control.setLatency(0);
        expect(dialer.control.view().latencyMs).toBe(0);
        await expect(dialer.listSkills()).resolves.toHaveLength(4);
    });
});
