/**
 * The command faults: a drop (carried out, answer lost), a 503, a hang (carried out, never answered) and
 * a slow answer, each against a machine override, a reschedule and a call disposition. The "agent"
 * retries a failed command only when the adapter says it may, as the console does. Used by the fault
 * suite and the `cxone` bench part.
 */
import { DialerError } from 'c/pcDialerPort';
import type { CxoneAdapterOptions } from 'c/pcCxoneAdapter';
import { startRig, until } from './cxoneHarness';
import { previewing, sendAsAgent } from './cxoneSteps';
import type { CommandFault } from './fakeCxoneServer';

/** The commands the faults are run against. */
export const FAULTED_COMMANDS = ['override', 'reschedule', 'disposition'] as const;
export type FaultedCommand = (typeof FAULTED_COMMANDS)[number];

/** What one command fault showed. */
export interface CommandFaultResult {
    readonly fault: CommandFault;
    readonly command: FaultedCommand;
    readonly survived: boolean;
    readonly problems: readonly string[];
    /** Attempts whose promise never settled. */
    readonly commandsLost: number;
    /** Commands the dialer carried out twice. */
    readonly commandsDuplicated: number;
}

// Longer than the shipped command time-out (15 s), so a hang is seen to be given up, not lost.
const WAIT_MS = 20_000;
const PATHS: Record<FaultedCommand, RegExp> = {
    override: /amd-override$/,
    reschedule: /disposition$/,
    disposition: /disposition$/
};

/** Runs one fault against one command. */
export async function runCommandFault(
    fault: CommandFault,
    command: FaultedCommand,
    extra: Partial<CxoneAdapterOptions> = {}
): Promise<CommandFaultResult> {
    // A hang is given up by the client's own time-out: short here, so the run stays quick.
    const rig = await startRig({ commandTimeoutMs: 2500, ...extra });
    const { adapter, fake, events } = rig;
    const problems: string[] = [];
    let lost = 0;

    /** Sends as the agent: retried only when retryable, after the connection is back; up to three times. */
    const agentDo = async (send: () => Promise<unknown>): Promise<boolean> => {
        const sent = await sendAsAgent(command, send, () => events.connection.at(-1)?.status === 'Connected', WAIT_MS);
        if (sent.lost) lost += 1;
        if (sent.problem) problems.push(sent.problem);
        return sent.done;
    };

    try {
        const previewId = await previewing(rig, WAIT_MS);
        if (command === 'reschedule') {
            fake.injectCommandFault(fault, PATHS.reschedule);
            const at = Date.now() + 3_600_000;
            const request = { number: '+13125550142', deliverTo: 'Me' as const, at, timeZone: 'UTC', notes: '' };
            await agentDo(() => adapter.reschedulePreview(previewId, request));
            await fake.settle();
            const closed = events.previewClosed.filter((c) => c.previewId === previewId);
            if (closed.length !== 1 || closed[0]?.reason !== 'Rescheduled')
                problems.push(
                    `preview closed ${closed.map((c) => c.reason).join(',') || 'never'}, not Rescheduled once`
                );
            if (fake.callbacksScheduled !== 1) problems.push(`${fake.callbacksScheduled} callbacks scheduled, not 1`);
        } else {
            await fake.forceNextOutcome(command === 'override' ? 'NoAnswer' : 'Live');
            await agentDo(() => adapter.acceptPreview(previewId));
            await fake.advance(1000);
            if (command === 'override') {
                await until(
                    () => events.callUpdated.some((c) => c.id === previewId && c.status === 'Ringing'),
                    WAIT_MS
                );
                fake.injectCommandFault(fault, PATHS.override);
                await agentDo(() => adapter.overrideMachine(previewId, 'Fax'));
            } else {
                await fake.advance(2500);
                await until(() => events.callUpdated.some((c) => c.id === previewId && c.status === 'Active'), WAIT_MS);
                await agentDo(() => adapter.endCall(previewId));
                await until(() => events.callUpdated.some((c) => c.id === previewId && c.status === 'Ended'), WAIT_MS);
                fake.injectCommandFault(fault, PATHS.disposition);
                await agentDo(() => adapter.disposition(previewId, '1', ''));
            }
            await fake.settle();
            const ended = events.callUpdated.filter((c) => c.id === previewId && c.status === 'Ended').at(-1);
            const recorded = fake.recordedOutcome(previewId);
            const expected = command === 'override' ? 'Fax' : 'Completed';
            if (ended?.outcome !== expected)
                problems.push(`call ended as ${ended?.outcome ?? 'nothing'}, not ${expected}`);
            if (command === 'override' && recorded !== ended?.outcome)
                problems.push(`logged ${ended?.outcome ?? 'nothing'}, the dialer recorded ${recorded ?? 'nothing'}`);
            if (
                command === 'disposition' &&
                !(await until(() => events.callRemoved.some((r) => r.callId === previewId)))
            )
                problems.push('the call did not leave after its disposition');
        }
        const acted = fake.acted.filter((c) => PATHS[command].test(c.split(' ')[1] ?? ''));
        if (acted.length !== 1) problems.push(`the dialer carried out ${acted.length} ${command} commands, not 1`);
    } catch (e) {
        problems.push(`threw ${e instanceof DialerError ? e.code : e instanceof Error ? e.message : 'error'}`);
    } finally {
        await rig.dispose();
    }
    const duplicated = fake.metrics.duplicateCommands;
    if (duplicated > 0) problems.push(`${duplicated} command(s) carried out twice`);
    return {
        fault,
        command,
        survived: problems.length === 0,
        problems,
        commandsLost: lost,
        commandsDuplicated: duplicated
    };
}
