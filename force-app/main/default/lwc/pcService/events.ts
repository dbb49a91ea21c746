/** Which slice reduces which dialer event: the one place the service subscribes to the adapter. */
import type { DialerAdapter, DialerSignIn } from 'c/pcDialerPort';
import type { Unsubscribe } from 'c/pcModel';
import type { Agent } from './agent';
import type { Calls } from './calls';
import type { Errors } from './errors';
import type { Messages } from './messages';
import type { Previews } from './preview';
import type { ScreenPops } from './screenPop';
import type { Session } from './session';
import type { Store } from './store';

/** The slices that take dialer events. */
export interface EventSlices {
    readonly store: Store;
    readonly session: Session;
    readonly agent: Agent;
    readonly preview: Previews;
    readonly calls: Calls;
    readonly pop: ScreenPops;
    readonly messages: Messages;
    readonly errors: Errors;
}

/** Subscribes the slices to the adapter's events (and the sign-in's changes); returns the unsubscribes. */
export function listen(a: DialerAdapter, signIn: DialerSignIn | null, s: EventSlices): Unsubscribe[] {
    const { store, errors } = s;
    const offs = [
        a.on('agentState', (e) => s.agent.onAgentState(e)),
        a.on('skills', (e) => store.commit({ skills: e })),
        a.on('previewOffered', (e) => s.preview.onOffered(e)),
        a.on('previewClosed', (e) => s.preview.onClosed(e.previewId, e.reason === 'Accepted')),
        a.on('callUpdated', (e) => s.calls.onUpdated(e)),
        a.on('callRouted', (e) => s.calls.onRouted(e)),
        a.on('callRemoved', (e) => s.calls.onRemoved(e.callId)),
        a.on('agentMessage', (e) => s.messages.onAgentMessage(e)),
        a.on('callbackDue', (e) => {
            if (s.messages.onCallbackDue(e)) s.calls.checkCallback(e);
        }),
        a.on('attemptsUpdated', (e) => s.pop.onAttemptsUpdated(e)),
        a.on('connection', (e) => store.commit({ connection: e })),
        a.on('error', (e) => store.commit({ errors: errors.add(errors.of(e, null)) }))
    ];
    if (typeof a.setCallbackGate === 'function') {
        a.setCallbackGate((callback) => s.calls.gateCallback(callback));
        offs.push(() => a.setCallbackGate?.(null));
    }
    if (signIn) offs.push(signIn.onChange((required) => s.session.onSignInChange(required)));
    return offs;
}
