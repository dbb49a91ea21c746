/**
 * WU-1: the wrap-up time limit, its default disposition or Unavailable at zero, and dispositions that require
 * notes, on the real service, the simulated dialer and the virtual clock.
 */
import type { CallView, Skill } from 'c/pcModel';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { parseSettings } from 'c/pcSettings';
import { pass, settle, until } from 'test-support/time';
import { makeRig, startWorking } from 'test-support/serviceRig';
import type { Rig, RigOptions } from 'test-support/serviceRig';
import { withNotesRule, wrapUpLimitMs } from '../wrapUpRules';

const SECOND = 1000;

async function working(options: RigOptions = {}): Promise<Rig> {
    const rig = makeRig({ preview: false, ...options });
    await startWorking(rig);
    return rig;
}

/** Talks to the next live contact, ends the call and returns its wrap-up view. */
async function inWrapUp(rig: Rig): Promise<CallView> {
    rig.dialer.control.forceNextOutcome('Live');
    expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'Active'))).toBe(true);
    const active = rig.state().calls.find((v) => v.call.status === 'Active')!;
    await pass(rig.clock, 5 * SECOND);
    await settle(rig.clock, rig.service.endCall(active.call.id));
    const view = rig.state().calls.find((v) => v.call.id === active.call.id)!;
    expect(view.wrapUp).toMatchObject({ saved: false });
    return view;
}

describe('WU-1 wrap-up limit (settings)', () => {
    it('WU-1 reads the limit, per-skill limits, default disposition, at-zero choice and notes list', () => {
        const { settings, problems } = parseSettings({
            ...DEFAULT_SETTINGS,
            wrapUpLimitSeconds: 90,
            wrapUpSkillLimits: 'skill-renewals=45; skill-winback = 120',
            wrapUpDefaultDisposition: 'disp-completed',
            wrapUpAtZero: 'Unavailable',
            notesRequiredDispositions: 'disp-refused, disp-paid'
        });
        expect(problems).toEqual([]);
        expect(settings).toMatchObject({
            wrapUpLimitSeconds: 90,
            wrapUpSkillLimits: { 'skill-renewals': 45, 'skill-winback': 120 },
            wrapUpDefaultDisposition: 'disp-completed',
            wrapUpAtZero: 'Unavailable',
            notesRequiredDispositions: ['disp-refused', 'disp-paid']
        });
    });

    it('WU-1 an absent wrap-up setting is the default; a bad one is reported and replaced (AD-3)', () => {
        const plain = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
        for (const key of ['wrapUpLimitSeconds', 'wrapUpSkillLimits', 'wrapUpAtZero']) delete plain[key];
        expect(parseSettings(plain).problems).toEqual([]);
        const { settings, problems } = parseSettings({
            ...DEFAULT_SETTINGS,
            wrapUpLimitSeconds: 4000,
            wrapUpSkillLimits: 'skill-a=30; skill-a=40',
            wrapUpDefaultDisposition: 'two words',
            wrapUpAtZero: 'Logout',
            notesRequiredDispositions: 'disp-a; <b>'
        });
        expect(problems.map((p) => `${p.setting}:${p.code}`)).toEqual([
            'wrapUpLimitSeconds:OutOfRange',
            'wrapUpSkillLimits:Invalid',
            'wrapUpDefaultDisposition:Invalid',
            'wrapUpAtZero:Invalid',
            'notesRequiredDispositions:Invalid'
        ]);
        expect(settings.wrapUpLimitSeconds).toBe(0);
        expect(settings.wrapUpAtZero).toBe('Disposition');
    });

    it('WU-1 the per-skill limit replaces the overall one and the dialer`s shorter limit wins', () => {
        const settings = { ...DEFAULT_SETTINGS, wrapUpLimitSeconds: 90, wrapUpSkillLimits: { s1: 60 } };
        const skill = (id: string, wrapUpSeconds?: number): Skill => ({
            id,
            name: id,
            isPersonalConnection: true,
            ...(wrapUpSeconds === undefined ? {} : { wrapUpSeconds })
        });
        expect(wrapUpLimitMs(settings, skill('s1'))).toBe(60_000);
        expect(wrapUpLimitMs(settings, skill('s2'))).toBe(90_000);
        expect(wrapUpLimitMs(settings, skill('s2', 30))).toBe(30_000);
        expect(wrapUpLimitMs(settings, skill('s1', 300))).toBe(60_000);
        expect(wrapUpLimitMs(DEFAULT_SETTINGS, skill('s3'))).toBeNull();
        expect(wrapUpLimitMs(DEFAULT_SETTINGS, skill('s3', 20))).toBe(20_000);
    });

    it('WU-1 the admin`s list makes a disposition require notes; the dialer`s flag stays', () => {
        const settings = { ...DEFAULT_SETTINGS, notesRequiredDispositions: ['a'] };
        const out = withNotesRule(
            [
                { id: 'a', label: 'A', outcome: 'Completed', requiresNotes: false },
                { id: 'b', label: 'B', outcome: 'Completed', requiresNotes: true },
                { id: 'c', label: 'C', outcome: 'Completed', requiresNotes: false }
            ],
            settings
        );
        expect(out.map((d) => d.requiresNotes)).toEqual([true, true, false]);
    });
});

describe('WU-1 wrap-up on the virtual clock', () => {
    it('WU-1 without a limit the wrap-up waits: no deadline, nothing saved', async () => {
        const rig = await working();
        const view = await inWrapUp(rig);
        expect(view.wrapUp?.deadline ?? null).toBeNull();
        await pass(rig.clock, 10 * 60 * SECOND, { step: 1000 });
        expect(rig.state().calls.find((v) => v.call.id === view.call.id)?.wrapUp?.saved).toBe(false);
        expect(rig.sent.filter((c) => c.name === 'disposition')).toHaveLength(0);
    });

    it('WU-1 at zero the default disposition is saved and logged once, not a second earlier', async () => {
        const rig = await working({
            settings: { wrapUpLimitSeconds: 60, wrapUpDefaultDisposition: 'disp-completed' }
        });
        const view = await inWrapUp(rig);
        const deadline = view.wrapUp?.deadline;
        expect(deadline).toBe(rig.clock.now() + 60 * SECOND);
        rig.clock.advanceTo(deadline! - 1);
        await pass(rig.clock, 0);
        expect(rig.sent.filter((c) => c.name === 'disposition')).toHaveLength(0);
        await pass(rig.clock, 2 * SECOND);
        expect(rig.sent.filter((c) => c.name === 'disposition').map((c) => c.args[1])).toEqual(['disp-completed']);
        expect(rig.state().calls.some((v) => v.call.id === view.call.id)).toBe(false);
        const logged = rig.gateway.tasks().filter((t) => t.log.dialerContactId === view.call.id);
        expect(logged).toHaveLength(1);
        expect(logged[0]?.log).toMatchObject({ outcome: 'Completed', dispositionLabel: 'Completed' });
        expect(rig.state().agent.status).not.toBe('Unavailable');
    });

    it('WU-1 the per-skill limit is used for the skill worked', async () => {
        const rig = await working({
            settings: {
                wrapUpLimitSeconds: 120,
                wrapUpSkillLimits: { 'skill-collections': 30 },
                wrapUpDefaultDisposition: 'disp-completed'
            }
        });
        const view = await inWrapUp(rig);
        expect(view.wrapUp?.deadline).toBe(rig.clock.now() + 30 * SECOND);
    });

    it('WU-1 the dialer`s own shorter limit wins over the admin`s', async () => {
        const rig = makeRig({ preview: false, settings: { wrapUpLimitSeconds: 120 } });
        const list = rig.dialer.listSkills.bind(rig.dialer);
        rig.dialer.listSkills = async () => (await list()).map((s) => ({ ...s, wrapUpSeconds: 20 }));
        await startWorking(rig);
        const view = await inWrapUp(rig);
        expect(view.wrapUp?.deadline).toBe(rig.clock.now() + 20 * SECOND);
    });

    it('WU-1 at zero with "Unavailable" the agent goes Unavailable and the form stays', async () => {
        const rig = await working({ settings: { wrapUpLimitSeconds: 45, wrapUpAtZero: 'Unavailable' } });
        const view = await inWrapUp(rig);
        await pass(rig.clock, 46 * SECOND);
        const after = rig.state().calls.find((v) => v.call.id === view.call.id);
        expect(after?.wrapUp).toMatchObject({ saved: false, timedOut: true });
        expect(rig.sent.filter((c) => c.name === 'setUnavailable')).toHaveLength(1);
        expect(rig.sent.filter((c) => c.name === 'disposition')).toHaveLength(0);
        const saved = await settle(rig.clock, rig.service.saveDisposition(view.call.id, 'disp-completed', ''));
        expect(saved.ok).toBe(true);
        // The dialer applies Unavailable once the wrap-up is done: no next call reaches the agent.
        expect(await until(rig.clock, () => rig.state().agent.status === 'Unavailable', { maxMs: 30 * SECOND })).toBe(
            true
        );
        await pass(rig.clock, 60 * SECOND, { step: 1000 });
        expect(rig.state().calls.filter((v) => v.call.status !== 'Ended')).toEqual([]);
    });

    it('WU-1 a save before zero stops the timer: nothing more is sent at zero', async () => {
        const rig = await working({
            settings: { wrapUpLimitSeconds: 30, wrapUpDefaultDisposition: 'disp-completed' }
        });
        const view = await inWrapUp(rig);
        await settle(rig.clock, rig.service.saveDisposition(view.call.id, 'disp-paid', ''));
        await pass(rig.clock, 60 * SECOND, { step: 1000 });
        expect(rig.sent.filter((c) => c.name === 'disposition').map((c) => c.args[1])).toEqual(['disp-paid']);
    });

    it('WU-1 a disposition the admin made require notes refuses Save without notes', async () => {
        const rig = await working({ settings: { notesRequiredDispositions: ['disp-paid'] } });
        expect(rig.state().dispositions.find((d) => d.id === 'disp-paid')?.requiresNotes).toBe(true);
        const view = await inWrapUp(rig);
        const refused = await settle(rig.clock, rig.service.saveDisposition(view.call.id, 'disp-paid', '  '));
        expect(refused).toMatchObject({ ok: false, error: { code: 'Rejected' } });
        expect(rig.sent.filter((c) => c.name === 'disposition')).toHaveLength(0);
        const saved = await settle(rig.clock, rig.service.saveDisposition(view.call.id, 'disp-paid', 'Paid by card'));
        expect(saved.ok).toBe(true);
    });

    it('WU-1 a transferred call`s wrap-up records Transferred', async () => {
        const rig = await working();
        rig.dialer.control.forceNextOutcome('Live');
        expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'Active'))).toBe(true);
        const active = rig.state().calls.find((v) => v.call.status === 'Active')!;
        await settle(rig.clock, rig.service.transfer(active.call.id, { kind: 'Skill', value: 'skill-renewals' }));
        const view = rig.state().calls.find((v) => v.call.id === active.call.id);
        expect(view?.call).toMatchObject({ status: 'Ended', outcome: 'Transferred' });
    });
});
