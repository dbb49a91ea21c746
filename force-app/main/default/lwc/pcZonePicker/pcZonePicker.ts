import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/pcLabels';
import { searchZones, zoneOption, zoneOptions } from 'c/pcZones';
import type { ZoneOption } from 'c/pcZones';

/** How many matches the list renders: all of the runtime's (about 420) zones, typing narrows them. */
const MAX_SHOWN = 600;

interface ShownZone extends ZoneOption {
    readonly id: string;
    readonly className: string;
    readonly selectedText: string;
}

/**
 * A searchable time-zone combobox (RS-6), SLDS blueprint markup: lightning-combobox cannot be searched by typing.
 * The list overlays the form; arrows move, Enter picks, Escape closes. Fires `change` with `detail.value`: the
 * IANA zone picked, or the text typed when it names no zone (the form then says so beside the field).
 */
export default class PcZonePicker extends LightningElement {
    /** The field's label. */
    @api label = '';
    /** The IANA zone chosen, or what the agent typed that names none. */
    @api value = '';
    /** The message beside the field; it is the field's accessible description. */
    @api error = '';
    /** The instant the offsets are shown for (the console's now). */
    @api at: number = Date.now();

    placeholder = LABELS.reschedZonePlaceholder;
    query: string | null = null;
    open = false;
    active = 0;

    /** Moves focus to the search field (the form sends the agent to the first field with an error). */
    @api focus(): void {
        (this.template?.querySelector('input') as HTMLInputElement | null)?.focus();
    }

    private get options(): readonly ZoneOption[] {
        return zoneOptions(this.at);
    }

    private get matches(): readonly ZoneOption[] {
        return this.query === null ? this.options : searchZones(this.options, this.query);
    }

    /** The chosen zone's label while not searching; what was typed while searching. */
    get text(): string {
        if (this.query !== null) return this.query;
        // One label, not the whole list: the list is built only once the agent opens it.
        return labelOf(this.value, this.at);
    }

    get shown(): ShownZone[] {
        if (!this.open) return [];
        return this.matches.slice(0, MAX_SHOWN).map((o, i) => ({
            ...o,
            id: `pc-zone-opt-${i}`,
            selectedText: o.value === this.value ? 'true' : 'false',
            className: `slds-media slds-listbox__option slds-listbox__option_plain slds-media_small${
                i === this.active ? ' slds-has-focus' : ''
            }`
        }));
    }

    get activeId(): string | undefined {
        return this.open && this.matches.length ? `pc-zone-opt-${this.active}` : undefined;
    }
    get expandedText(): string {
        return this.open ? 'true' : 'false';
    }
    get invalidText(): string {
        return this.error ? 'true' : 'false';
    }
    get elementClass(): string {
        return this.error ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }
    get comboClass(): string {
        return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.open ? ' slds-is-open' : ''}`;
    }
    get matchText(): string {
        if (!this.open || this.query === null) return '';
        const count = this.matches.length;
        return count
            ? formatLabel(LABELS.reschedZoneCount, [count])
            : formatLabel(LABELS.reschedZoneNoMatch, [this.query]);
    }

    handleFocus(): void {
        this.open = true;
        const index = this.matches.findIndex((o) => o.value === this.value);
        this.active = Math.max(0, Math.min(index, MAX_SHOWN - 1));
    }

    handleInput(event: Event): void {
        this.query = (event.target as HTMLInputElement).value;
        this.open = true;
        this.active = 0;
    }

    handleKeyDown(event: KeyboardEvent): void {
        const count = Math.min(this.matches.length, MAX_SHOWN);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!this.open) {
                this.open = true;
                return;
            }
            if (!count) return;
            const step = event.key === 'ArrowDown' ? 1 : -1;
            this.active = (this.active + step + count) % count;
            this.scrollActive();
        } else if (event.key === 'Enter') {
            if (!this.open) return;
            event.preventDefault();
            const pick = this.matches[this.active];
            if (pick) this.choose(pick.value);
        } else if (event.key === 'Escape') {
            if (this.open) {
                // Escape closes the list only; the form around stays open.
                event.stopPropagation();
                this.open = false;
            }
        }
    }

    handleBlur(): void {
        this.open = false;
        if (this.query === null) return;
        const typed = this.query.trim();
        // What was typed stays: an exact name or the only match is taken, anything else goes to the form as typed.
        const exact = this.options.find((o) => o.value.toLowerCase() === typed.toLowerCase() || o.label === typed);
        const only = this.matches.length === 1 ? this.matches[0] : undefined;
        const pick = exact ?? only;
        if (pick) this.choose(pick.value);
        else this.emit(typed);
    }

    handlePick(event: MouseEvent): void {
        // mousedown, not click: a click would blur the input first and close the list under the pointer.
        event.preventDefault();
        const value = (event.currentTarget as HTMLElement).dataset.value;
        if (value) this.choose(value);
    }

    private choose(value: string): void {
        this.query = null;
        this.open = false;
        this.emit(value);
    }

    private emit(value: string): void {
        this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    }

    private scrollActive(): void {
        Promise.resolve()
            .then(() => {
                const el = this.template?.querySelector('.slds-has-focus') as HTMLElement | null;
                el?.scrollIntoView?.({ block: 'nearest' });
            })
            .catch(() => undefined);
    }
}

/** The zone's label when the runtime knows the zone; what was typed, unchanged, when it does not. */
function labelOf(value: string, at: number): string {
    if (!value) return '';
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: value }).format(at);
    } catch {
        return value;
    }
    return zoneOption(value, at).label;
}
