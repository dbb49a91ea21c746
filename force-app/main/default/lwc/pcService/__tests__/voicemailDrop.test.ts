/** WU-3: voicemail drop at an answering machine, on the real service and the simulated dialer. */
import { settle, until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';
import type { Rig, RigOptions } from 'test-support/serviceRig';

async function atMachine(options: RigOptions = {}): Promise<{ rig: Rig; callId: string }> {
    const rig = makeRig({ preview: false, ...options });
    await startWorking(rig);
    rig.dialer.control.forceNextOutcome('AnsweringMachine');
    expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'AMD'))).toBe(true);
    return { rig, callId: rig.state().calls.find((v) => v.call.status === 'AMD')!.call.id };
}

describe('WU-3 voicemail drop', () => {
    it('WU-3 at AMD the agent leaves the message: the line closes as message left and the Task says so', async () => {
        const { rig, callId } = await atMachine();
        expect(rig.state().capabilities.voicemailDrop).toBe(true);
        const seen: unknown[] = [];
        rig.service.subscribe((s) => {
            const view = s.calls.find((v) => v.call.id === callId);
            if (view?.call.status === 'Ended') seen.push(view.call);
        });
        const result = await settle(rig.clock, rig.service.dropVoicemail(callId));
        expect(result.ok).toBe(true);
        expect(rig.sent.filter((c) => c.name === 'dropVoicemail').map((c) => c.args[0])).toEqual([callId]);
        expect(seen[0]).toMatchObject({
            status: 'Ended',
            outcome: 'VoicemailLeft'
        });
        expect(await until(rig.clock, () => rig.gateway.tasks().some((t) => t.log.dialerContactId === callId))).toBe(
            true
        );
        const task = rig.gateway.tasks().find((t) => t.log.dialerContactId === callId)!;
        expect(task.log.outcome).toBe('VoicemailLeft');
        expect(rig.state().scoreboard?.answeringMachines).toBe(1);
    });

    it('WU-3 only at AMD: a live call is refused without reaching the dialer', async () => {
        const rig = makeRig({ preview: false });
        await startWorking(rig);
        rig.dialer.control.forceNextOutcome('Live');
        expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'Active'))).toBe(true);
        const id = rig.state().calls[0]!.call.id;
        const result = await settle(rig.clock, rig.service.dropVoicemail(id));
        expect(result).toMatchObject({ ok: false, error: { code: 'InvalidState' } });
        expect(rig.sent.filter((c) => c.name === 'dropVoicemail')).toHaveLength(0);
    });

    it('WU-3 where the dialer does not offer it, nothing is sent', async () => {
        const { rig, callId } = await atMachine({ capabilities: { voicemailDrop: false } });
        const result = await settle(rig.clock, rig.service.dropVoicemail(callId));
        expect(result).toMatchObject({ ok: false, error: { code: 'Unsupported' } });
        expect(rig.sent.filter((c) => c.name === 'dropVoicemail')).toHaveLength(0);
    });
});
