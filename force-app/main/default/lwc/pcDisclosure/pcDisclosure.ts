import { LightningElement, api } from 'lwc';

/**
 * A disclosure (WAI-ARIA pattern; SLDS expandable section's toggle): a button named by its label, with
 * aria-expanded, that shows or hides what is slotted below it. Closed until the agent opens it (UB-6: technical
 * detail stays behind "Details").
 */
export default class PcDisclosure extends LightningElement {
    /** The toggle's visible text and accessible name. */
    @api label = '';
    /** Open at first; the agent's toggling wins after that. */
    @api
    get open(): boolean {
        return this.expanded;
    }
    set open(value: boolean) {
        this.expanded = Boolean(value);
    }

    expanded = false;

    get expandedText(): string {
        return this.expanded ? 'true' : 'false';
    }

    get collapsed(): boolean {
        return !this.expanded;
    }

    get iconName(): string {
        return this.expanded ? 'utility:chevrondown' : 'utility:chevronright';
    }

    handleToggle(): void {
        this.expanded = !this.expanded;
    }
}
