/** @jest-environment ./test/cxone/jsdomWithNodeNet.js */
import { startRig, until } from '../../../../../../test/cxone/cxoneHarness';
import type { CxoneRig } from '../../../../../../test/cxone/cxoneHarness';

let rig: CxoneRig;
afterEach(async () => {
    await rig?.dispose();
});

describe('c/pcCxoneAdapter', () => {
    it('smoke', async () => {
        rig = await startRig();
        const info = await rig.adapter.connect();
        expect(info.joined).toBe(false);
        const skills = await rig.adapter.listSkills();
        expect(skills.filter((s) => s.isPersonalConnection)).toHaveLength(2);
        await rig.adapter.loginToSkill('501');
        expect(rig.events.agentState.at(-1)?.status).toBe('Working');
        await rig.fake.advance(600);
        await rig.fake.advance(1000);
        await rig.fake.advance(2000);
        expect(await until(() => rig.events.callUpdated.at(-1)?.status === 'Active')).toBe(true);
        console.log(
            rig.events.callUpdated.map((c) => c.status),
            rig.events.error
        );
    });
});
