/**
 * The agent's state (AV-1 .. AV-4, AG-2) and the agent's own commands: log in to a skill, log out, available,
 * unavailable; a change asked for during a call waits for it, and the panel says so.
 */
import type { AgentState, CommandResult } from 'c/pcModel';
import { withoutFailuresOf } from './calls';
import type { AgentApi, ServiceContext } from './context';
import { PRESENCE_COMMAND } from './presenceSync';
import type { PresenceHost } from './presenceSync';
import { OK, without } from './store';
import type { Patch } from './store';
import { withNotesRule } from './wrapUpRules';

/** The agent slice: the agent and its commands in flight (both in state). */
export class Agent implements AgentApi {
    /** The agent chose Logout and the dialer has not logged the agent out yet: its arrival is confirmed (UB-7). */
    private logoutAsked = false;

    constructor(private readonly ctx: ServiceContext) {}

    /** The dialer's agent state; logging out clears the shift from the screen (AV-3). */
    onAgentState(agent: AgentState): void {
        const store = this.ctx.store;
        let pending = agent.pending ?? store.state.agent.pending;
        // Reached: Unavailable ends a waiting Unavailable (a waiting Logout still waits); Logged out ends every change.
        if (agent.status === 'Unavailable' && pending === 'Unavailable') pending = null;
        if (agent.status === 'LoggedOut') pending = null;
        // Stryker disable next-line ConditionalExpression: the copy is equal to the dialer's state; keeping it only saves an object
        const patch: Patch = { agent: pending === agent.pending ? agent : { ...agent, pending } };
        if (agent.status === 'LoggedOut') {
            // AV-3: after logout nothing of the shift stays on screen; BX-1: nothing of it goes unlogged either.
            this.ctx.wrapUp.clear(store.state.calls);
            patch.calls = [];
            patch.errors = withoutFailuresOf(store.state.calls, store.state.errors);
            patch.preview = null;
            patch.screenPop = null;
            patch.routed = [];
            this.ctx.preview.forget();
            // Whenever it comes (at once, or after the call in progress), the Logout the agent chose is confirmed.
            if (this.logoutAsked) patch.confirmation = this.ctx.messages.confirmationOf('Logout', null, '');
            this.logoutAsked = false;
        }
        store.commit(patch);
    }

    private async command(
        key: string,
        send: () => Promise<void>,
        pendingChange: AgentState['pending'] = null
    ): Promise<CommandResult> {
        const { store, errors } = this.ctx;
        const state = store.state;
        if (state.agentPending.includes(key)) return errors.inFlight(key);
        const patch: Patch = { agentPending: [...state.agentPending, key] };
        // AV-3, AV-4: with a call in progress the change waits for it, and the panel says so.
        if (pendingChange && state.calls.length > 0) patch.agent = { ...state.agent, pending: pendingChange };
        else if (key === 'available' && state.agent.pending === 'Unavailable') {
            patch.agent = { ...state.agent, pending: null };
        }
        store.commit(patch);
        try {
            await send();
            store.commit({ agentPending: without(store.state.agentPending, key), errors: errors.without(key) });
            return OK;
        } catch (e) {
            const error = errors.of(e, key);
            const now = store.state;
            const agent =
                pendingChange && now.agent.pending === pendingChange ? { ...now.agent, pending: null } : now.agent;
            store.commit({ agentPending: without(now.agentPending, key), agent, errors: errors.add(error) });
            return { ok: false, error };
        }
    }

    /** Logs into the dialer for a Personal Connection skill and loads its dispositions (AV-2). */
    async loginToSkill(skillId: string): Promise<CommandResult> {
        const { store, errors, adapter } = this.ctx;
        const skill = store.state.skills.find((s) => s.id === skillId);
        if (!skill) return errors.fail('Validation', 'NotFound', 'unknown skill', 'login');
        if (!skill.isPersonalConnection) {
            return errors.fail('Validation', 'InvalidState', 'not a Personal Connection skill', 'login');
        }
        const result = await this.command('login', () => adapter.loginToSkill(skillId));
        if (result.ok) {
            try {
                const dispositions = await adapter.listDispositions(skillId);
                store.commit({ dispositions: withNotesRule(dispositions, store.state.settings) });
            } catch (e) {
                store.commit({ errors: errors.add(errors.of(e, 'listDispositions')) });
            }
        }
        return result;
    }

    /** Logs out; a call in progress finishes first (AV-3). */
    logout(): Promise<CommandResult> {
        if (this.ctx.store.state.agent.status === 'LoggedOut') {
            return Promise.resolve(this.ctx.errors.fail('Validation', 'InvalidState', 'already logged out', 'logout'));
        }
        this.logoutAsked = true;
        return this.command(
            'logout',
            () =>
                this.ctx.adapter.logout().catch((e: unknown) => {
                    this.logoutAsked = false;
                    throw e;
                }),
            'Logout'
        );
    }

    /** Makes the agent available for deliveries again. */
    setAvailable(): Promise<CommandResult> {
        if (this.ctx.store.state.agent.status === 'LoggedOut') {
            const refused = this.ctx.errors.fail('Validation', 'InvalidState', 'log in to a skill first', 'available');
            return Promise.resolve(refused);
        }
        return this.command('available', () => this.ctx.adapter.setAvailable());
    }

    /** Pauses deliveries after the current call (AV-4). */
    setUnavailable(codeId: string): Promise<CommandResult> {
        if (!this.ctx.store.state.unavailableCodes.some((c) => c.id === codeId)) {
            const refused = this.ctx.errors.fail('Validation', 'NotFound', 'unknown unavailable code', 'unavailable');
            return Promise.resolve(refused);
        }
        return this.command('unavailable', () => this.ctx.adapter.setUnavailable(codeId), 'Unavailable');
    }
}

/** What the Omni-Channel presence sync may use (WU-5): the agent's own commands and one error entry. */
export function presenceHost(ctx: ServiceContext, agent: Agent): PresenceHost {
    const { store, errors } = ctx;
    return {
        state: () => store.state,
        subscribe: (listener) => store.subscribe(listener),
        setAvailable: () => agent.setAvailable(),
        setUnavailable: (codeId) => agent.setUnavailable(codeId),
        logout: () => agent.logout(),
        report: (failure) => {
            const rest = errors.without(PRESENCE_COMMAND);
            if (!failure) {
                if (rest !== store.state.errors) store.commit({ errors: rest });
                return null;
            }
            const error = errors.make('OmniChannel', failure.code, failure.detail, PRESENCE_COMMAND);
            store.commit({ errors: errors.add(error, rest) });
            return error;
        }
    };
}
