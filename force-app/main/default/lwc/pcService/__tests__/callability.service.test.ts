/** CP-4 through the service's public API: the real service, simulated dialer and in-memory Salesforce. */
import { DEFAULT_RULE_SETS } from 'c/pcModel';
import { until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';

describe('CP-4 ConsoleService.callability', () => {
    it('CP-4 answers for every phone destination of the previewed contact from the rule sets in its settings', async () => {
        // US federal calling hours narrowed to 11:00-21:00: at the rig's start (10:00 AM Eastern) no US number is
        // callable yet in any US zone, and numbers abroad are under no shipped rule.
        const ruleSets = DEFAULT_RULE_SETS.map((r) => ({
            ...r,
            windowStartMinute: r.name === 'US_Federal' ? 11 * 60 : r.windowStartMinute
        }));
        const rig = makeRig({ preview: true, seed: 18, settings: { ruleSets } });
        await startWorking(rig);
        expect(
            await until(rig.clock, () => Boolean(rig.state().preview && rig.state().screenPop?.attemptsHistory))
        ).toBe(true);
        const history = rig.state().screenPop!.attemptsHistory!;
        const answer = rig.service.callability(rig.clock.now());
        expect(answer).not.toBeNull();
        const phones = history.destinations.filter((d) => d.kind !== 'Email');
        // Seed 18's first contact has US numbers the dialer offers, so the rules have something to refuse.
        expect(phones.some((d) => d.value.startsWith('+1') && !d.unavailableReason)).toBe(true);
        expect(Object.keys(answer!).sort()).toEqual(phones.map((d) => d.id).sort());
        function kinds(d: (typeof phones)[number]): string {
            if (d.unavailableReason) return 'Dialer';
            return d.value.startsWith('+1') ? 'US federal law' : 'none';
        }
        const seen = phones.map((d) => {
            const c = answer![d.id]!;
            const rule = c.reason?.kind === 'Dialer' ? 'Dialer' : c.reason?.kind === 'Window' ? c.reason.rule : 'none';
            return { id: d.id, rule, later: c.status === 'Later' && (c.from ?? 0) > rig.clock.now() };
        });
        expect(seen).toEqual(phones.map((d) => ({ id: d.id, rule: kinds(d), later: kinds(d) === 'US federal law' })));
        // The same object while the answer holds: a view asking every second re-renders only on a change.
        expect(rig.service.callability(rig.clock.now() + 1)).toBe(answer);
    });

    it('CP-4 is null while no screen pop has an Attempts History', () => {
        const rig = makeRig({ preview: true });
        expect(rig.service.callability()).toBeNull();
    });
});
