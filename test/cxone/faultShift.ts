/**
 * A scripted agent shift on the fake CXone server with one fault injected while a call is live: used by
 * the fault suite (jest) and the `cxone` bench part. The shift logs in, takes a preview, talks on the
 * call, suffers the fault, then holds, resumes, mutes, unmutes, ends and wraps up the call and gets the
 * next preview. The "agent" retries a command only when the adapter said it may (retryable) and only
 * once the connection is back, as the console does.
 */
import { DialerError } from 'c/pcDialerPort';
import type { CxoneAdapterOptions } from 'c/pcCxoneAdapter';
import { startRig, until } from './cxoneHarness';
import type { CxoneRig } from './cxoneHarness';
import { sendAsAgent } from './cxoneSteps';
import type { Fault, FakeBehaviour } from './fakeCxoneServer';

/** What one shift with one fault showed. */
export interface ShiftResult {
    readonly fault: Fault;
    readonly survived: boolean;
    /** Why not, when not survived (no PII: ids and statuses only). */
    readonly problems: readonly string[];
    /** Commands whose promise never settled. */
    readonly commandsLost: number;
    /** Commands the server received twice. */
    readonly commandsDuplicated: number;
    /** Most get-next-event requests open at once during the shift. */
    readonly maxConcurrentPolls: number;
    /** From the fault to the next poll reaching the server, for faults that drop the poll. */
    readonly firstReconnectMs: number | null;
}

const WAIT_MS = 12_000;

/** Runs one shift with one fault. */
export async function runFaultShift(
    fault: Fault,
    extra: Partial<CxoneAdapterOptions> = {},
    behaviour: Partial<FakeBehaviour> = {}
): Promise<ShiftResult> {
    const rig = await startRig(extra);
    Object.assign(rig.fake.behaviour, behaviour);
    const problems: string[] = [];
    let lost = 0;
    /** Attempts whose answer was lost on the way back (retryable, outcome unknown). */
    let answersLost = 0;
    let firstReconnectMs: number | null = null;
    const { adapter, fake, events } = rig;
    const check = (ok: boolean, problem: string): void => {
        if (!ok) problems.push(problem);
    };
    const connected = (): boolean => events.connection.at(-1)?.status === 'Connected';

    /** Sends a command as the agent: retried only when retryable, only after the connection is back. */
    const agentDo = async (name: string, send: () => Promise<unknown>): Promise<boolean> => {
        const sent = await sendAsAgent(name, send, connected, WAIT_MS);
        if (sent.lost) lost += 1;
        // A Network failure is an attempt whose answer was lost on the way back.
        answersLost += sent.codes.filter((code) => code === 'Network').length;
        if (sent.problem) problems.push(sent.problem);
        return sent.done;
    };

    /** Logs in and takes a preview through to a live call; returns the call id. */
    const reachLiveCall = async (): Promise<string | null> => {
        const offered = events.previewOffered.length;
        if (!(await agentDo('login', () => adapter.loginToSkill('501')))) return null;
        await fake.advance(600);
        if (!(await until(() => events.previewOffered.length > offered, WAIT_MS))) {
            problems.push('no preview offered');
            return null;
        }
        const preview = events.previewOffered.at(-1)!;
        await fake.forceNextOutcome('Live');
        if (!(await agentDo('accept', () => adapter.acceptPreview(preview.id)))) return null;
        await fake.advance(1000);
        await fake.advance(2500);
        const live = await until(
            () => events.callUpdated.some((c) => c.id === preview.id && c.status === 'Active'),
            WAIT_MS
        );
        check(live, 'the accepted preview never became Active');
        return live ? preview.id : null;
    };

    try {
        await fake.setPreviewMode(true);
        await adapter.connect();
        let callId = await reachLiveCall();
        if (!callId) return finish();
        await fake.settle();
        const tokensBefore = fake.metrics.tokensIssued;
        const errorsBefore = events.error.length;
        const updatesBefore = events.callUpdated.length;
        const injectedAt = Date.now();
        const pollsBefore = fake.metrics.pollArrivals.length;
        const connectionBefore = events.connection.length;
        await fake.inject(fault);

        if (fault === 'sessionEnd') {
            check(
                await until(() => events.connection.at(-1)?.status === 'Disconnected', WAIT_MS),
                'the end of the session was not reported'
            );
            check(events.agentState.at(-1)?.status === 'LoggedOut', 'agent not shown Logged out after session end');
            check(
                events.callRemoved.some((r) => r.callId === callId),
                'the call of the ended session was not removed'
            );
            // The agent signs in to the dialer again: a new session, and the shift goes on.
            await adapter.connect();
            callId = await reachLiveCall();
            if (!callId) return finish();
        } else {
            await fake.advance(0);
            check(await until(connected, WAIT_MS), 'did not reconnect');
            if (fault === 'droppedConnection' || fault === 'serverRestart' || fault === 'flappingNetwork') {
                const next = fake.metrics.pollArrivals[pollsBefore];
                firstReconnectMs = next === undefined ? null : next - injectedAt;
            }
            // The live call is still the agent's and still Active in the adapter's view.
            const view = events.callUpdated.filter((c) => c.id === callId).at(-1);
            check(view?.status === 'Active', `call shown ${view?.status ?? 'missing'} after ${fault}`);
        }

        const id = callId;
        const heldBefore = events.callUpdated.filter((c) => c.id === id && c.status === 'Held').length;
        await agentDo('hold', () => adapter.hold(id));
        await fake.settle();
        const held = events.callUpdated.filter((c) => c.id === id && c.status === 'Held').length - heldBefore;
        check(held === 1, `Held reported ${held} times`);
        await agentDo('resume', () => adapter.resume(id));
        await agentDo('mute', () => adapter.mute(id));
        await agentDo('unmute', () => adapter.unmute(id));
        await agentDo('end', () => adapter.endCall(id));
        await fake.settle();
        check(
            events.callUpdated.some((c) => c.id === id && c.status === 'Ended'),
            'the call was not shown Ended'
        );
        // The logged outcome is what the dialer recorded (an answered call the agent ended records no code).
        const endedAs = events.callUpdated.filter((c) => c.id === id && c.status === 'Ended').at(-1)?.outcome;
        const recorded = fake.recordedOutcome(id) ?? 'Completed';
        check(endedAs === recorded, `the call ended as ${endedAs ?? 'nothing'}, the dialer recorded ${recorded}`);
        await agentDo('disposition', () => adapter.disposition(id, '1', ''));
        check(
            await until(() => events.callRemoved.some((r) => r.callId === id), WAIT_MS),
            'the call did not leave after its disposition'
        );
        const offered = events.previewOffered.length;
        await fake.advance(600);
        check(await until(() => events.previewOffered.length > offered, WAIT_MS), 'no next preview after the wrap-up');

        // What each fault must show besides carrying on.
        switch (fault) {
            case 'tokenExpiry':
                check(fake.metrics.tokensIssued > tokensBefore, 'the token was not refreshed');
                break;
            case 'malformedJson':
                check(
                    events.error.slice(errorsBefore).some((e) => e.code === 'Protocol'),
                    'malformed JSON was not reported as a Protocol error'
                );
                break;
            case 'outOfOrder': {
                const after = events.callUpdated.slice(updatesBefore).filter((c) => c.id === id);
                check(!after.some((c) => c.status === 'Ringing'), 'a stale Ringing event was applied');
                break;
            }
            case 'flappingNetwork': {
                // The flap is counted, not timed, so it must have hit as scripted: six drops of the event
                // channel, each reported, and the first attempt of three commands.
                const reconnecting = events.connection
                    .slice(connectionBefore)
                    .filter((c) => c.status === 'Reconnecting').length;
                check(reconnecting >= 6, `the flap was reported ${reconnecting} times, not 6`);
                check(answersLost === 3, `the flap cost ${answersLost} command attempts, not 3`);
                break;
            }
            case 'rotatedSession':
                check(fake.metrics.staleSessionRequests === 0, 'requests used the rotated-away session id');
                break;
            default:
                break;
        }
        return finish();
    } catch (e) {
        problems.push(`shift threw ${e instanceof DialerError ? e.code : e instanceof Error ? e.name : 'error'}`);
        return finish();
    } finally {
        await rig.dispose();
    }

    function finish(): ShiftResult {
        return result(rig, fault, problems, lost, firstReconnectMs);
    }
}

function result(
    rig: CxoneRig,
    fault: Fault,
    problems: string[],
    lost: number,
    firstReconnectMs: number | null
): ShiftResult {
    const m = rig.fake.metrics;
    if (m.duplicateCommands > 0) problems.push(`${m.duplicateCommands} command(s) received twice`);
    if (m.maxConcurrentPolls > 1) problems.push(`${m.maxConcurrentPolls} polls in flight at once`);
    return {
        fault,
        survived: problems.length === 0,
        problems: [...problems],
        commandsLost: lost,
        commandsDuplicated: m.duplicateCommands,
        maxConcurrentPolls: m.maxConcurrentPolls,
        firstReconnectMs
    };
}
