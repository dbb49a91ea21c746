/**
 * The session with the dialer (BX-2): the first state, start and stop, connecting and reconnecting, the dialer's
 * sign-in, and rebuilding agent, calls and preview from the session the dialer reports so a refresh loses nothing.
 */
import type { Clock, DialerSignIn, SessionInfo } from 'c/pcDialerPort';
import type {
    CallView,
    CommandResult,
    ConsoleState,
    DialerCapabilities,
    SettingsProblem,
    Skill,
    Unsubscribe
} from 'c/pcModel';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import { parseSettings } from 'c/pcSettings';
import type { ServiceContext } from './context';
import type { PresenceSync } from './presenceSync';
import { OK } from './store';
import type { Patch } from './store';
import { dialerWrapUpSeconds, withNotesRule } from './wrapUpRules';

const NO_CAPABILITIES: DialerCapabilities = Object.freeze({
    maxLines: 3,
    previewActions: [],
    machineOverrides: [],
    attemptsHistory: false,
    transferKinds: [],
    mute: false,
    hold: false,
    rescheduleDeliverTo: [],
    rescheduleTimeZone: false
});

/** The state before start: nothing connected, the settings given (else the defaults until read). */
export function initialState(
    clock: Clock,
    settings: unknown,
    signIn: DialerSignIn | null,
    scoreboard: ConsoleState['scoreboard']
): ConsoleState {
    const parsed = settings !== undefined ? parseSettings(settings) : { settings: DEFAULT_SETTINGS, problems: [] };
    const now = clock.now();
    return Object.freeze({
        now,
        connection: Object.freeze({ status: 'Disconnected', detail: '', attempt: 0, nextRetryAt: null }),
        agent: Object.freeze({
            status: 'LoggedOut',
            skillId: null,
            skillName: null,
            unavailableCode: null,
            pending: null,
            since: now
        }),
        skills: [],
        unavailableCodes: [],
        dispositions: [],
        capabilities: NO_CAPABILITIES,
        settings: parsed.settings,
        settingsProblems: parsed.problems,
        agentPending: [],
        calls: [],
        preview: null,
        screenPop: null,
        routed: [],
        messages: [],
        marquee: null,
        confirmation: null,
        errors: [],
        scoreboard,
        ...(signIn ? { signIn: Object.freeze({ required: signIn.isRequired(), pending: false }) } : {})
    });
}

/** A skill from the dialer with its wrap-up limit kept only when sane (WU-1). */
export function checkedSkill(skill: Skill): Skill {
    if (skill.wrapUpSeconds === undefined) return skill;
    const seconds = dialerWrapUpSeconds(skill.wrapUpSeconds);
    if (seconds !== undefined) return { ...skill, wrapUpSeconds: seconds };
    return { id: skill.id, name: skill.name, isPersonalConnection: skill.isPersonalConnection };
}

/** How the session is built: the settings' origin, the sign-in, presence, and the dialer events' wiring. */
export interface SessionParts {
    readonly settingsGiven: boolean;
    readonly signIn: DialerSignIn | null;
    readonly presence: PresenceSync | null;
    /** Subscribes the slices to the dialer's events; returns the unsubscribes. */
    readonly listen: () => Unsubscribe[];
}

/** The session slice: connection, settings and capabilities in state; the subscriptions and connects in flight. */
export class Session {
    private readonly subscriptions: Unsubscribe[] = [];
    private readonly inFlight = new Set<string>();

    constructor(
        private readonly ctx: ServiceContext,
        private readonly parts: SessionParts
    ) {}

    /** Connects to the dialer, rebuilds state from its session (BX-2) and loads skills, codes and settings. */
    async start(): Promise<CommandResult> {
        const { store, errors: errs } = this.ctx;
        if (store.running) {
            // Retry after a failed connect (or a session the dialer refused) connects again; otherwise nothing to do.
            if (store.state.connection.status !== 'Failed') return OK;
            if (this.inFlight.has('connect')) return errs.inFlight('connect');
            this.inFlight.add('connect');
            store.commit({ connection: { ...store.state.connection, status: 'Connecting', detail: '' } });
            try {
                return await this.connectAndLoad();
            } finally {
                this.inFlight.delete('connect');
            }
        }
        store.running = true;
        this.subscriptions.push(...this.parts.listen());
        this.parts.presence?.start();
        store.commit({ connection: { ...store.state.connection, status: 'Connecting', detail: '' } });

        let settings = store.state.settings;
        let problems: readonly SettingsProblem[] = store.state.settingsProblems;
        let errors = store.state.errors;
        if (!this.parts.settingsGiven) {
            try {
                const parsed = parseSettings(await this.ctx.gateway.getSettings());
                settings = parsed.settings;
                problems = parsed.problems;
            } catch (e) {
                errors = errs.add(errs.of(e, 'getSettings', 'Configuration'), errors);
            }
        }
        store.commit({ settings, settingsProblems: problems, errors, capabilities: this.ctx.adapter.capabilities() });
        return this.connectAndLoad();
    }

    /** Connects the adapter, rebuilds from its session (BX-2) and loads skills, codes and dispositions. */
    private async connectAndLoad(): Promise<CommandResult> {
        const { store, errors: errs, adapter } = this.ctx;
        let session: SessionInfo;
        try {
            session = await adapter.connect();
        } catch (e) {
            const error = errs.of(e, 'connect');
            store.commit({
                connection: { ...store.state.connection, status: 'Failed', detail: error.detail },
                errors: errs.add(error)
            });
            return { ok: false, error };
        }
        if (!store.running) {
            // Stopped while the connect was under way: the console stays stopped and the late session is closed.
            await this.disconnectQuietly();
            return OK;
        }
        this.restore(session);
        // A connect that failed before (e.g. before the agent signed in) is over: its Retry would do nothing.
        const connectErrors = errs.without('connect');
        if (connectErrors !== store.state.errors) store.commit({ errors: connectErrors });
        const restored = this.ctx.score.join(session.sessionId);
        if (restored !== store.state.scoreboard) store.commit({ scoreboard: restored });

        const [skills, codes, dispositions] = await Promise.allSettled([
            adapter.listSkills(),
            adapter.listUnavailableCodes(),
            session.agent.skillId ? adapter.listDispositions(session.agent.skillId) : Promise.resolve(null)
        ]);
        const patch: Patch = { capabilities: adapter.capabilities() };
        let listErrors = store.state.errors;
        if (skills.status === 'fulfilled') patch.skills = skills.value.map(checkedSkill);
        else listErrors = errs.add(errs.of(skills.reason, 'listSkills'), listErrors);
        if (codes.status === 'fulfilled') patch.unavailableCodes = codes.value;
        else listErrors = errs.add(errs.of(codes.reason, 'listUnavailableCodes'), listErrors);
        if (dispositions.status === 'fulfilled') {
            if (dispositions.value) patch.dispositions = withNotesRule(dispositions.value, store.state.settings);
        } else listErrors = errs.add(errs.of(dispositions.reason, 'listDispositions'), listErrors);
        patch.errors = listErrors;
        store.commit(patch);
        return OK;
    }

    /** Rebuilds agent, calls and preview from what the dialer reports, so a refresh loses nothing (BX-2). */
    private restore(session: SessionInfo): void {
        const { store, calls: lines, pop } = this.ctx;
        const limit = lines.lines();
        const calls: CallView[] = [];
        let live = 0;
        for (const call of session.calls) {
            const ended = call.status === 'Ended';
            if (!ended && live >= limit) continue;
            if (!ended) live += 1;
            if (ended && call.answeredAt === null) continue;
            calls.push(lines.viewOf(call));
        }
        const patch: Patch = {
            agent: session.agent,
            calls,
            preview: session.preview ? this.ctx.preview.stateOf(session.preview) : null,
            screenPop: null
        };
        const status = store.state.connection.status;
        if (status === 'Connecting' || status === 'Disconnected') {
            patch.connection = { status: 'Connected', detail: '', attempt: 0, nextRetryAt: null };
        }
        const active = calls.find((v) => v.call.status === 'Active' || v.call.status === 'Held');
        if (active) patch.screenPop = pop.show(active.call.id, active.call.record, active.call.number);
        else if (session.preview) {
            patch.screenPop = pop.show(session.preview.id, session.preview.record, session.preview.number);
        }
        store.commit(patch);
    }

    /** Releases the adapter and timers; the last state stays readable. */
    async stop(): Promise<void> {
        const store = this.ctx.store;
        if (!store.running) return;
        store.running = false;
        this.parts.presence?.stop();
        for (const off of this.subscriptions.splice(0)) off();
        store.cancelTimers();
        await this.disconnectQuietly();
        store.commit({ connection: { status: 'Disconnected', detail: '', attempt: 0, nextRetryAt: null } });
    }

    private async disconnectQuietly(): Promise<void> {
        try {
            await this.ctx.adapter.disconnect();
        } catch {
            // Stopping must always succeed; the session ends on the dialer's side regardless.
        }
    }

    /** The dialer's sign-in changed (signed out elsewhere, token expired). */
    onSignInChange(required: boolean): void {
        const store = this.ctx.store;
        store.commit({ signIn: { required, pending: store.state.signIn?.pending ?? false } });
    }

    /** Signs in to the dialer (a popup: call it from the agent's click), then connects again from its session (BX-2). */
    async signIn(): Promise<CommandResult> {
        const { store, errors } = this.ctx;
        const port = this.parts.signIn;
        if (!port) return errors.fail('Dialer', 'Unsupported', 'this dialer needs no sign-in', 'signIn');
        if (this.inFlight.has('signIn')) return errors.inFlight('signIn');
        this.inFlight.add('signIn');
        // The port opens its window before its first await, still inside the click that called us.
        const signingIn = port.signIn();
        store.commit({ signIn: { required: port.isRequired(), pending: true } });
        try {
            await signingIn;
        } catch (e) {
            const error = errors.of(e, 'signIn');
            store.commit({ signIn: { required: port.isRequired(), pending: false }, errors: errors.add(error) });
            return { ok: false, error };
        } finally {
            this.inFlight.delete('signIn');
        }
        store.commit({ signIn: { required: port.isRequired(), pending: false } });
        if (!store.running) return this.start();
        // Connect again without stopping: the adapter keeps its subscriptions and this tab's leadership (BX-2).
        store.commit({ connection: { ...store.state.connection, status: 'Connecting', detail: '' } });
        return this.connectAndLoad();
    }
}
