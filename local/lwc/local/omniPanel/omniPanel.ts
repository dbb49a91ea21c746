/**
 * The local console's Omni-Channel panel (WU-5): the in-memory Omni-Channel the console keeps in step, as the
 * agent's Omni-Channel utility would show and change it. Local-only: it is never part of the deployable bundles.
 */
import { LightningElement, api } from 'lwc';
import { isPresenceMode } from 'c/pcModel';
import type { OmniPanelDriver, OmniPanelView } from '../../../omni';
import { PRESENCE_MODES } from '../../../omni';

/** The option value standing for "logged out of Omni-Channel". */
const OFFLINE = '';

export default class OmniPanel extends LightningElement {
    private currentDriver: OmniPanelDriver | null = null;
    private unsubscribe: (() => void) | null = null;
    view: OmniPanelView | null = null;

    /** The in-memory Omni-Channel this panel shows. */
    @api
    get driver(): OmniPanelDriver | null {
        return this.currentDriver;
    }
    set driver(value: OmniPanelDriver | null) {
        this.unsubscribe?.();
        this.unsubscribe = null;
        this.currentDriver = value;
        this.view = value ? value.view() : null;
        if (value && this.isConnected) this.listen();
    }

    override connectedCallback(): void {
        this.listen();
    }

    override disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = null;
    }

    private listen(): void {
        const driver = this.currentDriver;
        if (!driver || this.unsubscribe) return;
        this.unsubscribe = driver.subscribe(() => {
            this.view = driver.view();
        });
        this.view = driver.view();
    }

    get statusText(): string {
        return this.view?.status ? this.view.statusLabel : 'Offline';
    }

    get statusOptions(): { value: string; label: string; selected: boolean }[] {
        const current = this.view?.status ?? OFFLINE;
        return [
            { value: OFFLINE, label: 'Offline', selected: current === OFFLINE },
            ...(this.view?.statuses ?? []).map((s) => ({
                value: s.apiName,
                label: s.label,
                selected: s.apiName === current
            }))
        ];
    }

    get modeOptions(): { value: string; label: string; selected: boolean }[] {
        return PRESENCE_MODES.map((m) => ({ ...m, selected: m.value === this.view?.mode }));
    }

    get failNextText(): string {
        return this.view?.failNext ? 'The next Omni-Channel change will fail.' : '';
    }

    handleStatus(event: Event): void {
        const value = (event.target as HTMLSelectElement).value;
        this.currentDriver?.agentSets(value === OFFLINE ? null : value);
    }

    handleMode(event: Event): void {
        const value = (event.target as HTMLSelectElement).value;
        if (isPresenceMode(value)) this.currentDriver?.setMode(value);
    }

    handleFailNext(): void {
        this.currentDriver?.failNext();
    }
}
