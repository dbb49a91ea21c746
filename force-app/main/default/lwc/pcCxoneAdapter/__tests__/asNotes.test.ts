/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The fake CXone behaving as the notes describe where an adapter might assume otherwise: a session
// start refused without a station, a join that replays nothing, a skill row without outboundStrategy.
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import { record, signIn, testOptions, until } from '../../../../../../test/cxone/cxoneHarness';
import { loggedInForPreviews, rigsPerTest } from '../../../../../../test/cxone/cxoneSteps';

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

    it('RS-1 CXone says which reschedule choices it honours: only Me, and no time zone', async () => {
        const rig = await rigs.start();
        await rig.adapter.connect();
        expect(rig.adapter.capabilities().rescheduleDeliverTo).toEqual(['Me']);
        expect(rig.adapter.capabilities().rescheduleTimeZone).toBe(false);
    });
});
