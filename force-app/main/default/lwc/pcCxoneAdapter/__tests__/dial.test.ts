/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
// Click-to-dial through CXone's manual dial (`dial-phone`) against the local fake CXone server.
import { DialerError } from 'c/pcDialerPort';
import { until } from '../../../../../../test/cxone/cxoneHarness';
import type { CxoneRig } from '../../../../../../test/cxone/cxoneHarness';
import { rigsPerTest } from '../../../../../../test/cxone/cxoneSteps';

// Real HTTP on a shared 2-core machine: a generous bound, never a speed assertion.
jest.setTimeout(60_000);

const rigs = rigsPerTest();

const NUMBER = '+13125550177';
const dialsSent = (r: CxoneRig): string[] => r.fake.metrics.commands.filter((c) => c.includes('dial-phone'));

async function working(): Promise<CxoneRig> {
    const r = await rigs.start();
    await r.adapter.connect();
    await r.adapter.loginToSkill('501');
    return r;
}

describe('c/pcCxoneAdapter click-to-dial', () => {
    it('WU-4 offers agent dial and places the call with dial-phone on the skill, sent once; the call arrives as a line', async () => {
        const rig = await working();
        expect(rig.adapter.capabilities().agentDial).toBe(true);
        await rig.adapter.dialNumber!('501', { number: NUMBER, contactId: '003000000000001AAA' });
        const sent = dialsSent(rig);
        expect(sent).toHaveLength(1);
        expect(sent[0]).toContain(NUMBER);
        expect(sent[0]).toContain('501');
        expect(await until(() => rig.events.callUpdated.length > 0)).toBe(true);
    });

    it('WU-4 a number not in E.164, or a dial with a call on screen, is refused without sending', async () => {
        const rig = await working();
        await expect(rig.adapter.dialNumber!('501', { number: '312 555 0177', contactId: null })).rejects.toMatchObject(
            { code: 'Rejected' }
        );
        await rig.adapter.dialNumber!('501', { number: NUMBER, contactId: null });
        await expect(
            rig.adapter.dialNumber!('501', { number: '+13125550100', contactId: null })
        ).rejects.toBeInstanceOf(DialerError);
        expect(dialsSent(rig)).toHaveLength(1);
    });

    it('BX-5 WU-4 a dial whose answer is lost is retryable and never dials twice', async () => {
        const rig = await working();
        rig.fake.injectCommandFault('drop', /dial-phone/);
        const first = await rig.adapter.dialNumber!('501', { number: NUMBER, contactId: null }).then(
            () => null,
            (e: unknown) => e
        );
        expect(first).toBeInstanceOf(DialerError);
        expect((first as DialerError).retryable).toBe(true);
        await rig.adapter.dialNumber!('501', { number: NUMBER, contactId: null });
        expect(dialsSent(rig)).toHaveLength(1);
        expect(rig.fake.metrics.duplicateCommands).toBe(0);
    });
});
