/**
 * The Dialer simulator panel of the local console's CXone mode: forces the next dial's outcome, sends a raw
 * dialer event, one of the hostile payloads, or one of the fake's faults to the CXone fake's control route. Each lands in the fake's next poll
 * answer, so the real adapter meets it at its boundary. The dialer clock (Paused, 1x, 10x, 60x, Advance) paces
 * the fake's own timers only: the console runs on the browser's clock as in an org, and a dialer whose reported
 * times ran ahead of or behind that clock would show the agent durations no org can produce.
 * Local-only: never part of the deployable bundles.
 */
import { LightningElement, api } from 'lwc';

interface Catalog {
    readonly hostile: readonly string[];
    readonly faults: readonly string[];
    readonly outcomes: readonly string[];
    readonly speeds: readonly number[];
    readonly speed: number;
}

/** A speed radio of the dialer clock. */
interface SpeedOption {
    readonly value: string;
    readonly label: string;
    readonly checked: boolean;
    readonly id: string;
}

function isCatalog(value: unknown): value is Catalog {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    const names = (x: unknown): boolean => Array.isArray(x) && x.every((n) => typeof n === 'string');
    const speeds = Array.isArray(v.speeds) && v.speeds.every((n) => typeof n === 'number');
    return names(v.hostile) && names(v.faults) && names(v.outcomes) && speeds && typeof v.speed === 'number';
}

export default class CxonePanel extends LightningElement {
    /** The fake's control route (a loopback URI). */
    @api controlUri = '';
    hostile: readonly string[] = [];
    faults: readonly string[] = [];
    outcomes: readonly string[] = [];
    private speedValues: readonly number[] = [];
    private speed = 1;
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
            this.speedValues = body.speeds;
            this.speed = body.speed;
            this.chosenOutcome = body.outcomes[0] ?? '';
            this.chosenHostile = body.hostile[0] ?? '';
            this.chosenFault = body.faults[0] ?? '';
        } catch (e) {
            this.status = `The CXone fake's controls did not load: ${e instanceof Error ? e.message : String(e)}`;
        }
    }

    get speeds(): SpeedOption[] {
        return this.speedValues.map((value) => ({
            value: String(value),
            label: value === 0 ? 'Paused' : `${value}x`,
            checked: value === this.speed,
            id: `cxone-speed-${value}`
        }));
    }

    handleSpeed(event: Event): void {
        const speed = Number((event.target as HTMLInputElement).value);
        const label = speed === 0 ? 'Paused' : `${speed}x`;
        // The radio the agent checked stays checked while the fake is asked (a render in between would otherwise put
        // the old one back, LWC keeping an input's `checked` to the template's value); a refusal puts it back.
        const previous = this.speed;
        this.speed = speed;
        void this.post(
            '/clock',
            { speed },
            `the dialer clock at ${label}`,
            null,
            speed === 0 ? 'The dialer clock is paused.' : `The dialer clock runs at ${label}.`,
            () => {
                this.speed = previous;
            }
        );
    }

    handleAdvanceSecond(): void {
        void this.post('/advance', { ms: 1000 }, 'an advance of 1 second', null, 'Advanced the dialer 1 second.');
    }

    handleAdvanceMinute(): void {
        void this.post('/advance', { ms: 60_000 }, 'an advance of 1 minute', null, 'Advanced the dialer 1 minute.');
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

    private async post(
        path: string,
        body: unknown,
        what: string,
        onDone: (() => void) | null = null,
        done = `Queued ${what} for the next poll answer.`,
        onFailed: (() => void) | null = null
    ): Promise<void> {
        this.status = `Sending ${what}…`;
        try {
            const response = await fetch(`${this.controlUri}${path}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body)
            });
            if (response.ok) onDone?.();
            else onFailed?.();
            this.status = response.ok ? done : `The fake refused ${what} (HTTP ${response.status}).`;
        } catch {
            onFailed?.();
            this.status = `The CXone fake did not answer; ${what} was not sent. Try again.`;
        }
    }
}
