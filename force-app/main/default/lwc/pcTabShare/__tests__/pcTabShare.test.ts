// Tab sharing (BX-2): a second tab forwards every command through the typed channel, the leading tab
// refuses what a click could not send, and the channel carries ids and states only.
import type { Call, Preview } from 'c/pcModel';
import { SimulatedDialer } from 'c/pcSimDialer';
import { TabLeader } from 'c/pcTabLeader';
import { openSharedTabs } from 'test-support/sharedTabs';
import type { SharedTabs } from 'test-support/sharedTabs';
import { EventRecorder } from 'test-support/recorders';
import { settle, until } from 'test-support/time';
import type { StepOptions } from 'test-support/time';

let tabs: SharedTabs | null = null;
let sim: SimulatedDialer;

afterEach(async () => {
    await tabs?.dispose();
    tabs = null;
});

/** Lets the simulator's virtual time pass until the promise settles. */
/** The shared dialer's time: 50 ms a step, the channel's deliveries and timers running between, 100 s at most. */
const TICK: StepOptions = { step: 50, maxMs: 100_000, turns: 1, timers: 1 };

/** Awaits a command sent through the tabs while the shared dialer's time passes. */
function pump<T>(promise: Promise<T>): Promise<T> {
    return settle(sim.control, promise, TICK);
}

/** Moves the shared dialer's time until `test` holds; false if it never does. */
function holds(test: () => boolean): Promise<boolean> {
    return until(sim.control, test, TICK);
}

async function open(preview: boolean): Promise<SharedTabs> {
    sim = new SimulatedDialer({ seed: 7, latencyMs: 100, lines: 1, preview });
    const spare = new SimulatedDialer({ seed: 8, latencyMs: 100, lines: 1, preview });
    tabs = await openSharedTabs(sim, spare, async (ms) => sim.control.advance(ms));
    await pump(tabs.second.connect());
    return tabs;
}

/** The application messages on the channel (each inside the election's envelope). */
const appMessages = (t: SharedTabs): { k?: string; method?: string }[] =>
    t.hub.messages
        .map((m) => ((m as { t?: string; data?: unknown }).t === 'app' ? (m as { data: unknown }).data : null))
        .filter((d): d is { k?: string; method?: string } => typeof d === 'object' && d !== null);

const commandsOnChannel = (t: SharedTabs): string[] =>
    appMessages(t)
        .filter((m) => m.k === 'cmd')
        .map((m) => String(m.method));

describe('c/pcTabShare', () => {
    it('BX-2 a second tab forwards every command through the typed channel; only the leading tab drives the dialer', async () => {
        const t = await open(true);
        const skills = await pump(t.second.listSkills());
        const skill = skills.find((s) => s.isPersonalConnection)!;
        await pump(t.second.listUnavailableCodes());
        await pump(t.second.listDispositions(skill.id));
        const events = new EventRecorder(t.second);
        await pump(t.second.loginToSkill(skill.id));
        expect(await holds(() => events.of('previewOffered').length > 0)).toBe(true);
        const preview = events.of('previewOffered')[0]!;
        sim.control.forceNextOutcome('Live');
        await pump(t.second.acceptPreview(preview.id));
        const isLive = (c: Call): boolean => c.record.id === preview.record.id && c.status === 'Active';
        expect(await holds(() => events.of('callUpdated').some(isLive))).toBe(true);
        const callId = events.of('callUpdated').find(isLive)!.id;
        await pump(t.second.hold(callId));
        await pump(t.second.resume(callId));
        await pump(t.second.mute(callId));
        await pump(t.second.unmute(callId));
        await pump(t.second.endCall(callId));
        const ended = (c: Call): boolean => c.id === callId && c.status === 'Ended';
        expect(await holds(() => events.of('callUpdated').some(ended))).toBe(true);
        const dispositions = await pump(t.second.listDispositions(skill.id));
        await pump(t.second.disposition(callId, dispositions[0]!.id, 'done'));
        await pump(t.second.logout());
        expect(commandsOnChannel(t)).toEqual([
            'listSkills',
            'listUnavailableCodes',
            'listDispositions',
            'loginToSkill',
            'acceptPreview',
            'hold',
            'resume',
            'mute',
            'unmute',
            'endCall',
            'listDispositions',
            'disposition',
            'logout'
        ]);
        // Every reply went to the asking tab, and the second tab never connected a dialer of its own.
        expect(appMessages(t).filter((m) => m.k === 'res')).toHaveLength(13);
        expect(t.second.capabilities().attemptsHistory).toBe(false);
    });

    it('BX-2 PV-3 PV-5 RS-1 AM-1 AV-4 the rest of the port is forwarded by name too: preview actions, override, transfer, states', async () => {
        const t = await open(true);
        const skills = await pump(t.second.listSkills());
        const skill = skills.find((s) => s.isPersonalConnection)!;
        const codes = await pump(t.second.listUnavailableCodes());
        const dispositions = await pump(t.second.listDispositions(skill.id));
        const events = new EventRecorder(t.second);
        const next = async (n: number): Promise<Preview> => {
            expect(await holds(() => events.of('previewOffered').length >= n)).toBe(true);
            return events.of('previewOffered')[n - 1]!;
        };
        await pump(t.second.loginToSkill(skill.id));
        await pump(t.second.requeuePreview((await next(1)).id));
        await pump(t.second.snoozePreview((await next(2)).id));
        await pump(t.second.dispositionPreview((await next(3)).id, dispositions[0]!.id, 'no answer'));
        const callback = await pump(
            t.second.reschedulePreview((await next(4)).id, {
                number: '+13125550142',
                deliverTo: 'Me',
                at: sim.control.clock.now() + 3_600_000,
                timeZone: 'America/Chicago',
                notes: 'after lunch'
            })
        );
        // What the agent typed comes back; the contact's name never crossed the channel.
        expect(callback).toMatchObject({ number: '+13125550142', notes: 'after lunch', contactName: '' });
        expect(events.of('previewClosed').map((c) => c.reason)).toEqual([
            'Requeued',
            'Snoozed',
            'Dispositioned',
            'Rescheduled'
        ]);
        const fifth = await next(5);
        sim.control.forceNextOutcome('NoAnswer');
        await pump(t.second.acceptPreview(fifth.id));
        const dialing = (c: Call): boolean => c.record.id === fifth.record.id && c.status === 'Dialing';
        expect(await holds(() => events.of('callUpdated').some(dialing))).toBe(true);
        await pump(t.second.overrideMachine(events.of('callUpdated').find(dialing)!.id, 'BadNumber'));
        const sixth = await next(6);
        sim.control.forceNextOutcome('Live');
        await pump(t.second.acceptPreview(sixth.id));
        const live = (c: Call): boolean => c.record.id === sixth.record.id && c.status === 'Active';
        expect(await holds(() => events.of('callUpdated').some(live))).toBe(true);
        await pump(t.second.transfer(events.of('callUpdated').find(live)!.id, { kind: 'Skill', value: skill.id }));
        await pump(t.second.setUnavailable(codes[0]!.id));
        expect(commandsOnChannel(t)).toEqual(
            expect.arrayContaining([
                'requeuePreview',
                'snoozePreview',
                'dispositionPreview',
                'reschedulePreview',
                'overrideMachine',
                'transfer',
                'setUnavailable'
            ])
        );
    });

    it('BX-2 the leading tab refuses a forged command: an unknown command, a transfer to a number not allowed, a call not in the book', async () => {
        const t = await open(false);
        const skills = await pump(t.leading.listSkills());
        const events = new EventRecorder(t.leading);
        sim.control.forceNextOutcome('Live');
        await pump(t.leading.loginToSkill(skills.find((s) => s.isPersonalConnection)!.id));
        expect(await holds(() => events.of('callUpdated').some((c) => c.status === 'Active'))).toBe(true);
        const live = events.of('callUpdated').find((c) => c.status === 'Active')!;

        // A third party on the channel, speaking the tabs' own protocol.
        const forger = new TabLeader({
            name: 'pc-dialer-test',
            channel: t.hub.open(),
            locks: t.locks,
            tabId: 'tab-x'
        });
        expect(await forger.start()).toBe(false);
        const replies: { id: string; ok: boolean; error?: { code: string } }[] = [];
        forger.onMessage((data) => {
            const m = data as { k?: string; to?: string; id: string; ok: boolean; error?: { code: string } };
            if (m.k === 'res' && m.to === 'tab-x') replies.push(m);
        });
        const forge = async (
            id: string,
            method: string,
            args: unknown[]
        ): Promise<{ ok: boolean; error?: { code: string } }> => {
            forger.post({ k: 'cmd', id, method, args });
            expect(await holds(() => replies.some((r) => r.id === id))).toBe(true);
            return replies.find((r) => r.id === id)!;
        };
        const sent = [jest.spyOn(sim, 'transfer'), jest.spyOn(sim, 'hold'), jest.spyOn(sim, 'overrideMachine')];
        expect(await forge('f1', 'dropSession', [])).toMatchObject({ ok: false, error: { code: 'Rejected' } });
        expect(await forge('f2', 'constructor', [])).toMatchObject({ ok: false, error: { code: 'Rejected' } });
        expect(
            await forge('f3', 'transfer', [live.id, { kind: 'Number', value: '1-900-DIAL-ME; rm -rf' }])
        ).toMatchObject({
            ok: false,
            error: { code: 'Rejected' }
        });
        expect(await forge('f4', 'hold', ['not-a-call-in-the-book'])).toMatchObject({
            ok: false,
            error: { code: 'NotFound' }
        });
        expect(await forge('f5', 'overrideMachine', [live.id, 'Fax'])).toMatchObject({
            ok: false,
            error: { code: 'InvalidState' }
        });
        expect(await forge('f6', 'hold', [42])).toMatchObject({ ok: false, error: { code: 'Rejected' } });
        expect(events.of('callUpdated').at(-1)?.status).toBe('Active');
        for (const spy of sent) expect(spy).not.toHaveBeenCalled();
        forger.stop();
    });

    it('BX-2 the channel carries ids and states only: no name, number or calling-list field in any message', async () => {
        const t = await open(true);
        const seenRecords: (Preview | Call)[] = [];
        t.leading.on('previewOffered', (p) => seenRecords.push(p));
        t.leading.on('callUpdated', (c) => seenRecords.push(c));
        const skills = await pump(t.second.listSkills());
        const skill = skills.find((s) => s.isPersonalConnection)!;
        const events = new EventRecorder(t.second);
        await pump(t.second.loginToSkill(skill.id));
        expect(await holds(() => events.of('previewOffered').length > 0)).toBe(true);
        sim.control.forceNextOutcome('Live');
        await pump(t.second.acceptPreview(events.of('previewOffered')[0]!.id));
        expect(await holds(() => seenRecords.some((r) => 'status' in r && r.status === 'Active'))).toBe(true);
        const live = seenRecords.find((r): r is Call => 'status' in r && r.status === 'Active')!;
        await pump(t.second.endCall(live.id));
        const ended = seenRecords.filter((r): r is Call => 'status' in r && r.id === live.id).at(-1)!;
        const dispositions = await pump(t.second.listDispositions(skill.id));
        expect(
            await holds(
                () =>
                    ended.status === 'Ended' ||
                    seenRecords.some((r) => 'status' in r && r.id === live.id && r.status === 'Ended')
            )
        ).toBe(true);
        await pump(t.second.disposition(live.id, dispositions[0]!.id, 'done'));
        expect(await holds(() => events.of('previewOffered').length > 1)).toBe(true);
        await pump(t.second.requeuePreview(events.of('previewOffered')[1]!.id));

        const secrets = new Set<string>();
        for (const r of seenRecords) {
            if (r.record.firstName) secrets.add(r.record.firstName);
            if (r.record.lastName) secrets.add(r.record.lastName);
            if (r.number) secrets.add(r.number);
            for (const [key, value] of Object.entries(r.record.fields)) {
                secrets.add(`"${key}"`);
                if (value.length > 3) secrets.add(value);
            }
        }
        expect(secrets.size).toBeGreaterThan(3);
        expect(t.hub.messages.length).toBeGreaterThan(20);
        for (const message of t.hub.messages) {
            const text = JSON.stringify(message);
            for (const secret of secrets)
                expect({ message: text, has: text.includes(secret) }).toEqual({ message: text, has: false });
        }
        // The second tab still shows every line and status.
        expect(events.of('previewOffered').every((p) => p.record.firstName === '' && p.number === '')).toBe(true);
    });
});
