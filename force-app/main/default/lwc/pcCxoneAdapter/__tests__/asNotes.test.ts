/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The fake CXone behaving as the notes describe where an adapter might assume otherwise: a session
// start refused without a station, a join that replays nothing, a skill row without outboundStrategy.
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import { record, signIn, testOptions, until } from '../../../../../../test/cxone/cxoneHarness';
import { loggedInForPreviews, previewing, rigsPerTest } from '../../../../../../test/cxone/cxoneSteps';

jest.setTimeout(30_000);

const rigs = rigsPerTest();

describe('c/pcCxoneAdapter against CXone as the notes describe it', () => {
    it('BX-2 the station setting is sent with the session start, which CXone refuses without one', async () => {
        const rig = await rigs.start();
        rig.fake.behaviour.requireStation = true;
        await expect(rig.adapter.connect()).rejects.toMatchObject({
            code: 'Rejected',
            message: expect.stringMatching(/station/)
        });
        expect(rig.events.connection.at(-1)?.status).toBe('Failed');
        const withPhone = new CxoneAdapter(testOptions(rig.fake, rig.auth, { station: '+1 (312) 555-0100' }));
        rigs.adopt(withPhone);
        await withPhone.connect();
        expect(rig.fake.sessionRequests.filter((r) => r.kind === 'start').at(-1)?.body).toMatchObject({
            stationPhoneNumber: '+13125550100'
        });
    });

    it('BX-2 a station id or the softphone is sent as the notes name them; the join carries asAgentId', async () => {
        const rig = await rigs.start({ station: 'ST-204', agentId: '7001' });
        rig.fake.behaviour.requireStation = true;
        await rig.adapter.connect();
        const start = rig.fake.sessionRequests.find((r) => r.kind === 'start');
        expect(start?.body).toMatchObject({ stationId: 'ST-204' });
        expect(start?.body).not.toHaveProperty('stationPhoneNumber');
        const join = rig.fake.sessionRequests.find((r) => r.kind === 'join');
        expect(join?.body).toEqual({ asAgentId: '7001' });
        await rig.adapter.disconnect();
        await rig.fake.inject('sessionEnd');
        const soft = new CxoneAdapter(testOptions(rig.fake, await signIn(rig.fake), { station: 'Softphone' }));
        rigs.adopt(soft);
        const info = await soft.connect();
        expect(info.joined).toBe(false);
        expect(rig.fake.sessionRequests.at(-1)).toEqual({ kind: 'start', body: { stationPhoneNumber: 'WebRTC' } });
    });

    it('BX-2 a refreshed page whose join replays nothing says Resynchronising, not Logged out, until CXone reports', async () => {
        const rig = await rigs.start();
        await loggedInForPreviews(rig);
        await rig.adapter.disconnect();
        rig.fake.behaviour.replayOnJoin = false;
        const again = new CxoneAdapter(testOptions(rig.fake, await signIn(rig.fake)));
        rigs.adopt(again);
        const events = record(again);
        const info = await again.connect();
        expect(info.joined).toBe(true);
        expect(events.connection.at(-1)?.status).toBe('Resynchronising');
        // The first preview the dialer delivers, and the next AgentState, bring the console up to date.
        await rig.fake.advance(600);
        expect(await until(() => events.previewOffered.length > 0)).toBe(true);
        rig.fake.pushRaw({ Type: 'AgentState', CurrentState: 'Dialer', StartTimeUTC: new Date().toISOString() });
        expect(await until(() => events.connection.at(-1)?.status === 'Connected')).toBe(true);
        expect(events.agentState.at(-1)?.status).toBe('Working');
    });

    it('AV-2 a skill row without outboundStrategy is offered as unknown, and dialer-login lets CXone decide', async () => {
        const rig = await rigs.start();
        rig.fake.behaviour.outboundStrategy = false;
        await rig.adapter.connect();
        const skills = await rig.adapter.listSkills();
        expect(skills.find((s) => s.id === '501')?.isPersonalConnection).toBe(true);
        expect(skills.find((s) => s.id === '600')?.isPersonalConnection).toBe(false);
        await rig.adapter.loginToSkill('501');
        expect(await until(() => rig.events.agentState.at(-1)?.status === 'Working')).toBe(true);
    });

    it('AV-4 unavailable codes come from the team endpoint the notes list, never from the agent record', async () => {
        const rig = await rigs.start();
        await rig.adapter.connect();
        const codes = await rig.adapter.listUnavailableCodes();
        expect(codes.map((c) => c.label)).toEqual(['Break', 'Lunch']);
        expect(rig.fake.requestedPaths.some((p) => /^agents\/[^/]+$/.test(p))).toBe(false);
        expect(rig.fake.requestedPaths).toContain(`teams/${rig.fake.teamId}/unavailable-codes`);
    });

    it('PV-2 PV-3 PV-5 AV-3 accept, requeue, snooze and dialer-logout are posted with no body, as the notes list them', async () => {
        const paths = { acceptPreview: 'accept', requeuePreview: 'reject', snoozePreview: 'snooze' } as const;
        let rig: Awaited<ReturnType<typeof rigs.start>> | null = null;
        for (const [action, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
            // eslint-disable-next-line no-await-in-loop
            rig = await rigs.start();
            // eslint-disable-next-line no-await-in-loop
            const previewId = await previewing(rig);
            // eslint-disable-next-line no-await-in-loop
            await rig.adapter[action](previewId);
            const sent = rig.fake.posts.filter((p) => p.path.endsWith(`/interactions/${previewId}/${path}`));
            expect(sent.map((p) => [p.version, p.body])).toEqual([[23, '']]);
        }
        await rig!.adapter.logout();
        expect(rig!.fake.posts.filter((p) => p.path.endsWith('/dialer-logout')).map((p) => p.body)).toEqual(['']);
        // The login names its skill, as the notes say.
        expect(rig!.fake.posts.find((p) => p.path.endsWith('/dialer-login'))?.body).toMatch(/^\{"skillName":".+"\}$/);
    });

    it('RS-1 RS-3 a reschedule is the Personal Connection disposition call (v23.0) with the number, the instant and the notes', async () => {
        const rig = await rigs.start();
        const previewId = await previewing(rig);
        const at = Date.now() + 3_600_000;
        await rig.adapter.reschedulePreview(previewId, {
            number: '+13125550142',
            deliverTo: 'Me',
            at,
            timeZone: 'America/Chicago',
            notes: 'after lunch'
        });
        const sent = rig.fake.posts.filter((p) => p.path.endsWith(`/interactions/${previewId}/disposition`));
        expect(sent).toHaveLength(1);
        expect(sent[0]!.version).toBe(23);
        expect(JSON.parse(sent[0]!.body)).toEqual({
            primaryDispositionId: '101',
            primaryCallbackNumber: '+13125550142',
            primaryCallbackTime: new Date(at).toISOString(),
            primaryDispositionNotes: 'after lunch'
        });
    });

    it('RS-1 BX-9 a reschedule for anyone in the skill, which the call cannot say, is refused unsent and the preview stays open', async () => {
        const rig = await rigs.start();
        const previewId = await previewing(rig);
        const request = {
            number: '+13125550142',
            deliverTo: 'Skill' as const,
            at: Date.now() + 3_600_000,
            timeZone: 'America/Chicago',
            notes: ''
        };
        await expect(rig.adapter.reschedulePreview(previewId, request)).rejects.toMatchObject({
            code: 'Unsupported',
            message: 'reschedule: CXone delivers the callback to the agent only'
        });
        expect(rig.fake.posts.filter((p) => p.path.includes(`/interactions/${previewId}/`))).toEqual([]);
        expect(rig.events.previewClosed).toEqual([]);
        // The same preview can still be rescheduled to the agent.
        await rig.adapter.reschedulePreview(previewId, { ...request, deliverTo: 'Me' });
        expect(rig.events.previewClosed).toEqual([{ previewId, reason: 'Rescheduled' }]);
    });

    it('RS-1 CXone says which reschedule choices it honours: only Me, and no time zone', async () => {
        const rig = await rigs.start();
        await rig.adapter.connect();
        expect(rig.adapter.capabilities().rescheduleDeliverTo).toEqual(['Me']);
        expect(rig.adapter.capabilities().rescheduleTimeZone).toBe(false);
    });
});
