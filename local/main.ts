/**
 * The local console: the real agent console (`<c-pc-console>`) built by the org's composition root (c/pcRuntime's
 * composeConsole, which chooses the simulated dialer from the settings), with only the environment swapped: a virtual
 * clock the Dialer simulator panel paces, and in-memory Salesforce data and Omni-Channel. The panels beside it and
 * the page's own start options (./startOptions, from the URL) are what is local here.
 */
import { createElement } from 'lwc';
import PcConsole from 'c/pcConsole';
import PcAttemptsHistory from 'c/pcAttemptsHistory';
import PcClickToDial from 'c/pcClickToDial';
import { VirtualClock } from 'c/pcVirtualClock';
import { PC_SKILLS, dispositionsFor } from 'c/pcSimDialer';
import type { SimulatedDialer } from 'c/pcSimDialer';
import { InMemorySalesforceGateway, seedFromRecords } from 'c/pcMemoryGateway';
import type { MemoryContact } from 'c/pcMemoryGateway';
import { nanpAreaRegions } from 'c/pcZones';
import { phoneRegion } from 'c/pcPhone';
import type { ConsoleService } from 'c/pcService';
import { browserDeps, composeConsole } from 'c/pcRuntime';
import type { RuntimeDeps, Simulation } from 'c/pcRuntime';
import type { SalesforceGateway } from 'c/pcSalesforcePort';
import { LocalOrg } from './localOrg';
import { DEFAULT_SETTINGS } from 'c/pcModel';
import type { AttemptsHistory, ConsoleApi, Instant } from 'c/pcModel';
import { DIALER_EVENT_NAMES } from 'c/pcDialerPort';
import type { DialerEventName } from 'c/pcDialerPort';
import SimulatorPanel from './lwc/local/simulatorPanel/simulatorPanel';
import BenchFloor from './lwc/local/benchFloor/benchFloor';
import { countGatewayCalls } from './countingGateway';
import type { CallCounts } from './countingGateway';
import type { NamedId, SimDisposition, SimOutcome, SimSpeed, SimulatorDriver, SimulatorView } from './simulator';
import { queryFor, readStartOptions } from './startOptions';
import type { StartOptions } from './startOptions';
import { cxoneControlFrom, cxoneFakeFrom, mountCxoneConsole } from './cxoneMode';
import CxonePanel from './lwc/local/cxonePanel/cxonePanel';
import OmniPanel from './lwc/local/omniPanel/omniPanel';
import { InMemoryOmniChannel } from './memoryOmni';
import { presenceModeFrom } from './omni';
import type { OmniPanelDriver } from './omni';

/** The agent's time zone in the local console: the clock and the reschedule form default to it. */
const AGENT_TIME_ZONE = 'America/New_York';

/** The benchmark's view into the page: when the dialer emitted its last events (performance.now()). */
export interface BenchHook {
    /** Called synchronously at each dialer event, before the service sees it; null when not measuring. */
    onDialerEvent: ((type: DialerEventName, payload: unknown, at: number) => void) | null;
    /** Moves the virtual clock (what Advance does, without a click in the timing loop). */
    advance(ms: number): void;
    /** The console service, so the benchmark can answer calls and wrap up between samples. */
    service(): ConsoleApi;
    /** Mounts an Attempts History (destinations and Attempt Report) into host, as the screen pop shows it. */
    mountAttemptsHistory(host: HTMLElement, history: AttemptsHistory, now: Instant): HTMLElement;
    /** Mounts the platform floor: a bare component whose `status` text the benchmark changes. */
    mountFloor(host: HTMLElement): HTMLElement & { status: string };
    /** The virtual now. */
    now(): Instant;
    /** Paces the virtual clock (what the panel's speed control does). */
    setSpeed(speed: SimSpeed): void;
    /** Gateway calls (Apex requests in an org) by method since this console started. */
    gatewayCalls(): CallCounts;
}

declare global {
    interface Window {
        /** Set once the console is mounted; `bench` is for `npm run bench` only, never for the tests. */
        __pcLocal?: { ready: boolean; bench: BenchHook | null };
    }
}

/** The simulated tenant's Personal Connection skills, which per-skill wrap-up limits name (WU-1). */
const SKILL_CHOICES: readonly NamedId[] = PC_SKILLS.map((k) => ({ id: k.id, label: k.name }));

/** Every disposition of those skills, once each, for the default disposition and notes-required (WU-1). */
const DISPOSITION_CHOICES: readonly SimDisposition[] = [
    ...new Map(
        PC_SKILLS.flatMap((k) => dispositionsFor(k.id) ?? []).map((d) => [
            d.id,
            { id: d.id, label: d.label, dialerRequiresNotes: d.requiresNotes }
        ])
    ).values()
];

/** The record the console shows: the preview's, else the first call's. */
function shownRecordId(world: World): string | null {
    const state = world.service.getState();
    return state.preview?.preview.record.id ?? state.calls[0]?.call.record.id ?? null;
}

/** That record's phone numbers, for the panel's Do Not Call control. */
function destinationsOf(world: World): readonly NamedId[] {
    const recordId = shownRecordId(world);
    const history = recordId ? world.dialer.control.attemptsHistory(recordId) : null;
    return (history?.destinations ?? [])
        .filter((d) => d.kind === 'Phone')
        .map((d) => ({
            id: d.id,
            label: `${d.description} ${d.value}${d.unavailableReason === 'DNC' ? ' (DNC)' : ''}`
        }));
}

/**
 * An in-memory Contact with the mailing country and state an org's Contact would hold, taken from the record's
 * first number, so the rules' place fields (CP-1, set in the simulator panel) have something to read: a contact
 * whose PhoneNumber is in Florida lives there, whatever its other numbers' area codes say.
 */
function withMailingAddress(contact: MemoryContact, dialer: SimulatedDialer): MemoryContact {
    const history = contact.dialerRecordId ? dialer.control.attemptsHistory(contact.dialerRecordId) : null;
    const first = history?.destinations.find((d) => d.kind === 'Phone')?.value ?? null;
    const country = phoneRegion(first);
    const areaCode = /^\+1(\d{3})/.exec(first ?? '')?.[1];
    const regions = areaCode ? nanpAreaRegions(areaCode) : [];
    const state = regions.length === 1 && regions[0]?.startsWith(`${country}-`) ? regions[0].slice(3) : null;
    return { ...contact, fields: { ...contact.fields, MailingCountry: country, MailingState: state } };
}

/** One simulated world: clock, dialer, Salesforce data, service and the mounted console. */
interface World {
    readonly options: StartOptions;
    readonly clock: VirtualClock;
    readonly dialer: SimulatedDialer;
    readonly service: ConsoleService;
    /** Omni-Channel in memory, kept in step by the console as in an org's Aura wrapper (WU-5). */
    readonly omni: InMemoryOmniChannel;
    readonly gatewayCalls: () => CallCounts;
    readonly element: HTMLElement;
    readonly dispose: () => void;
}

/**
 * The in-memory Contact record page (WU-4): the first contact of the calling list with numbers, and the
 * click-to-dial component an org puts on the Contact page, here handed the console's service directly.
 */
function mountContactPage(
    dialer: SimulatedDialer,
    contacts: readonly { readonly id: string; readonly name: string; readonly dialerRecordId: string | null }[],
    service: ConsoleService
): HTMLElement | null {
    const host = document.getElementById('contact');
    if (!host) return null;
    for (const contact of contacts) {
        const history = contact.dialerRecordId ? dialer.control.attemptsHistory(contact.dialerRecordId) : null;
        const numbers = (history?.destinations ?? [])
            .filter((d) => d.kind === 'Phone')
            .map((d) => ({ label: d.description, number: d.value }));
        if (!numbers.length) continue;
        const page = document.createElement('div');
        page.className = 'slds-box slds-theme_default';
        const heading = document.createElement('h2');
        heading.className = 'slds-text-heading_small slds-m-bottom_x-small';
        heading.textContent = contact.name;
        const dial = createElement('c-pc-click-to-dial', { is: PcClickToDial });
        Object.assign(dial, { numbers, contactId: contact.id, service });
        page.append(heading, dial);
        host.appendChild(page);
        return page;
    }
    return null;
}

/**
 * The local environment of the composition root an org uses: this in-memory org, the virtual clock the simulator
 * panel paces, and no sharing between tabs (the panel drives this tab's dialer, which a mirroring tab would lack).
 */
function localDeps(gateway: SalesforceGateway, simulation: Simulation): RuntimeDeps {
    return { ...browserDeps(gateway), shareAcrossTabs: undefined, simulation };
}

function createWorld(options: StartOptions, host: HTMLElement, bench: BenchHook, notifySoon: () => void): World {
    const s = options.settings;
    const clock = new VirtualClock({ startAt: options.startAt });
    const settings = {
        ...DEFAULT_SETTINGS,
        linesPerAgent: s.lines,
        previewEnabled: s.preview,
        rescheduleEnabled: s.reschedule,
        screenPopsEnabled: s.screenPops,
        attemptsHistoryEnabled: s.attemptsHistory,
        // LC-2: rule sets, the contact's place fields, deliver-to and wrap-up, read by the service as an org's are.
        ...s.admin,
        presenceMode: presenceModeFrom(window.location.search) ?? DEFAULT_SETTINGS.presenceMode
    };
    const org = new LocalOrg();
    const counted = countGatewayCalls(org);
    // Omni-Channel in memory, handed to the root as an org's Aura wrapper hands over the toolkit (WU-5).
    const omni = new InMemoryOmniChannel();
    // Commands confirm at once: at speed Paused a dialer latency would wait for the next Advance.
    const { service, simulator } = composeConsole(
        settings,
        { omniToolkit: omni },
        localDeps(counted.gateway, { clock, seed: options.seed, latencyMs: 0 })
    );
    if (!simulator) throw new Error('the local console runs on the simulated dialer');
    const dialer = simulator;
    // Subscribed before the service (which listens once started), so the benchmark's timestamp is taken when the
    // dialer emits. The panel refresh waits for a task, so it never runs between a dialer event and the render.
    const offs = DIALER_EVENT_NAMES.map((type) =>
        dialer.on(type, (payload: unknown) => {
            bench.onDialerEvent?.(type, payload, performance.now());
            notifySoon();
        })
    );
    const seeded = seedFromRecords(dialer.control.records(), options.seed, clock.now());
    const contacts = seeded.contacts.map((c) => withMailingAddress(c, dialer));
    org.fill(new InMemorySalesforceGateway({ contacts, interactions: seeded.interactions, settings }));
    offs.push(omni.control.watch(notifySoon));
    const element = createElement('c-pc-console', { is: PcConsole });
    Object.assign(element, { service });
    host.appendChild(element);
    const contactPage = mountContactPage(dialer, contacts, service);
    offs.push(clock.onAdvance(notifySoon));
    // A command the dialer failed on purpose emits no dialer event; the panel's "Fail next command" must still
    // show that its failure was used, so the panel also follows the console's own state.
    offs.push(service.subscribe(notifySoon));
    clock.setSpeed(options.speed);
    if (options.skill) {
        const skill = options.skill;
        // Once connected with the skills loaded, log in as the agent would from the skill panel; once.
        const off = service.subscribe((state) => {
            if (state.connection.status !== 'Connected' || !state.skills.some((k) => k.id === skill)) return;
            off();
            // After this snapshot is delivered: a command sent from inside a listener would race the commit.
            setTimeout(() => void service.loginToSkill(skill), 0);
        });
        offs.push(off);
    }
    return {
        options,
        clock,
        dialer,
        service,
        omni,
        gatewayCalls: counted.counts,
        element,
        dispose: () => {
            clock.setSpeed(0);
            offs.forEach((off) => off());
            void service.stop();
            element.remove();
            contactPage?.remove();
        }
    };
}

/** The in-memory Omni-Channel's panel (WU-5), below the simulator; it follows the current console's Omni-Channel. */
function mountOmniPanel(host: HTMLElement, current: () => World, subscribe: OmniPanelDriver['subscribe']): void {
    const driver: OmniPanelDriver = {
        view() {
            const w = current();
            const v = w.omni.control.view();
            return {
                status: v.status?.developerName ?? null,
                statusLabel: v.status?.label ?? '',
                statuses: v.statuses.map((s) => ({ apiName: s.developerName, label: s.label })),
                mode: w.service.getState().settings.presenceMode,
                failNext: v.failNext
            };
        },
        subscribe,
        agentSets: (apiName) => current().omni.control.agentSets(apiName),
        failNext: () => current().omni.control.failNext(),
        setMode(mode) {
            // A settings change: the console starts again with it, as after the simulator's Apply settings.
            const params = new URLSearchParams(window.location.search);
            params.set('presence', mode);
            window.location.search = params.toString();
        }
    };
    const panel = createElement('local-omni-panel', { is: OmniPanel });
    Object.assign(panel, { driver });
    host.appendChild(panel);
}

function main(): void {
    const consoleHost = document.getElementById('console');
    const simulatorHost = document.getElementById('simulator');
    if (!consoleHost || !simulatorHost) throw new Error('local/index.html lacks #console or #simulator');
    const cxone = cxoneFakeFrom(window.location.search);
    if (cxone) {
        // The CXone mode: the real adapter against the fake, whose control route the CXone panel drives.
        const control = cxoneControlFrom(window.location.search);
        if (control) {
            const panel = createElement('local-cxone-panel', { is: CxonePanel });
            Object.assign(panel, { controlUri: control });
            simulatorHost.appendChild(panel);
        } else {
            simulatorHost.hidden = true;
        }
        void mountCxoneConsole(cxone, consoleHost).then(() => {
            window.__pcLocal = { ready: true, bench: null };
        });
        return;
    }
    const listeners = new Set<() => void>();
    const notify = (): void => listeners.forEach((listener) => listener());
    let notifyPending = false;
    const notifySoon = (): void => {
        if (notifyPending) return;
        notifyPending = true;
        setTimeout(() => {
            notifyPending = false;
            notify();
        }, 0);
    };
    const bench: BenchHook = {
        onDialerEvent: null,
        advance: (ms) => world.dialer.control.advance(ms),
        service: () => world.service,
        mountAttemptsHistory: (host, history, now) => {
            const element = createElement('c-pc-attempts-history', { is: PcAttemptsHistory });
            Object.assign(element, { history, now, showDestinations: true, timeZone: AGENT_TIME_ZONE });
            host.appendChild(element);
            return element;
        },
        mountFloor: (host) => {
            const element = createElement('local-bench-floor', { is: BenchFloor });
            host.appendChild(element);
            return element as HTMLElement & { status: string };
        },
        now: () => world.clock.now(),
        setSpeed: (speed) => driver.setSpeed(speed),
        gatewayCalls: () => world.gatewayCalls()
    };
    let applied: SimOutcome | null = null;
    let world = createWorld(readStartOptions(window.location.search), consoleHost, bench, notifySoon);

    const driver: SimulatorDriver = {
        view(): SimulatorView {
            const v = world.dialer.control.view();
            return {
                now: v.now,
                timeZone: AGENT_TIME_ZONE,
                speed: world.options.speed,
                latencyMs: v.latencyMs,
                previewTimeoutSeconds: v.previewTimeoutSeconds,
                previewTimeoutAction: v.previewTimeoutAction,
                failNext: v.failNext,
                forced: v.forced,
                applied: v.forced ? null : applied,
                settings: world.options.settings,
                nextCallbackAt: v.nextCallbackAt,
                skills: SKILL_CHOICES,
                dispositions: DISPOSITION_CHOICES,
                destinations: destinationsOf(world)
            };
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        forceOutcome(outcome) {
            world.dialer.control.forceNextOutcome(outcome);
            // The dialer uses a forced outcome at once when a dial is still undecided; say so in the panel.
            applied = world.dialer.control.view().forced === null ? outcome : null;
            notify();
        },
        advance(ms) {
            world.dialer.control.advance(ms);
            notify();
        },
        advanceToNextCallback() {
            world.dialer.control.advanceToNextCallback();
            notify();
        },
        setSpeed(speed) {
            world = { ...world, options: { ...world.options, speed, skill: '' } };
            world.clock.setSpeed(speed);
            window.history.replaceState(null, '', `?${queryFor(world.options)}`);
            notify();
        },
        failNextCommand() {
            world.dialer.control.failNextCommand();
            notify();
        },
        setLatency(ms) {
            world.dialer.control.setLatency(ms);
            notify();
        },
        setPreviewTimeout(seconds, atZero) {
            world.dialer.control.setPreviewTimeout(seconds, atZero);
            notify();
        },
        markDnc(destinationId) {
            const recordId = shownRecordId(world);
            if (recordId) world.dialer.control.setDnc(recordId, destinationId);
            notify();
        },
        applySettings(settings) {
            // The service reads the admin settings once, at start, as in an org: a change starts a new console.
            const options = { ...world.options, settings, skill: '' };
            world.dispose();
            applied = null;
            world = createWorld(options, consoleHost, bench, notifySoon);
            window.history.replaceState(null, '', `?${queryFor(options)}`);
            notify();
        }
    };

    const panel = createElement('local-simulator-panel', { is: SimulatorPanel });
    Object.assign(panel, { driver });
    simulatorHost.appendChild(panel);
    mountOmniPanel(
        simulatorHost,
        () => world,
        (listener) => driver.subscribe(listener)
    );
    window.__pcLocal = { ready: true, bench };
}

main();
