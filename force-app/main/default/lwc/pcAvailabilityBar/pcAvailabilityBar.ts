import { LightningElement, api } from 'lwc';
import { AgentStatus, PendingAgentChange } from 'c/pcModel';
import type { AgentCommands, AgentState, CommandResult, Skill, UnavailableCode } from 'c/pcModel';
import { LABELS, AGENT_STATUS_LABELS, formatLabel } from 'c/pcLabels';
import { focusLeaves } from 'c/pcPopoverFit';

/** The availability control and its skill panel: state, active skill, skills, agent states and Logout (AV-1..4, AG-2). */
export default class PcAvailabilityBar extends LightningElement {
    /** The agent's state as the dialer reports it. */
    @api agent: AgentState | undefined;
    /** Every skill assigned to the agent; only Personal Connection skills are listed. */
    @api skills: readonly Skill[] = [];
    /** The unavailable reasons the dialer offers. */
    @api unavailableCodes: readonly UnavailableCode[] = [];
    /** Agent commands waiting for the dialer. */
    @api agentPending: readonly string[] = [];
    /** The agent commands of the console's service: skill, availability and Logout. */
    @api service: AgentCommands | undefined;

    labels = LABELS;
    open = false;
    sending = false;

    get status(): AgentStatus {
        return this.agent?.status ?? AgentStatus.LoggedOut;
    }

    get stateText(): string {
        const code = this.agent?.unavailableCode;
        if (this.status === AgentStatus.Unavailable && code)
            return formatLabel(LABELS.agentUnavailableReason, [code.label]);
        return AGENT_STATUS_LABELS[this.status];
    }

    get skillText(): string {
        const name = this.agent?.skillName;
        return name && this.status !== AgentStatus.LoggedOut ? formatLabel(LABELS.agentActiveSkill, [name]) : '';
    }

    get pendingNote(): string {
        const pending = this.agent?.pending;
        if (pending === PendingAgentChange.Logout) return LABELS.agentPendingLogout;
        if (pending === PendingAgentChange.Unavailable) return LABELS.agentPendingUnavailable;
        return '';
    }

    get badgeClass(): string {
        const tone =
            this.status === AgentStatus.Working || this.status === AgentStatus.Available
                ? 'pc-dot_on'
                : this.status === AgentStatus.Unavailable
                  ? 'pc-dot_away'
                  : 'pc-dot_off';
        return `pc-dot ${tone}`;
    }

    get ariaExpanded(): string {
        return String(this.open);
    }

    get busy(): boolean {
        return this.sending || (this.agentPending ?? []).length > 0;
    }

    get skillButtons(): { id: string; label: string; title: string; variant: string; disabled: boolean }[] {
        const current = this.status === AgentStatus.LoggedOut ? null : this.agent?.skillId;
        return (this.skills ?? [])
            .filter((s) => s.isPersonalConnection)
            .map((s) => ({
                id: s.id,
                label: s.name,
                title: s.id === current ? `${s.name} ${LABELS.agentCurrent}` : s.name,
                variant: s.id === current ? 'brand' : 'neutral',
                disabled: this.busy
            }));
    }

    get hasSkills(): boolean {
        return this.skillButtons.length > 0;
    }

    get loggedIn(): boolean {
        return this.status !== AgentStatus.LoggedOut;
    }

    get canGoAvailable(): boolean {
        return this.loggedIn && this.status !== AgentStatus.Available && this.status !== AgentStatus.Working;
    }

    get reasonButtons(): { id: string; label: string; disabled: boolean }[] {
        if (!this.loggedIn) return [];
        const currentCode = this.status === AgentStatus.Unavailable ? this.agent?.unavailableCode?.id : null;
        return (this.unavailableCodes ?? []).map((c) => ({
            id: c.id,
            label: formatLabel(LABELS.agentUnavailableReason, [c.label]),
            disabled: this.busy || c.id === currentCode
        }));
    }

    handleToggle(): void {
        this.open = !this.open;
    }

    /** Focus moved on to another control outside: the panel closes (UB-2, BX-4). */
    handleFocusOut(event: FocusEvent): void {
        if (this.open && focusLeaves(event, this.template)) this.open = false;
    }

    handleKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape' && this.open) {
            this.open = false;
            this.focusToggle();
        }
    }

    handleSkill(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        this.send((s) => s.loginToSkill(id));
    }

    handleAvailable(): void {
        this.send((s) => s.setAvailable());
    }

    handleUnavailable(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        this.send((s) => s.setUnavailable(id));
    }

    handleLogout(): void {
        this.send((s) => s.logout());
    }

    private focusToggle(): void {
        (this.template?.querySelector('[data-id="availability"]') as HTMLElement | null)?.focus();
    }

    private send(command: (service: AgentCommands) => Promise<CommandResult>): void {
        if (!this.service || this.busy) return;
        this.sending = true;
        this.open = false;
        // The chosen button leaves with the panel; keep keyboard focus on the control that opened it.
        this.focusToggle();
        void command(this.service).finally(() => {
            this.sending = false;
        });
    }
}
