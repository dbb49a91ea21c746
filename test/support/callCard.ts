/** The call card as its suites render it: on a stub service, with the fixture console's capabilities, dispositions and skills. */
import PcCallCard from 'c/pcCallCard';
import type { CallView } from 'c/pcModel';
import { makeState, NOW } from './fixtures';
import { render } from './lwc';
import { StubConsoleApi } from './recorders';

/** The card element with the properties the suites read back. */
export type CardEl = HTMLElement & { view: CallView; now: number };

/** Renders a card for `view` at NOW; `over` sets or replaces any property (a clock, other capabilities). */
export async function renderCallCard(
    view: CallView,
    over: Record<string, unknown> = {}
): Promise<{ el: CardEl; service: StubConsoleApi }> {
    const service = new StubConsoleApi();
    const state = makeState();
    const el = await render<CardEl>('c-pc-call-card', PcCallCard, {
        view,
        service,
        now: NOW,
        capabilities: state.capabilities,
        dispositions: state.dispositions,
        skills: state.skills,
        ...over
    });
    return { el, service };
}
