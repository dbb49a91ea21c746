import PcAvailabilityBar from 'c/pcAvailabilityBar';
import { AgentStatus, PendingAgentChange } from 'c/pcModel';
import type { AgentState } from 'c/pcModel';
import { makeState } from 'test-support/fixtures';
import { StubConsoleApi } from 'test-support/recorders';
import { buttonNames, byDataId, cleanup, click, findButton, flush, press, render } from 'test-support/lwc';

type BarEl = HTMLElement & { agent: AgentState; agentPending: string[] };

const agent = (over: Partial<AgentState> = {}): AgentState => ({ ...makeState().agent, ...over });

async function mount(a: AgentState = agent()) {
    const service = new StubConsoleApi();
    const state = makeState();
    const el = await render<BarEl>('c-pc-availability-bar', PcAvailabilityBar, {
        agent: a,
        skills: state.skills,
        unavailableCodes: state.unavailableCodes,
        agentPending: [],
        service
    });
    return { el, service };
}

const toggle = (el: HTMLElement) => byDataId<HTMLButtonElement>(el, 'availability')!;

describe('c-pc-availability-bar', () => {
    afterEach(cleanup);

    it.each([
        ['Logged out', agent({ status: AgentStatus.LoggedOut, skillId: null, skillName: null }), null],
        ['Available', agent({ status: AgentStatus.Available }), 'Skill: Outbound Sales'],
        [
            'Unavailable (Lunch)',
            agent({ status: AgentStatus.Unavailable, unavailableCode: { id: 'u-2', label: 'Lunch' } }),
            'Skill: Outbound Sales'
        ],
        ['Working', agent({ status: AgentStatus.Working }), 'Skill: Outbound Sales']
    ])('AV-1 shows the state %p and the active skill', async (state, a, skill) => {
        const { el } = await mount(a);
        expect(byDataId(el, 'state')!.textContent).toBe(state);
        expect(byDataId(el, 'skill')?.textContent ?? null).toBe(skill);
        await expect(el).toBeAccessible();
    });

    it('AV-2 lists only the Personal Connection skills and the agent states when clicked', async () => {
        const { el } = await mount(
            agent({ status: AgentStatus.Unavailable, unavailableCode: { id: 'u-1', label: 'Break' } })
        );
        expect(byDataId(el, 'panel')).toBeNull();
        expect(toggle(el).getAttribute('aria-expanded')).toBe('false');
        await click(toggle(el));
        expect(toggle(el).getAttribute('aria-expanded')).toBe('true');
        expect(buttonNames(byDataId(el, 'panel')!)).toEqual([
            'Outbound Sales',
            'Collections',
            'Available',
            'Unavailable (Break)',
            'Unavailable (Lunch)',
            'Logout'
        ]);
        await expect(el).toBeAccessible();
    });

    it('AV-2 logs into the dialer for the skill the agent chooses', async () => {
        const { el, service } = await mount(agent({ status: AgentStatus.LoggedOut, skillId: null, skillName: null }));
        await click(toggle(el));
        expect(findButton(el, 'Logout')).toBeNull();
        await click(findButton(el, 'Collections'));
        expect(service.calls).toEqual([{ method: 'loginToSkill', args: ['sk-2'] }]);
        expect(byDataId(el, 'panel')).toBeNull();
        expect(el.shadowRoot!.activeElement).toBe(toggle(el));
    });

    it('AV-2 says so when the admin assigned no Personal Connection skill', async () => {
        const { el } = await mount();
        (el as unknown as { skills: unknown[] }).skills = [];
        await flush();
        await click(toggle(el));
        expect(byDataId(el, 'no-skills')!.textContent).toContain('No Personal Connection skills');
    });

    it('AV-3 AG-2 logs out from the same skill panel and notes a logout that waits for the call', async () => {
        const { el, service } = await mount();
        await click(toggle(el));
        await click(findButton(el, 'Logout'));
        expect(service.calls).toEqual([{ method: 'logout', args: [] }]);
        el.agent = agent({ pending: PendingAgentChange.Logout });
        await flush();
        expect(byDataId(el, 'pending-note')!.textContent).toBe('Logout after this call');
        el.agent = agent({ status: AgentStatus.LoggedOut, skillId: null, skillName: null, pending: null });
        await flush();
        expect(byDataId(el, 'state')!.textContent).toBe('Logged out');
        expect(byDataId(el, 'pending-note')).toBeNull();
        await expect(el).toBeAccessible();
    });

    it('AV-4 goes Unavailable with a reason and notes that it applies after the current call', async () => {
        const { el, service } = await mount();
        await click(toggle(el));
        await click(findButton(el, 'Unavailable (Break)'));
        expect(service.calls).toEqual([{ method: 'setUnavailable', args: ['u-1'] }]);
        el.agent = agent({ pending: PendingAgentChange.Unavailable });
        await flush();
        expect(byDataId(el, 'pending-note')!.textContent).toBe('Unavailable after this call');
    });

    it('AV-4 goes back to Available from Unavailable', async () => {
        const { el, service } = await mount(
            agent({ status: AgentStatus.Unavailable, unavailableCode: { id: 'u-1', label: 'Break' } })
        );
        await click(toggle(el));
        await click(findButton(el, 'Available'));
        expect(service.calls).toEqual([{ method: 'setAvailable', args: [] }]);
    });

    it('AV-2 disables the panel while an agent command waits for the dialer', async () => {
        const { el, service } = await mount();
        el.agentPending = ['login'];
        await flush();
        await click(toggle(el));
        const logout = findButton(el, 'Logout') as unknown as { disabled: boolean };
        expect(logout.disabled).toBe(true);
        await click(findButton(el, 'Logout'));
        expect(service.calls).toEqual([]);
    });

    it('BX-4 closes the skill panel with Escape', async () => {
        const { el } = await mount();
        await click(toggle(el));
        await press(byDataId(el, 'panel')!, 'Escape');
        expect(byDataId(el, 'panel')).toBeNull();
        expect(el.shadowRoot!.activeElement).toBe(toggle(el));
    });
});
