/**
 * CP-1, CP-3, BX-3 through the public service API on the simulated dialer and the in-memory Salesforce: every
 * action that places or schedules a call is checked against the rule sets; a block sends nothing and says which
 * rule and when, a warning waits for the agent's one more click and is logged on the attempt's Task.
 */
import { DEFAULT_RULE_SETS } from 'c/pcModel';
import type { ComplianceRuleSet, ConsoleError, RescheduleDraft } from 'c/pcModel';
import { wallTime, zoneOffset } from 'c/pcSchedule';
import { settle, until } from 'test-support/time';
import { makeRig, startWorking, work } from 'test-support/serviceRig';
import type { Rig, RigOptions } from 'test-support/serviceRig';

const MINUTE = 60_000;
/** 07:30 in New York, 06:30 in Chicago: before every US zone's calling hours. */
const EARLY = Date.UTC(2027, 0, 11, 12, 30);
/** 21:00 UTC: 16:00 in New York, 11:00 in Honolulu, inside every US zone's hours. */
const AFTERNOON = Date.UTC(2027, 0, 11, 21);
const HONOLULU = '+18085550142';

function federalAs(mode: 'Block' | 'Warn'): readonly ComplianceRuleSet[] {
    return DEFAULT_RULE_SETS.map((s) => (s.name === 'US_Federal' ? { ...s, mode } : s));
}

async function working(options: RigOptions = {}): Promise<Rig> {
    const rig = makeRig(options);
    await startWorking(rig);
    return rig;
}

/** A preview of a US contact whose zone the record gives, requeueing others. */
async function zonedUsPreview(rig: Rig): Promise<{ zone: string; number: string }> {
    const fits = (): boolean => {
        const p = rig.state().preview;
        return !!p && p.preview.number.startsWith('+1') && p.preview.record.timeZone !== null;
    };
    expect(await work(rig, fits, 6 * 60 * MINUTE)).toBe(true);
    const p = rig.state().preview!.preview;
    return { zone: p.record.timeZone!, number: p.number };
}

function sentNamed(rig: Rig, name: string): number {
    return rig.sent.filter((c) => c.name === name).length;
}

function complianceError(rig: Rig, command: string): ConsoleError | undefined {
    return rig.state().errors.find((e) => e.code === 'Compliance' && e.command === command);
}

/** `HH:MM` on `date` in `zone` as the same instant written in UTC, so a draft can name any local time. */
function inUtc(zone: string, date: string, hhmm: string): { date: string; time: string } {
    const [h, m] = hhmm.split(':').map(Number);
    const [y, mo, d] = date.split('-').map(Number);
    const guess = Date.UTC(y!, mo! - 1, d!, h!, m!);
    const at = guess - zoneOffset(guess, zone);
    const w = wallTime(at, 'UTC');
    const pad = (n: number): string => String(n).padStart(2, '0');
    return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

function draftAt(number: string, zone: string, date: string, hhmm: string): RescheduleDraft {
    return { number, deliverTo: 'Me', timeZone: 'UTC', notes: '', ...inUtc(zone, date, hhmm) };
}

describe('CP-1 compliance at every agent action (service)', () => {
    it('CP-1 CP-3 Accept before 8:00 in the contact`s zone is refused with the rule and the next time; nothing is sent; Retry at 8:00 sends once', async () => {
        const rig = await working({ startAt: EARLY });
        const { zone } = await zonedUsPreview(rig);
        const before = wallTime(rig.clock.now(), zone);
        expect(before.hour).toBeLessThan(8);
        const result = await settle(rig.clock, rig.service.acceptPreview());
        expect(result.ok).toBe(false);
        const error = !result.ok ? result.error : null;
        expect(error).toMatchObject({ code: 'Compliance', command: 'accept', compliance: { verdict: 'Block' } });
        expect(error!.compliance!.findings.map((f) => [f.rule, f.kind])).toEqual([['US_Federal', 'Window']]);
        const next = error!.compliance!.nextAllowedAt!;
        const opens = wallTime(next, zone);
        expect([opens.hour, opens.minute, opens.day]).toEqual([8, 0, before.day]);
        // Shown where the agent acted: on the preview, which stays on screen with nothing sent.
        expect(rig.state().preview).toMatchObject({ failedAction: 'Accept', error: { code: 'Compliance' } });
        expect(sentNamed(rig, 'acceptPreview')).toBe(0);
        // The refused command can be tried again later: still refused now, sent once at 8:00.
        expect((await settle(rig.clock, rig.service.retryPreview())).ok).toBe(false);
        expect(sentNamed(rig, 'acceptPreview')).toBe(0);
        rig.clock.advanceTo(next);
        expect(await settle(rig.clock, rig.service.retryPreview())).toEqual({ ok: true });
        expect(sentNamed(rig, 'acceptPreview')).toBe(1);
        expect(complianceError(rig, 'accept')).toBeUndefined();
    });

    it('CP-3 a warning holds Accept until the agent confirms; then it is sent once and the override is on the Task', async () => {
        const rig = await working({ startAt: EARLY, settings: { ruleSets: federalAs('Warn') } });
        await zonedUsPreview(rig);
        rig.dialer.control.forceNextOutcome('Live');
        const held = await settle(rig.clock, rig.service.acceptPreview());
        const error = !held.ok ? held.error : null;
        expect(error).toMatchObject({ code: 'Compliance', compliance: { verdict: 'Warn' } });
        expect(sentNamed(rig, 'acceptPreview')).toBe(0);
        expect(await settle(rig.clock, rig.service.confirmCompliance(error!.id))).toEqual({ ok: true });
        // One more click, once: a second confirmation of the same warning sends nothing.
        expect((await settle(rig.clock, rig.service.confirmCompliance(error!.id))).ok).toBe(false);
        expect(sentNamed(rig, 'acceptPreview')).toBe(1);
        expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'Active'))).toBe(true);
        const call = rig.state().calls.find((v) => v.call.status === 'Active')!.call;
        await settle(rig.clock, rig.service.endCall(call.id));
        expect((await settle(rig.clock, rig.service.saveDisposition(call.id, 'disp-completed', 'Spoke'))).ok).toBe(
            true
        );
        const task = rig.gateway.tasks().find((t) => t.log.dialerContactId === call.id)!;
        expect(task.log.notes).toBe('Spoke\n[Compliance override] US federal law (US_Federal: Window)');
    });

    it('CP-1 BX-3 Reschedule: a blocked instant is refused beside the time with the next legal time; 20:59 passes, 21:00 does not', async () => {
        const rig = await working({ startAt: AFTERNOON - 6 * 60 * MINUTE });
        const { zone, number } = await zonedUsPreview(rig);
        const late = draftAt(number, zone, '2027-01-13', '21:00');
        const refused = await settle(rig.clock, rig.service.reschedulePreview(late));
        expect(refused.ok).toBe(false);
        expect('errors' in refused && refused.errors).toEqual([
            { field: 'time', code: 'ComplianceBlocked', params: {} }
        ]);
        const notice = 'compliance' in refused ? refused.compliance : null;
        expect(notice?.findings.map((f) => f.rule)).toEqual(['US_Federal']);
        const next = wallTime(notice!.nextAllowedAt!, zone);
        expect([next.day, next.hour, next.minute]).toEqual([14, 8, 0]);
        expect('callingWindow' in refused && refused.callingWindow).toMatchObject({
            startMinute: 480,
            endMinute: 1260
        });
        expect(sentNamed(rig, 'reschedulePreview')).toBe(0);
        // The hours are the contact's, whatever zone the agent typed the time in.
        expect(rig.service.validateReschedule(draftAt(number, zone, '2027-01-13', '07:59')).ok).toBe(false);
        expect(rig.service.validateReschedule(draftAt(number, zone, '2027-01-13', '08:00')).ok).toBe(true);
        const ok = await settle(rig.clock, rig.service.reschedulePreview(draftAt(number, zone, '2027-01-13', '20:59')));
        expect(ok).toEqual({ ok: true });
        expect(sentNamed(rig, 'reschedulePreview')).toBe(1);
    });

    it('CP-3 BX-3 Reschedule under a warning rule: not sent until confirmed, then sent once', async () => {
        const rig = await working({ settings: { ruleSets: federalAs('Warn') } });
        const { zone, number } = await zonedUsPreview(rig);
        const late = draftAt(number, zone, '2027-01-13', '22:15');
        const checked = rig.service.validateReschedule(late);
        expect(checked.ok && checked.warnings.map((w) => w.code)).toEqual(['ComplianceWarning']);
        const held = await settle(rig.clock, rig.service.reschedulePreview(late));
        expect(held).toMatchObject({ ok: false, errors: [], compliance: { verdict: 'Warn' } });
        expect(sentNamed(rig, 'reschedulePreview')).toBe(0);
        const sent = await settle(rig.clock, rig.service.reschedulePreview(late, { confirmWarnings: true }));
        expect(sent).toEqual({ ok: true });
        expect(sentNamed(rig, 'reschedulePreview')).toBe(1);
    });

    it('CP-3 a reschedule confirmed past a warning: the callback it booked notes the override on its Task', async () => {
        const rig = await working({ settings: { ruleSets: federalAs('Warn') } });
        const { zone, number } = await zonedUsPreview(rig);
        const recordId = rig.state().preview!.preview.record.id;
        const late = draftAt(number, zone, '2027-01-13', '22:15');
        expect(await settle(rig.clock, rig.service.reschedulePreview(late, { confirmWarnings: true }))).toEqual({
            ok: true
        });
        rig.dialer.control.forceNextOutcome('Live');
        const callback = await until(
            rig.clock,
            () => rig.state().calls.find((v) => v.call.record.id === recordId && v.call.status === 'Active')?.call,
            { step: 60_000, maxMs: 4 * 24 * 3_600_000 }
        );
        expect(callback?.direction).toBe('Callback');
        await settle(rig.clock, rig.service.endCall(callback!.id));
        await settle(rig.clock, rig.service.saveDisposition(callback!.id, 'disp-completed', 'Spoke'));
        const task = rig.gateway.tasks().find((t) => t.log.dialerContactId === callback!.id)!;
        expect(task.log.notes).toBe('Spoke\n[Compliance override] US federal law (US_Federal: Window)');
    });

    it('CP-1 RS-6 the reschedule form`s default is the next instant the contact may be called', async () => {
        const rig = await working({ startAt: EARLY });
        const { zone } = await zonedUsPreview(rig);
        const draft = rig.service.rescheduleDraftFor('Europe/London')!;
        expect(draft.timeZone).toBe(zone);
        expect(draft.time).toBe('08:00');
        expect(rig.service.validateReschedule(draft)).toMatchObject({ ok: true, warnings: [], compliance: null });
    });

    it('CP-1 WU-4 click-to-dial to a number where it is too early is refused, naming the rule and 8:00 there', async () => {
        const rig = makeRig({ preview: false });
        await startWorking(rig);
        const result = await settle(rig.clock, rig.service.dial({ number: HONOLULU, contactId: null }));
        const error = !result.ok ? result.error : null;
        expect(error).toMatchObject({ code: 'Compliance', command: 'dial', compliance: { verdict: 'Block' } });
        const opens = wallTime(error!.compliance!.nextAllowedAt!, 'Pacific/Honolulu');
        expect([opens.hour, opens.minute]).toEqual([8, 0]);
        expect(sentNamed(rig, 'dialNumber')).toBe(0);
    });

    it('CP-3 WU-4 click-to-dial under a warning: confirmCompliance dials once', async () => {
        const rig = makeRig({ preview: false, settings: { ruleSets: federalAs('Warn') } });
        await startWorking(rig);
        const held = await settle(rig.clock, rig.service.dial({ number: HONOLULU, contactId: null }));
        const error = !held.ok ? held.error : null;
        expect(error?.compliance?.verdict).toBe('Warn');
        expect(sentNamed(rig, 'dialNumber')).toBe(0);
        // Sent once; what the simulated dialer answers for a number on no record of its list is its own affair.
        const confirmed = await settle(rig.clock, rig.service.confirmCompliance(error!.id));
        expect(!confirmed.ok && confirmed.error.code).not.toBe('Compliance');
        expect(sentNamed(rig, 'dialNumber')).toBe(1);
    });

    it('CP-1 a transfer to a number where it is too early is refused; nothing is sent', async () => {
        const rig = await working({
            preview: false,
            capabilities: { transferKinds: ['Skill', 'Agent', 'Number'] }
        });
        rig.dialer.control.forceNextOutcome('Live');
        expect(await until(rig.clock, () => rig.state().calls.some((v) => v.call.status === 'Active'))).toBe(true);
        const call = rig.state().calls.find((v) => v.call.status === 'Active')!.call;
        const result = await settle(rig.clock, rig.service.transfer(call.id, { kind: 'Number', value: HONOLULU }));
        expect(result).toMatchObject({ ok: false, error: { code: 'Compliance', command: 'transfer' } });
        expect(sentNamed(rig, 'transfer')).toBe(0);
        expect(rig.state().calls.find((v) => v.call.id === call.id)?.pending).toEqual([]);
    });

    it('CP-1 a callback the dialer delivers outside the rules is shown to the agent with the rule', async () => {
        const rig = await working({ settings: { ruleSets: federalAs('Warn') } });
        await zonedUsPreview(rig);
        // A Chicago number (312): 22:30 there is after the federal 21:00.
        const late = draftAt('+13125550100', 'America/Chicago', '2027-01-11', '22:30');
        expect(await settle(rig.clock, rig.service.reschedulePreview(late, { confirmWarnings: true }))).toEqual({
            ok: true
        });
        expect(complianceError(rig, 'callback')).toBeUndefined();
        const delivered = await work(rig, () => complianceError(rig, 'callback') !== undefined, 14 * 60 * MINUTE);
        expect(delivered).toBe(true);
        expect(complianceError(rig, 'callback')!.compliance).toMatchObject({
            verdict: 'Warn',
            findings: [{ rule: 'US_Federal', kind: 'Window' }]
        });
    });

    it('CP-1 the simulated dialer asks before a callback rings: a blocked one waits for the next legal time, then rings', async () => {
        const rig = await working();
        const fits = (): boolean => {
            const p = rig.state().preview?.preview;
            return !!p && ['America/New_York', 'America/Chicago'].includes(p.record.timeZone ?? '');
        };
        expect(await work(rig, fits, 6 * 60 * MINUTE)).toBe(true);
        // 17:30 UTC: 12:30 in New York (the record's zone, so the booking is allowed), 7:30 in Honolulu, whose
        // number the callback rings: too early there until 8:00 (18:00 UTC).
        const draft: RescheduleDraft = { ...draftAt(HONOLULU, 'UTC', '2027-01-11', '17:30') };
        expect(await settle(rig.clock, rig.service.reschedulePreview(draft))).toEqual({ ok: true });
        const rang = () => rig.state().calls.some((v) => v.call.direction === 'Callback');
        expect(await work(rig, () => complianceError(rig, 'callback') !== undefined, 4 * 60 * MINUTE)).toBe(true);
        expect(rig.clock.now()).toBeGreaterThanOrEqual(Date.UTC(2027, 0, 11, 17, 30));
        expect(complianceError(rig, 'callback')!.compliance).toMatchObject({
            verdict: 'Block',
            nextAllowedAt: Date.UTC(2027, 0, 11, 18, 0)
        });
        expect(rang()).toBe(false);
        expect(await work(rig, rang, 60 * MINUTE)).toBe(true);
        expect(rig.clock.now()).toBeGreaterThanOrEqual(Date.UTC(2027, 0, 11, 18, 0));
    });
});
