/** The reschedule form as its suites render it: on a stub service, for an agent in New York, on the fixture preview. */
import PcRescheduleForm from 'c/pcRescheduleForm';
import type { RescheduleDraft, RescheduleValidation } from 'c/pcModel';
import { makePreviewState } from './fixtures';
import { render } from './lwc';
import { StubConsoleApi } from './recorders';

/** What the form's service offers: the draft it starts from and the validation it answers. */
export interface FormOptions<S extends StubConsoleApi> {
    /** The stub (default a plain one); a suite may pass one whose validation is the real one. */
    readonly service?: S;
    readonly draft?: RescheduleDraft | null;
    readonly validation?: RescheduleValidation;
}

/** Renders the form; returns it and the stub that records what reached the service. */
export async function renderRescheduleForm<S extends StubConsoleApi = StubConsoleApi>(
    options: FormOptions<S> = {}
): Promise<{ el: HTMLElement; service: S }> {
    const service = options.service ?? (new StubConsoleApi() as S);
    if (options.draft !== undefined) service.draft = options.draft;
    if (options.validation) service.validation = options.validation;
    const el = await render<HTMLElement>('c-pc-reschedule-form', PcRescheduleForm, {
        preview: makePreviewState(),
        capabilities: service.state.capabilities,
        clock: () => service.state.now,
        service,
        agentTimeZone: 'America/New_York'
    });
    return { el, service };
}
