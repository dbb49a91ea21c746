/**
 * The Dialer simulator panel of the local console's CXone mode: forces the next dial's outcome, sends a raw
 * dialer event, one of the hostile payloads, or one of the fake's faults to the CXone fake's control route. Each lands in the fake's next poll
 * answer, so the real adapter meets it at its boundary. Local-only: never part of the deployable bundles.
 */
import { LightningElement, api } from 'lwc';

interface Catalog {
    readonly hostile: readonly string[];
    readonly faults: readonly string[];
    readonly outcomes: readonly string[];
}

function isCatalog(value: unknown): value is Catalog {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    const names = (x: unknown): boolean => Array.isArray(x) && x.every((n) => typeof n === 'string');
    return names(v.hostile) && names(v.faults) && names(v.outcomes);
}

export default class CxonePanel extends LightningElement {
    /** The fake's control route (a loopback URI). */
    @api controlUri = '';
    hostile: readonly string[] = [];
    faults: readonly string[] = [];
    outcomes: readonly string[] = [];
    status = '';
    rawError = '';
    private raw = '';
    private chosenHostile = '';
    private chosenFault = '';
    private chosenOutcome = '';

    override connectedCallback(): void {
        void this.loadCatalog();
    }

    get rawInvalid(): string {
        return this.rawError ? 'true' : 'false';
    }

    get rawClass(): string {
        return this.rawError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    private async loadCatalog(): Promise<void> {
        try {
            const body: unknown = await (await fetch(`${this.controlUri}/catalog`)).json();
            if (!isCatalog(body)) throw new Error('an unknown catalog shape');
            this.hostile = body.hostile;
            this.faults = body.faults;
            this.outcomes = body.outcomes;
            this.chosenOutcome = body.outcomes[0] ?? '';
            this.chosenHostile = body.hostile[0] ?? '';
            this.chosenFault = body.faults[0] ?? '';
        } catch (e) {
            this.status = `The CXone fake's controls did not load: ${e instanceof Error ? e.message : String(e)}`;
        }
    }

    handleRawChange(event: Event): void {
        this.raw = (event.target as HTMLTextAreaElement).value;
        this.rawError = '';
    }

    handleHostileChange(event: Event): void {
        this.chosenHostile = (event.target as HTMLSelectElement).value;
    }

    handleFaultChange(event: Event): void {
        this.chosenFault = (event.target as HTMLSelectElement).value;
    }

    handleOutcomeChange(event: Event): void {
        this.chosenOutcome = (event.target as HTMLSelectElement).value;
    }

    handleSetOutcome(): void {
        void this.post('/outcome', { name: this.chosenOutcome }, `the outcome ${this.chosenOutcome}`);
    }

    handleSendRaw(): void {
        let parsed: unknown;
        try {
            parsed = JSON.parse(this.raw);
        } catch (e) {
            this.rawError = `Not JSON: ${e instanceof Error ? e.message : String(e)}`;
            return;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            this.rawError = 'An event is a JSON object, e.g. {"Type": "AgentState"}.';
            return;
        }
        void this.post('/raw', parsed, 'the event');
    }

    handleSendHostile(): void {
        void this.post('/hostile', { name: this.chosenHostile }, `the hostile payload "${this.chosenHostile}"`);
    }

    handleInjectFault(): void {
        void this.post('/fault', { name: this.chosenFault }, `the fault ${this.chosenFault}`);
    }

    private async post(path: string, body: unknown, what: string): Promise<void> {
        this.status = `Sending ${what}…`;
        try {
            const response = await fetch(`${this.controlUri}${path}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body)
            });
            this.status = response.ok
                ? `Queued ${what} for the next poll answer.`
                : `The fake refused ${what} (HTTP ${response.status}).`;
        } catch {
            this.status = `The CXone fake did not answer; ${what} was not sent. Try again.`;
        }
    }
}
