// The in-page half of the shift bench (test/browser/bench-shift.mjs): functions handed to page.evaluate or
// addInitScript, so each runs in the page and uses nothing from this module's scope.

/** Installed before any page script (after bench-dom.mjs's keepNativeDom): long tasks and a quick yield. */
export function beforePage() {
    window.__longTasks = [];
    // Yields to the next task without the 4 ms clamp nested timers get, so stepping the clock stays quick.
    const channel = new MessageChannel();
    const waiting = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    window.__pcYield = () =>
        new Promise((resolve) => {
            waiting.push(resolve);
            channel.port2.postMessage(0);
        });
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
}

/** In the page: logs in, starts the scripted agent and the event->DOM sampler. */
export async function startShift() {
    const bench = window.__pcLocal.bench;
    const service = bench.service();
    const settle = window.__pcYield;
    for (let i = 0; i < 100 && service.getState().connection.status !== 'Connected'; i += 1) await settle();
    for (let i = 0; i < 100 && service.getState().skills.length === 0; i += 1) await settle();
    const startCalls = bench.gatewayCalls();
    const skill = service.getState().skills.find((s) => s.isPersonalConnection);
    if (!skill) throw new Error('no Personal Connection skill to log into');
    const login = await service.loginToSkill(skill.id);
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    const startedAt = bench.now();

    // The agent's script, in real time beside the paced clock; its own state is pruned as calls go.
    const shift = {
        startedAt,
        startCalls,
        attempts: 0,
        pops: 0,
        working: true,
        busy: new Set(),
        activeSince: new Map(),
        held: new Set()
    };
    window.__pcShift = shift;
    let lastPop = service.getState().screenPop?.forId ?? null;
    const seenEnded = new Set();
    service.subscribe((state) => {
        // A pop is one call's (or preview's): its loading and loaded snapshots count once.
        const pop = state.screenPop?.forId ?? null;
        if (pop && pop !== lastPop) shift.pops += 1;
        lastPop = pop;
        for (const v of state.calls) {
            if (v.call.status === 'Ended' && !seenEnded.has(v.call.id)) {
                seenEnded.add(v.call.id);
                shift.attempts += 1;
            }
        }
        if (seenEnded.size > 50) {
            const shown = new Set(state.calls.map((v) => v.call.id));
            for (const id of seenEnded) if (!shown.has(id)) seenEnded.delete(id);
        }
    });
    const act = (key, command) => {
        if (shift.busy.has(key)) return;
        shift.busy.add(key);
        command().finally(() => shift.busy.delete(key));
    };
    const agentStep = () => {
        const state = service.getState();
        const now = bench.now();
        const shown = new Set();
        for (const v of state.calls) {
            const id = v.call.id;
            shown.add(id);
            if (v.call.status === 'Active' || v.call.status === 'Held') {
                const since = shift.activeSince.get(id) ?? now;
                shift.activeSince.set(id, since);
                const talked = now - since;
                if (v.call.status === 'Active' && talked >= 30_000 && talked < 60_000 && !shift.held.has(id)) {
                    if (state.capabilities.hold) {
                        shift.held.add(id);
                        act(`${id}:hold`, () => service.hold(id));
                    }
                } else if (v.call.status === 'Held' && talked >= 60_000) {
                    act(`${id}:resume`, () => service.resume(id));
                } else if (v.call.status === 'Active' && talked >= 120_000) {
                    act(`${id}:end`, () => service.endCall(id));
                }
            } else if (v.call.status === 'Ended' && v.wrapUp && !v.wrapUp.saved) {
                const disposition = state.dispositions[0];
                if (disposition) act(`${id}:wrap`, () => service.saveDisposition(id, disposition.id, 'Shift bench'));
            }
        }
        for (const id of shift.activeSince.keys()) if (!shown.has(id)) shift.activeSince.delete(id);
        for (const id of shift.held) if (!shown.has(id)) shift.held.delete(id);
        if (state.agent.status === 'Unavailable' && shift.working && !shift.busy.has('available')) {
            act('available', () => service.setAvailable());
        }
    };
    shift.timer = setInterval(agentStep, 20);
    shift.agentStep = agentStep;

    window.__longTasks.length = 0;
    bench.setSpeed(600);
    return startedAt;
}

/**
 * In the page, with the clock paused: dialer event to DOM as bench-console measures it (from the dialer's emit
 * to a MutationObserver seeing the call's new status), stepping the clock 250 ms at a time while the scripted
 * agent ends answered calls at once and wraps them up. Returns the samples in ms and the steps taken.
 */
export async function sampleEvents(wanted) {
    const bench = window.__pcLocal.bench;
    const service = bench.service();
    const shift = window.__pcShift;
    bench.setSpeed(0);
    const settle = window.__pcYield;
    const native = window.__nativeDom;
    const samples = [];
    let pending = null;
    bench.onDialerEvent = (type, payload, at) => {
        if (type !== 'callUpdated' || pending) return;
        const known = service.getState().calls.find((v) => v.call.id === payload.id);
        if (!known || known.call.status === payload.status) return;
        pending = { at, status: payload.status };
    };
    const observer = native.watchStatus(
        document.getElementById('console'),
        () => pending,
        (seen, shown) => {
            samples.push(seen - shown.at);
            pending = null;
        }
    );
    let steps = 0;
    for (; samples.length < wanted && steps < wanted * 40; steps += 1) {
        pending = null;
        bench.advance(250);
        await settle();
        // As bench-console does: a live answer stops new dials while the agent talks, so while sampling the
        // agent ends it at once and the lines keep changing status.
        for (const view of service.getState().calls) {
            if (view.call.status === 'Active' || view.call.status === 'Held') await service.endCall(view.call.id);
        }
        shift.agentStep();
        await settle();
    }
    native.disconnect.call(observer);
    bench.onDialerEvent = null;
    return { samples, steps };
}

/** In the page: the agent goes Unavailable and the calls in progress finish, with the clock paused. */
export async function quiesce() {
    const bench = window.__pcLocal.bench;
    const service = bench.service();
    const shift = window.__pcShift;
    bench.setSpeed(0);
    shift.working = false;
    const settle = window.__pcYield;
    const code = service.getState().unavailableCodes[0];
    if (!code) throw new Error('no unavailable code');
    await service.setUnavailable(code.id);
    for (let i = 0; i < 2000 && (service.getState().calls.length > 0 || shift.busy.size > 0); i += 1) {
        bench.advance(15_000);
        shift.agentStep();
        await settle();
    }
    for (let i = 0; i < 20; i += 1) await settle();
    // Let frames and short timers run: components removed in the last tasks may still be held by a pending
    // animation frame or timer (a button's press animation, a deferred render), which is not a leak.
    for (let i = 0; i < 3; i += 1) await new Promise((r) => requestAnimationFrame(() => r()));
    await new Promise((r) => setTimeout(r, 300));
    return { calls: service.getState().calls.length, agent: service.getState().agent.status };
}

/** In the page: back to work at 600x. */
export async function resume() {
    const bench = window.__pcLocal.bench;
    const shift = window.__pcShift;
    shift.working = true;
    await bench.service().setAvailable();
    bench.setSpeed(600);
}
