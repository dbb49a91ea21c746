import { until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';

describe('Value one / Value two from a dialer field', () => {
    it('AD-1 a dialer field is found whatever the case of its column name (CXone sends them in lower case)', async () => {
        // GIVEN Value two names the list column in another case than the dialer sends it
        const rig = makeRig({
            settings: { valueTwo: { label: 'Balance', source: 'DialerField', field: 'BALANCEDUE' } }
        });
        await startWorking(rig);
        // WHEN a preview arrives and its pop has loaded
        const loaded = await until(rig.clock, () => {
            const s = rig.state();
            return !!s.preview && s.screenPop?.forId === s.preview.preview.id && !s.screenPop.loading;
        });
        // THEN Value two shows the column's value
        expect(loaded).toBe(true);
        const s = rig.state();
        const expected = s.preview!.preview.record.fields.BalanceDue;
        expect(expected).toMatch(/\d/);
        expect(s.screenPop!.valueTwo).toEqual({ label: 'Balance', value: expected });
        await rig.service.stop();
    });
});
