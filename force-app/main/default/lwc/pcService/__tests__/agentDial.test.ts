/** WU-4: click-to-dial through the service, on the simulated dialer: the call then behaves as any other line. */
import { settle, until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';

describe('WU-4 click-to-dial', () => {
    it('WU-4 dials a contact`s number as typed on the record; the call follows like any other', async () => {
        // 21:00 UTC is inside every US zone's calling hours (16:00 Eastern, 11:00 Hawaii), so the rules let it through.
        const rig = makeRig({ preview: true, startAt: Date.UTC(2027, 0, 11, 21) });
        const records = rig.dialer.control.records();
        await settle(rig.clock, rig.service.start());
        expect(rig.state().capabilities.agentDial).toBe(true);
        const refused = await settle(rig.clock, rig.service.dial({ number: '+13125550100', contactId: null }));
        expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidState' } });
        await startWorking(rig);
        // A preview on screen is the agent's work in hand: a dial waits for it.
        expect(await until(rig.clock, () => rig.state().preview !== null)).toBe(true);
        const again = await settle(rig.clock, rig.service.dial({ number: '+13125550100', contactId: null }));
        expect(again).toMatchObject({ ok: false, error: { code: 'InvalidState' } });
        const bad = await settle(rig.clock, rig.service.dial({ number: 'call me', contactId: null }));
        expect(bad).toMatchObject({ ok: false, error: { code: 'Rejected' } });
        expect(rig.sent.filter((c) => c.name === 'dialNumber')).toHaveLength(0);

        // A number of a record not on screen: dialed in E.164, and it arrives as a line of that record.
        const onScreen = rig.state().preview?.preview.record.id;
        const usPhone = (id: string) =>
            rig.dialer.control
                .attemptsHistory(id)
                ?.destinations.find((d) => d.kind === 'Phone' && /^\+1\d{10}$/.test(d.value));
        const target = records.find((r) => r.id !== onScreen && usPhone(r.id))!;
        const phone = usPhone(target.id)!;
        if (rig.state().preview) await settle(rig.clock, rig.service.requeuePreview());
        const national = `(${phone.value.slice(2, 5)}) ${phone.value.slice(5, 8)}-${phone.value.slice(8)}`;
        rig.dialer.control.forceNextOutcome('Live');
        const result = await settle(rig.clock, rig.service.dial({ number: national, contactId: null }));
        expect(result).toEqual({ ok: true });
        expect(rig.sent.filter((c) => c.name === 'dialNumber').map((c) => c.args[1])).toEqual([
            { number: phone.value, contactId: null }
        ]);
        const line = () => rig.state().calls.find((v) => v.call.number === phone.value);
        expect(await until(rig.clock, () => line()?.call.status === 'Active')).toBe(true);
        const call = line()!.call;
        expect(call.record.id).toBe(target.id);
        const ended = await settle(rig.clock, rig.service.endCall(call.id));
        expect(ended.ok).toBe(true);
        expect(line()?.wrapUp).toMatchObject({ saved: false });
        const saved = await settle(rig.clock, rig.service.saveDisposition(call.id, 'disp-completed', ''));
        expect(saved.ok).toBe(true);
        expect(rig.gateway.tasks().some((t) => t.log.dialerContactId === call.id)).toBe(true);
    });
});
