import { LightningElement, api } from 'lwc';

/** One choice of the group: what it says and the value it stands for. */
export interface RadioOption {
    label: string;
    value: string;
}

/** Numbers the groups of the page: under synthetic shadow every radio shares one document, so each group needs its own name. */
let groups = 0;

/**
 * An SLDS radio group (or, with `type="button"`, a radio button group) named by its legend, whose native radios lie
 * over their labels: a pointer, a screen reader or a test finds each radio where it is drawn (BX-4). Like
 * lightning-radio-group it fires `change` with `detail.value`.
 */
export default class PcRadioGroup extends LightningElement {
    /** The group's name, its legend. */
    @api label = '';
    /** The choices, in order. */
    @api options: readonly RadioOption[] = [];
    /** `radio` (default) or `button`, the SLDS radio button group. */
    @api type = 'radio';

    private checkedValue = '';
    private readonly groupName = `pc-radio-group-${(groups += 1)}`;

    /** The value of the checked choice. */
    @api
    get value(): string {
        return this.checkedValue;
    }
    set value(value: string) {
        this.checkedValue = value ?? '';
    }

    get isButton(): boolean {
        return this.type === 'button';
    }

    get choices(): { id: string; label: string; value: string; checked: boolean }[] {
        return (this.options ?? []).map((o, i) => ({
            id: `${this.groupName}-${i}`,
            label: o.label,
            value: o.value,
            checked: o.value === this.checkedValue
        }));
    }

    /** Focuses the checked choice, or the first, as arrow keys then move within the group. */
    @api
    focus(): void {
        const radios = [...(this.template?.querySelectorAll<HTMLInputElement>('input') ?? [])];
        (radios.find((r) => r.checked) ?? radios[0])?.focus();
    }

    handleChange(event: Event): void {
        event.stopPropagation();
        this.checkedValue = (event.currentTarget as HTMLInputElement).value;
        this.dispatchEvent(new CustomEvent('change', { detail: { value: this.checkedValue } }));
    }
}
