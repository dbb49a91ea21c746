import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import PHONE from '@salesforce/schema/Contact.Phone';
import MOBILE from '@salesforce/schema/Contact.MobilePhone';
import HOME from '@salesforce/schema/Contact.HomePhone';
import OTHER from '@salesforce/schema/Contact.OtherPhone';
import type { AgentDialRequest, CommandResult } from 'c/pcModel';
import { LABELS } from 'c/pcLabels';
import { publishDial } from 'c/pcDialBridge';

/** One number of the Contact with its field's label, as pcClickToDial lists it. */
interface DialNumber {
    readonly label: string;
    readonly number: string;
}

const FIELDS = [
    { field: PHONE, label: LABELS.dialPhone },
    { field: MOBILE, label: LABELS.dialMobile },
    { field: HOME, label: LABELS.dialHomePhone },
    { field: OTHER, label: LABELS.dialOtherPhone }
];

/**
 * Click-to-dial on a Contact record page or as its quick action (WU-4): the Contact's phone numbers, each with a
 * Call button. The console lives in the utility bar with its own service, so this component's "service" publishes
 * the request on the PC_Dial message channel; the console validates it and dials. It never reaches a dialer itself.
 */
export default class PcContactDial extends LightningElement {
    /** The Contact's id, set by the record page or the quick action. */
    @api recordId: string | undefined;

    numbers: readonly DialNumber[] = [];

    /** What pcClickToDial calls: a bridge to the console, which reports a refusal in its own error banner. */
    readonly bridge = {
        dial: (request: AgentDialRequest): Promise<CommandResult> => {
            if (request.contactId) publishDial({ contactId: request.contactId, number: request.number });
            return Promise.resolve({ ok: true } as const);
        }
    };

    readonly fields = FIELDS.map((f) => f.field);

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$fields' })
    wiredRecord({ data }: { data?: RecordRepresentation; error?: unknown }): void {
        if (!data) {
            this.numbers = [];
            return;
        }
        const seen = new Set<string>();
        const numbers: DialNumber[] = [];
        for (const { field, label } of FIELDS) {
            const value = getFieldValue(data, field);
            if (typeof value !== 'string' || !value.trim() || seen.has(value.trim())) continue;
            seen.add(value.trim());
            numbers.push({ label, number: value.trim() });
        }
        this.numbers = numbers;
    }
}
