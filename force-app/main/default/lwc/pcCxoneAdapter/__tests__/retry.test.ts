/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// Every failed command can be retried, nothing is recorded as done before the dialer confirmed it, and
// every event kind is applied once (BX-5, AM-3, PV-6, RS-4).
import { until } from '../../../../../../test/cxone/cxoneHarness';
import type { CxoneRig } from '../../../../../../test/cxone/cxoneHarness';
import {
    acceptedUntil,
    previewing,
    droppedUntilReconnecting,
    rigsPerTest,
    SLOW_RETRIES
} from '../../../../../../test/cxone/cxoneSteps';

jest.setTimeout(30_000);

const rigs = rigsPerTest();

/** Accepts the preview; the call rings and will end unanswered unless overridden. */
const ringing = (r: CxoneRig): Promise<string> => acceptedUntil(r, 'NoAnswer', 'Ringing');

const overrides = (r: CxoneRig, id: string): string[] =>
    r.fake.acted.filter((c) => c.includes(`interactions/${id}/amd-override`));
const endedAs = (r: CxoneRig, id: string): string | null | undefined =>
    r.events.callUpdated.filter((c) => c.id === id && c.status === 'Ended').at(-1)?.outcome;

describe('c/pcCxoneAdapter commands after a failure', () => {
    it('AM-3 BX-5 UB-6 an override refused with a 503 is Unavailable and can be sent again; the call ends as the dialer recorded', async () => {
        const rig = await rigs.start();
        const id = await ringing(rig);
        rig.fake.injectCommandFault('serverError', /amd-override$/);
        await expect(rig.adapter.overrideMachine(id, 'Fax')).rejects.toMatchObject({
            code: 'Unavailable',
            retryable: true
        });
        expect(overrides(rig, id)).toHaveLength(0);
        await rig.adapter.overrideMachine(id, 'Fax');
        await rig.fake.settle();
        expect(overrides(rig, id)).toHaveLength(1);
        expect(endedAs(rig, id)).toBe('Fax');
        expect(rig.fake.recordedOutcome(id)).toBe('Fax');
        // AM-3 still holds once the dialer confirmed: a second override sends nothing.
        await expect(rig.adapter.overrideMachine(id, 'BadNumber')).rejects.toBeDefined();
        expect(overrides(rig, id)).toHaveLength(1);
    });

    it('AM-3 BX-5 an override whose answer was lost is not sent twice: the retry finds the dialer has it', async () => {
        const rig = await rigs.start();
        const id = await ringing(rig);
        rig.fake.injectCommandFault('drop', /amd-override$/);
        await expect(rig.adapter.overrideMachine(id, 'AnsweringMachine')).rejects.toMatchObject({
            retryable: true,
            message: expect.stringMatching(/outcome unknown/)
        });
        await rig.adapter.overrideMachine(id, 'AnsweringMachine');
        await rig.fake.settle();
        expect(overrides(rig, id)).toHaveLength(1);
        expect(rig.fake.metrics.duplicateCommands).toBe(0);
        expect(endedAs(rig, id)).toBe('AnsweringMachine');
    });

    it("AM-3 BX-5 an override that timed out is retried without a second send; the logged outcome is the dialer's", async () => {
        const rig = await rigs.start({ commandTimeoutMs: 800 });
        const id = await ringing(rig);
        rig.fake.injectCommandFault('hang', /amd-override$/);
        await expect(rig.adapter.overrideMachine(id, 'BadNumber')).rejects.toMatchObject({
            code: 'Timeout',
            retryable: true
        });
        await rig.adapter.overrideMachine(id, 'BadNumber');
        await rig.fake.settle();
        expect(overrides(rig, id)).toHaveLength(1);
        expect(endedAs(rig, id)).toBe(rig.fake.recordedOutcome(id));
        expect(endedAs(rig, id)).toBe('BadNumber');
    });

    it('AM-3 a call whose override the dialer refused ends as the dialer recorded it (No Answer), not as the override', async () => {
        const rig = await rigs.start();
        const id = await ringing(rig);
        rig.fake.injectCommandFault('serverError', /amd-override$/);
        await expect(rig.adapter.overrideMachine(id, 'Fax')).rejects.toBeDefined();
        await rig.fake.advance(20_000);
        expect(await until(() => endedAs(rig!, id) !== undefined)).toBe(true);
        expect(endedAs(rig, id)).toBe('NoAnswer');
        expect(rig.fake.recordedOutcome(id)).toBe('NoAnswer');
    });

    it('PV-6 a preview the dialer withdraws after a refused reschedule is reported Withdrawn', async () => {
        const rig = await rigs.start();
        const previewId = await previewing(rig);
        rig.fake.injectCommandFault('serverError', /disposition$/);
        const request = {
            number: '+13125550142',
            deliverTo: 'Me' as const,
            at: Date.now() + 3_600_000,
            timeZone: 'UTC',
            notes: ''
        };
        await expect(rig.adapter.reschedulePreview(previewId, request)).rejects.toMatchObject({ retryable: true });
        rig.fake.withdrawPreview();
        await rig.fake.settle();
        expect(await until(() => rig.events.previewClosed.length > 0)).toBe(true);
        expect(rig.events.previewClosed).toEqual([{ previewId, reason: 'Withdrawn' }]);
    });

    it('PV-6 a preview disposition refused unsent (reconnecting) leaves nothing behind: a withdrawal is Withdrawn', async () => {
        const rig = await rigs.start(SLOW_RETRIES);
        const previewId = await previewing(rig);
        await droppedUntilReconnecting(rig);
        await expect(rig.adapter.dispositionPreview(previewId, '2', 'no')).rejects.toMatchObject({
            code: 'NotConnected',
            retryable: true
        });
        expect(await until(() => rig.events.connection.at(-1)?.status === 'Connected')).toBe(true);
        rig.fake.withdrawPreview();
        await rig.fake.settle();
        expect(await until(() => rig.events.previewClosed.length > 0)).toBe(true);
        expect(rig.events.previewClosed).toEqual([{ previewId, reason: 'Withdrawn' }]);
    });

    it('RS-4 BX-5 a duplicated callback (PromiseKeeper) event is delivered once', async () => {
        const rig = await rigs.start();
        const previewId = await previewing(rig);
        const at = Date.now() + 60_000;
        await rig.adapter.reschedulePreview(previewId, {
            number: '+13125550142',
            deliverTo: 'Me',
            at,
            timeZone: 'UTC',
            notes: ''
        });
        rig.fake.duplicateNextEvent('PromiseKeeper');
        await rig.fake.advance(61_000);
        expect(await until(() => rig.events.callbackDue.length > 0)).toBe(true);
        await rig.fake.settle();
        expect(rig.events.callbackDue).toHaveLength(1);
        expect(rig.events.agentMessage.filter((m) => m.kind === 'Callback')).toHaveLength(1);
    });
});
