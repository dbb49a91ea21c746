import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { DEFAULT_SETTINGS, isOutcome, recordName } from 'c/pcModel';
import type { Callability, Instant, Interaction, ScreenPop, Settings } from 'c/pcModel';
import { LABELS, OUTCOME_LABELS } from 'c/pcLabels';
import { formatDateTime } from 'c/pcFormat';

interface InteractionRow {
    id: string;
    when: string;
    subject: string;
    outcome: string;
    notes: string;
}

type PopTab = 'contact-history' | 'attempts' | 'attempts-history';

interface TabView {
    value: PopTab;
    label: string;
    tabId: string;
    tabIndex: string;
    selected: string;
    itemClass: string;
}

const NO_INTERACTIONS: readonly Interaction[] = Object.freeze([]);

/** The screen pop: Value one / Value two, then Contact History, Attempts and Attempts History tabs (CL-2, SP-1 .. SP-5). */
export default class PcScreenPop extends NavigationMixin(LightningElement) {
    /** The screen pop the service built for the current call or preview. */
    @api screenPop: ScreenPop | null = null;
    /** Admin settings: whether Attempts History is on (SP-2). */
    @api settings: Settings = DEFAULT_SETTINGS;
    /**
     * Only the basic information every AMD gets (name, Value one / Value two), without the panel of Contact History,
     * Attempts and Attempts History tabs, which opens on answer where the admin configured screen pops (AD-5).
     */
    @api basicOnly = false;
    /** The console's clock, for "Now". */
    @api now: Instant = 0;
    /** The zone dates are shown in; the browser's when not given. */
    @api timeZone: string | undefined;
    /** Attempts History's Callable per destination at an instant, from the console's service (CP-4). */
    @api callability: ((now: Instant) => Callability | null) | null = null;
    /** The console's clock, so Callable follows the time between snapshots. */
    @api clock: (() => Instant) | null = null;

    labels = LABELS;
    /** The tab the agent chose; falls back to Contact History when that tab is not offered. */
    selectedTab: PopTab = 'contact-history';
    private focusTab: PopTab | null = null;

    override renderedCallback(): void {
        if (!this.focusTab) return;
        const link = this.template?.querySelector(`a[data-value="${this.focusTab}"]`) as HTMLElement | null;
        this.focusTab = null;
        link?.focus();
    }

    get detailed(): boolean {
        return !this.basicOnly;
    }

    // Contact History rows for the last interactions and zone; filled in place (LWC tracks the field's assignment,
    // not its contents), so a render that changes nothing here gives LWC the same array.
    private readonly interactionCache: {
        history?: readonly Interaction[];
        timeZone?: string;
        rows: InteractionRow[];
    } = { rows: [] };

    get hasPop(): boolean {
        return Boolean(this.screenPop);
    }

    get values(): { key: string; label: string; value: string }[] {
        const pop = this.screenPop;
        if (!pop) return [];
        return [
            { key: 'one', label: pop.valueOne.label, value: pop.valueOne.value },
            { key: 'two', label: pop.valueTwo.label, value: pop.valueTwo.value }
        ];
    }

    get name(): string {
        const pop = this.screenPop;
        if (!pop) return '';
        return pop.contact?.name || recordName(pop.record);
    }

    get loading(): boolean {
        return Boolean(this.screenPop?.loading);
    }

    get hasContact(): boolean {
        return Boolean(this.screenPop?.contact);
    }

    get contactRows(): { key: string; label: string; value: string }[] {
        const c = this.screenPop?.contact;
        if (!c) return [];
        const rows: [string, string, string | null][] = [
            ['name', LABELS.popName, c.name],
            ['phone', LABELS.popPhone, c.phone],
            ['email', LABELS.popEmail, c.email],
            ['account', LABELS.popAccount, c.accountName],
            ['title', LABELS.popTitle, c.title],
            ['city', LABELS.popCity, c.mailingCity]
        ];
        return rows.filter(([, , v]) => v).map(([key, label, value]) => ({ key, label, value: value ?? '' }));
    }

    get interactions(): InteractionRow[] {
        const history = this.screenPop?.history ?? NO_INTERACTIONS;
        const cache = this.interactionCache;
        if (cache.history !== history || cache.timeZone !== this.timeZone) {
            cache.rows = history.map((i) => ({
                id: i.id,
                when: formatDateTime(i.at, this.timeZone),
                subject: i.subject,
                // Logged attempts store the dialer's outcome code (AnsweringMachine); agents read its label.
                outcome: isOutcome(i.outcome) ? OUTCOME_LABELS[i.outcome] : (i.outcome ?? ''),
                notes: i.notes ?? ''
            }));
            cache.history = history;
            cache.timeZone = this.timeZone;
        }
        return cache.rows;
    }

    get hasInteractions(): boolean {
        return this.interactions.length > 0;
    }

    get history() {
        return this.screenPop?.attemptsHistory ?? null;
    }

    get showAttemptsHistory(): boolean {
        return Boolean(this.history) && this.settings.attemptsHistoryEnabled !== false;
    }

    get activeTab(): PopTab {
        return this.selectedTab === 'attempts-history' && !this.showAttemptsHistory
            ? 'contact-history'
            : this.selectedTab;
    }

    get tabs(): TabView[] {
        const offered: [PopTab, string][] = [
            ['contact-history', LABELS.tabContactHistory],
            ['attempts', LABELS.tabAttempts]
        ];
        if (this.showAttemptsHistory) offered.push(['attempts-history', LABELS.tabAttemptsHistory]);
        const active = this.activeTab;
        return offered.map(([value, label]) => ({
            value,
            label,
            tabId: `pc-pop-tab-${value}`,
            // Roving tabindex: Tab reaches the chosen tab, the arrow keys the others (SLDS tabs).
            tabIndex: value === active ? '0' : '-1',
            selected: String(value === active),
            itemClass: `slds-tabs_default__item${value === active ? ' slds-is-active' : ''}`
        }));
    }

    get activeTabId(): string {
        return `pc-pop-tab-${this.activeTab}`;
    }

    get contactHistoryActive(): boolean {
        return this.activeTab === 'contact-history';
    }

    get attemptsActive(): boolean {
        return this.activeTab === 'attempts';
    }

    get attemptsHistoryActive(): boolean {
        return this.activeTab === 'attempts-history';
    }

    handleTab(event: Event): void {
        event.preventDefault();
        this.selectedTab = (event.currentTarget as HTMLElement).dataset.value as PopTab;
    }

    /** Left / Right (and Home / End) move between tabs and choose the one reached, as SLDS tabs do. */
    handleTabKeydown(event: KeyboardEvent): void {
        const tabs = this.tabs;
        const index = tabs.findIndex((t) => t.value === this.activeTab);
        const moves: Record<string, number> = {
            ArrowRight: index + 1,
            ArrowLeft: index - 1,
            Home: 0,
            End: tabs.length - 1
        };
        if (!(event.key in moves)) return;
        event.preventDefault();
        const next = tabs[(((moves[event.key] ?? 0) % tabs.length) + tabs.length) % tabs.length];
        if (!next) return;
        this.selectedTab = next.value;
        // Focus follows the choice once the tab list shows it (renderedCallback).
        this.focusTab = next.value;
    }

    handleOpenRecord(): void {
        const id = this.screenPop?.contact?.id;
        if (!id) return;
        // A standard record page reference opens a subtab in console apps and the record page elsewhere.
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: id, objectApiName: 'Contact', actionName: 'view' }
        });
    }
}
