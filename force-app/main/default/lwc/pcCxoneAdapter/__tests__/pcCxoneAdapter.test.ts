/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// The CXone adapter against the local fake CXone server: session, events, commands and reliability.
import { CxoneAdapter } from 'c/pcCxoneAdapter';
import type { TokenProvider } from 'c/pcCxoneAuth';
import { DialerError } from 'c/pcDialerPort';
import { quietLogger, record, signIn, testOptions, until } from '../../../../../../test/cxone/cxoneHarness';
import type { CxoneRig } from '../../../../../../test/cxone/cxoneHarness';
import {
    acceptedUntil,
    droppedUntilReconnecting,
    loggedInForPreviews,
    previewing,
    rigsPerTest,
    SLOW_RETRIES
} from '../../../../../../test/cxone/cxoneSteps';
import { FakeCxoneServer } from '../../../../../../test/cxone/fakeCxoneServer';

const rigs = rigsPerTest();

/** Accepts the preview and lets the call answer. */
const talking = (r: CxoneRig): Promise<string> => acceptedUntil(r, 'Live', 'Active');

describe('c/pcCxoneAdapter', () => {
    describe('session', () => {
        it('BX-2 starts a session when the agent has none, and a refreshed page joins it and rebuilds its calls', async () => {
            const rig = await rigs.start();
            const first = await rig.adapter.connect();
            expect(first.joined).toBe(false);
            expect(first.agentId).toBe(rig.fake.agentId);
            await rig.adapter.disconnect();
            const fake = rig.fake;
            const again = new CxoneAdapter(testOptions(fake, await signIn(fake)));
            rigs.adopt(again);
            const info = await again.connect();
            expect(info.joined).toBe(true);
            expect(fake.metrics.sessionStarts).toBe(1);
            expect(fake.metrics.sessionJoins).toBe(1);
        });

        it('BX-2 a refreshed page gets the live call and the agent state from CXone', async () => {
            const rig = await rigs.start();
            const callId = await talking(rig);
            await rig.adapter.disconnect();
            const again = new CxoneAdapter(testOptions(rig.fake, await signIn(rig.fake)));
            rigs.adopt(again);
            const info = await again.connect();
            expect(info.agent.status).toBe('Working');
            expect(info.calls.map((c) => [c.id, c.status])).toEqual([[callId, 'Active']]);
            expect(info.preview).toBeNull();
        });

        it('BX-5 an AgentSessionEnd event ends the session: Logged out, no stale calls, Disconnected with what to do', async () => {
            const rig = await rigs.start();
            const callId = await talking(rig);
            rig.fake.pushRaw({ Type: 'AgentSessionEnd' });
            await rig.fake.settle();
            expect(await until(() => rig.events.connection.at(-1)?.status === 'Disconnected')).toBe(true);
            expect(rig.events.connection.at(-1)?.detail).toMatch(/log in to the dialer again/);
            expect(rig.events.agentState.at(-1)?.status).toBe('LoggedOut');
            expect(rig.events.callRemoved.map((r) => r.callId)).toContain(callId);
            await expect(rig.adapter.hold(callId)).rejects.toBeInstanceOf(DialerError);
        });
    });

    describe('reliability', () => {
        it('BX-5 a dropped poll reports Reconnecting with attempt 1 and a retry within 1 s, then Connected', async () => {
            const rig = await rigs.start(SLOW_RETRIES);
            await rig.adapter.connect();
            await rig.fake.settle();
            await rig.fake.inject('droppedConnection');
            expect(await until(() => rig.events.connection.some((c) => c.status === 'Reconnecting'))).toBe(true);
            const reconnecting = rig.events.connection.find((c) => c.status === 'Reconnecting')!;
            expect(reconnecting.attempt).toBe(1);
            expect(reconnecting.nextRetryAt).not.toBeNull();
            expect(reconnecting.nextRetryAt! - Date.now()).toBeLessThanOrEqual(1000);
            expect(await until(() => rig.events.connection.at(-1)?.status === 'Connected')).toBe(true);
        });

        it('BX-5 a command while reconnecting is refused unsent, retryable', async () => {
            const rig = await rigs.start(SLOW_RETRIES);
            const callId = await talking(rig);
            await droppedUntilReconnecting(rig);
            const sent = rig.fake.metrics.commands.length;
            await expect(rig.adapter.hold(callId)).rejects.toMatchObject({ code: 'NotConnected', retryable: true });
            expect(rig.fake.metrics.commands.length).toBe(sent);
        });

        it('BX-5 a command whose answer was lost is not replayed: it rejects retryable and the next event shows its effect', async () => {
            const rig = await rigs.start();
            const callId = await talking(rig);
            rig.fake.loseAnswerOfNextCommand();
            await expect(rig.adapter.hold(callId)).rejects.toMatchObject({
                retryable: true,
                message: expect.stringMatching(/outcome unknown/)
            });
            await rig.fake.settle();
            expect(rig.fake.metrics.commands.filter((c) => c.includes(`${callId}/hold`))).toHaveLength(1);
            expect(await until(() => rig.events.callUpdated.at(-1)?.status === 'Held')).toBe(true);
        });

        it('BX-5 a command that times out rejects as Timeout, retryable, and is never sent again', async () => {
            const rig = await rigs.start({ commandTimeoutMs: 400 });
            const callId = await talking(rig);
            await rig.fake.inject('slowAnswer');
            await expect(rig.adapter.hold(callId)).rejects.toMatchObject({ code: 'Timeout', retryable: true });
            expect(await until(() => rig.events.callUpdated.at(-1)?.status === 'Held')).toBe(true);
            expect(rig.fake.metrics.commands.filter((c) => c.includes(`${callId}/hold`))).toHaveLength(1);
        });

        it('BX-5 an expired token is refreshed once and the request replayed once', async () => {
            const rig = await rigs.start();
            const callId = await talking(rig);
            await rig.fake.inject('tokenExpiry');
            const issued = rig.fake.metrics.tokensIssued;
            await rig.adapter.hold(callId);
            expect(rig.fake.metrics.tokensIssued).toBe(issued + 1);
            expect(rig.fake.metrics.commands.filter((c) => c.includes(`${callId}/hold`))).toHaveLength(1);
        });

        it('BX-5 a token CXone keeps refusing fails the connection with what to do, after one replay', async () => {
            const fake = await FakeCxoneServer.start();
            const refused: TokenProvider = { getToken: async () => 'not-a-token', refresh: async () => 'still-not' };
            const adapter = new CxoneAdapter(testOptions(fake, await signIn(fake), { tokenProvider: refused }));
            const events = record(adapter);
            await expect(adapter.connect()).rejects.toMatchObject({ code: 'Unauthorized' });
            expect(events.connection.at(-1)?.detail).toMatch(/sign in again/);
            expect(fake.metrics.unauthorized).toBe(2);
            await adapter.disconnect();
            await fake.stop();
        });
    });

    describe('events', () => {
        it('BX-5 unknown and malformed events become Protocol errors; nothing crashes and no PII is logged', async () => {
            const logger = quietLogger();
            const rig = await rigs.start({ logger });
            const callId = await talking(rig);
            const errors = rig.events.error.length;
            rig.fake.pushRaw({ Type: 'SomethingNew', Secret: '+13125550123' });
            rig.fake.pushRaw({ Type: 'CallContactEvent', Status: 'Active' });
            rig.fake.pushRaw({
                Type: 'CallContactEvent',
                ContactID: callId,
                Status: 'Teleporting',
                LastStateChangeTimeUTC: new Date().toISOString()
            });
            rig.fake.pushRaw('not an object');
            await rig.fake.settle();
            const fresh = rig.events.error.slice(errors);
            expect(fresh.map((e) => e.code)).toEqual(['Protocol', 'Protocol', 'Protocol', 'Protocol']);
            expect(rig.events.connection.at(-1)?.status).toBe('Connected');
            expect(rig.events.callUpdated.at(-1)?.status).toBe('Active');
            const logged = logger.lines.join('\n');
            expect(logged).not.toMatch(/\+?1312555\d{4}|Lovelace|Hopper|Turing|Dijkstra|Liskov|Knuth|Bearer/);
        });

        it('BX-5 an AgentState older than the one applied is a replay and changes nothing', async () => {
            const rig = await rigs.start();
            await talking(rig);
            rig.fake.pushRaw({ Type: 'AgentState', CurrentState: 'Available', StartTimeUTC: '2020-01-01T00:00:00Z' });
            await rig.fake.settle();
            expect(rig.events.agentState.at(-1)?.status).toBe('Working');
            rig.fake.pushRaw({
                Type: 'AgentState',
                CurrentState: 'Available',
                StartTimeUTC: new Date(Date.now() + 60_000).toISOString()
            });
            await rig.fake.settle();
            expect(rig.events.agentState.at(-1)?.status).toBe('Available');
        });

        it('CL-1 calling-list fields become text: HTML in a field never reaches the model', async () => {
            const rig = await rigs.start();
            await rig.adapter.connect();
            rig.fake.pushRaw({
                Type: 'CallContactEvent',
                ContactID: '777',
                Status: 'NaturalCallDialing',
                LastStateChangeTimeUTC: new Date().toISOString(),
                DNIS: '+13125550199',
                IsLinked: 'True',
                ScreenPopUrlVariables: 'FirstName=Ann&LastName=Lee&Note=%3Cb%3Ehi%3C%2Fb%3E'
            });
            await rig.fake.settle();
            const call = rig.events.callUpdated.at(-1)!;
            expect(call.status).toBe('Dialing');
            expect(call.mostLikely).toBe(true);
            expect(call.record.firstName).toBe('Ann');
            expect(call.record.fields.note).toBe('hi');
        });

        it('UB-5 BX-5 a call whose dialled number is no phone number is still shown, without it, with one Protocol error', async () => {
            const logger = quietLogger();
            const rig = await rigs.start({ logger });
            await rig.adapter.connect();
            await rig.fake.settle();
            const errors = rig.events.error.length;
            // eslint-disable-next-line no-script-url -- a hostile value the dialer might send
            const bad = 'javascript:alert(1)';
            const raw = {
                Type: 'CallContactEvent',
                ContactID: '778',
                DNIS: bad,
                ScreenPopUrlVariables: { FirstName: '<img src=x onerror=alert(2)>Ann', LastName: '<b>Lee</b>' }
            };
            rig.fake.pushRaw({
                ...raw,
                Status: 'NaturalCallDialing',
                LastStateChangeTimeUTC: new Date().toISOString()
            });
            rig.fake.pushRaw({
                ...raw,
                Status: 'Active',
                LastStateChangeTimeUTC: new Date(Date.now() + 1000).toISOString()
            });
            await rig.fake.settle();
            expect(await until(() => rig.events.callUpdated.at(-1)?.status === 'Active')).toBe(true);
            const updates = rig.events.callUpdated.filter((c) => c.id === '778');
            expect(updates.map((c) => [c.status, c.number])).toEqual([
                ['Dialing', ''],
                ['Active', '']
            ]);
            expect(updates.at(-1)!.record).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
            const fresh = rig.events.error.slice(errors);
            expect(fresh.map((e) => [e.code, e.message])).toEqual([
                [
                    'Protocol',
                    'CallContactEvent number is not a phone number (19 characters); the contact is shown without it'
                ]
            ]);
            expect(logger.lines.join('\n')).not.toContain('javascript');
        });

        it('RS-4 UB-5 a due callback whose number is no phone number is still announced, without it, its name as text', async () => {
            const logger = quietLogger();
            const rig = await rigs.start({ logger });
            await rig.adapter.connect();
            await rig.fake.settle();
            const errors = rig.events.error.length;
            const due = {
                Type: 'PromiseKeeper',
                CallbackId: 'cb-9',
                CallbackTime: new Date(Date.now() + 1000).toISOString(),
                DialNumber: '<img src=x>',
                FirstName: '<i>Ann</i>',
                LastName: 'Lee',
                SkillId: '501'
            };
            rig.fake.pushRaw(due);
            rig.fake.pushRaw(due);
            await rig.fake.settle();
            expect(await until(() => rig.events.callbackDue.length === 1)).toBe(true);
            expect(rig.events.callbackDue).toHaveLength(1);
            expect(rig.events.callbackDue[0]).toMatchObject({ id: 'cb-9', contactName: 'Ann Lee', number: '' });
            const message = rig.events.agentMessage.find((m) => m.kind === 'Callback')!;
            expect(message).toMatchObject({ text: 'Callback: Ann Lee', number: null });
            expect(rig.events.error.slice(errors).map((e) => [e.code, e.message])).toEqual([
                [
                    'Protocol',
                    'PromiseKeeper number is not a phone number (11 characters); the callback is shown without it'
                ]
            ]);
            expect(logger.lines.join('\n')).not.toMatch(/<img|Ann/);
        });

        it('RS-4 AG-1 a due callback is announced with its number, and agent messages are re-read as text', async () => {
            const rig = await rigs.start();
            const previewId = await previewing(rig);
            const at = Date.now() + 60_000;
            const callback = await rig.adapter.reschedulePreview(previewId, {
                number: '+13125550142',
                deliverTo: 'Me',
                at,
                timeZone: 'America/Chicago',
                notes: 'after lunch'
            });
            expect(callback.dueAt).toBe(at);
            const sent = rig.fake.metrics.commands.find((c) => c.includes('/disposition'))!;
            expect(sent).toContain(new Date(at).toISOString());
            expect(sent).toContain('"primaryCallbackNumber":"+13125550142"');
            expect(rig.events.previewClosed).toEqual([{ previewId, reason: 'Rescheduled' }]);
            await rig.fake.advance(61_000);
            expect(await until(() => rig.events.callbackDue.length === 1)).toBe(true);
            const message = rig.events.agentMessage.find((m) => m.kind === 'Callback')!;
            expect(message.number).toBe('+13125550142');
            expect(await until(() => rig.events.callUpdated.some((c) => c.direction === 'Callback'))).toBe(true);
            rig.fake.sendAgentMessage('Team meeting at 3');
            await rig.fake.settle();
            expect(await until(() => rig.events.agentMessage.some((m) => m.kind === 'Info'))).toBe(true);
            expect(rig.events.agentMessage.find((m) => m.kind === 'Info')!.text).toBe('Supervisor Team meeting at 3');
        });
    });

    describe('capabilities and commands', () => {
        it('AV-2 an UpdateSkills event re-reads the skills and reports them', async () => {
            const rig = await rigs.start();
            await rig.adapter.connect();
            rig.fake.skills.push({ id: '503', name: 'PC Winback', pc: true });
            rig.fake.pushRaw({ Type: 'UpdateSkills' });
            await rig.fake.settle();
            expect(await until(() => rig.events.skills.length === 1)).toBe(true);
            expect(rig.events.skills[0]!.map((k) => k.id)).toEqual(['501', '502', '600', '503']);
        });

        it('AV-2 UB-6 an inbound skill is not offered as Personal Connection, and connecting reads no dialer settings of it', async () => {
            const rig = await rigs.start();
            // As the notes describe the rows: no outboundStrategy; the inbound skill's row says only isOutbound false.
            rig.fake.behaviour.outboundStrategy = false;
            await rig.adapter.connect();
            await rig.fake.settle();
            const skills = await rig.adapter.listSkills();
            expect(skills.map((s) => [s.id, s.isPersonalConnection])).toEqual([
                ['501', true],
                ['502', true],
                ['600', false]
            ]);
            expect(rig.fake.requestedPaths.filter((p) => /^skills\/600\//.test(p))).toEqual([]);
            expect(rig.fake.requestedPaths).toContain('skills/501/parameters/cpa-management');
            expect(rig.events.error).toEqual([]);
        });

        it('AV-4 Available from Working logs out of the dialer first, then sets the state', async () => {
            const rig = await rigs.start();
            await loggedInForPreviews(rig);
            await rig.adapter.setAvailable();
            expect(rig.fake.metrics.commands.slice(-2)).toEqual([
                'POST dialer-logout {}',
                'POST state {"state":"Available","reason":""}'
            ]);
            expect(rig.events.agentState.at(-1)).toMatchObject({ status: 'Available', skillId: null });
        });

        it('PV-1 AM-1 SP-2 buttons follow the skill settings; Attempts History is not offered by CXone', async () => {
            const rig = await rigs.start();
            rig.fake.deliveryPreferences.showPreviewButtonSnooze = false;
            rig.fake.cpa.agentOverrideOptionFax = false;
            await previewing(rig);
            const caps = rig.adapter.capabilities();
            expect(caps.previewActions).toEqual(['Accept', 'Requeue', 'Reschedule', 'Disposition']);
            expect(caps.machineOverrides).toEqual(['AnsweringMachine', 'BadNumber']);
            expect(caps.attemptsHistory).toBe(false);
            expect(rig.events.previewOffered[0]!.actions).not.toContain('Snooze');
            await expect(rig.adapter.getAttemptsHistory('rec-1')).rejects.toMatchObject({ code: 'Unsupported' });
        });

        it('AM-1 the override goes to amd-override with the numeric type, once', async () => {
            const rig = await rigs.start();
            await rig.fake.forceNextOutcome('NoAnswer');
            await rig.adapter.connect();
            await rig.adapter.loginToSkill('501');
            await rig.fake.advance(600);
            expect(await until(() => rig.events.callUpdated.length > 0)).toBe(true);
            const call = rig.events.callUpdated[0];
            await rig.adapter.overrideMachine(call!.id, 'Fax');
            await expect(rig.adapter.overrideMachine(call!.id, 'Fax')).rejects.toBeInstanceOf(DialerError);
            const sent = rig.fake.metrics.commands.filter((c) => c.includes('/amd-override'));
            expect(sent).toEqual([`POST interactions/${call!.id}/amd-override {"type":1}`]);
            expect(rig.events.callUpdated.at(-1)).toMatchObject({ id: call!.id, status: 'Ended', outcome: 'Fax' });
        });

        it('PV-3 Requeue is sent as reject', async () => {
            const rig = await rigs.start();
            const previewId = await previewing(rig);
            await rig.adapter.requeuePreview(previewId);
            expect(rig.fake.metrics.commands.filter((c) => c.includes(previewId))).toEqual([
                `POST interactions/${previewId}/reject {}`
            ]);
        });

        it('CL-4 transfer to a skill consults the skill, then joins the calls; the call leaves the agent', async () => {
            const rig = await rigs.start();
            const callId = await talking(rig);
            await rig.adapter.transfer(callId, { kind: 'Skill', value: '600' });
            const sent = rig.fake.metrics.commands.filter((c) => /dial-skill|transfer-calls/.test(c));
            expect(sent).toEqual(['POST dial-skill {"skillId":"600"}', 'POST interactions/transfer-calls {}']);
            expect(await until(() => rig.events.callRemoved.some((r) => r.callId === callId))).toBe(true);
        });
    });
});
