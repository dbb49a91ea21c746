/**
 * Click-to-dial across the page (WU-4): in an org the Contact record page and the utility-bar console are separate
 * components with no shared service, so the record page publishes a dial request on the `PC_Dial` Lightning Message
 * Service channel and the console, which holds the service, dials it. The message carries the Contact's id and
 * the number only (no names), and any component on the page can publish on a channel, so the console parses every
 * message here as untrusted input and ignores what is not a well-formed request.
 */
import {
    APPLICATION_SCOPE,
    createMessageContext,
    publish,
    releaseMessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import type { Subscription } from 'lightning/messageService';
import PC_DIAL from '@salesforce/messageChannel/PC_Dial__c';
import { checkPhone } from 'c/pcPhone';
import type { AgentDialRequest } from 'c/pcModel';

/** A dial request as it travels on the channel. */
export interface DialMessage {
    readonly contactId: string;
    readonly number: string;
}

/** A message read at the console: the request to dial, or why it was ignored. */
export type ParsedDial =
    { readonly ok: true; readonly request: AgentDialRequest } | { readonly ok: false; readonly reason: string };

// A Contact id: 15 or 18 characters, Contact's key prefix 003.
const CONTACT_ID = /^003[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const FIELDS = ['contactId', 'number'];

/** Reads a channel message into a dial request: exactly `contactId` and `number`, both valid, else a reason. */
export function parseDialMessage(message: unknown): ParsedDial {
    const refuse = (reason: string): ParsedDial => Object.freeze({ ok: false, reason });
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return refuse('not an object');
    const record = message as Record<string, unknown>;
    const extra = Object.keys(record).filter((k) => !FIELDS.includes(k));
    if (extra.length) return refuse(`unexpected fields: ${extra.join(', ')}`);
    const { contactId, number } = record;
    if (typeof contactId !== 'string' || !CONTACT_ID.test(contactId)) return refuse('contactId is not a Contact id');
    if (typeof number !== 'string' || number.length > 40) return refuse('number is not text');
    const phone = checkPhone(number, null);
    if (!phone.ok) return refuse(`number is not dialable (${phone.problem})`);
    return Object.freeze({ ok: true, request: Object.freeze({ number: phone.e164, contactId }) });
}

/** Publishes a dial request for the console to place (the record page's side). */
export function publishDial(message: DialMessage): void {
    const context = createMessageContext();
    try {
        publish(context, PC_DIAL, { contactId: message.contactId, number: message.number });
    } finally {
        releaseMessageContext(context);
    }
}

/**
 * The console's side: listens on the channel in application scope (so the utility bar hears a record page) and
 * hands each valid request to `dial`; anything else is ignored with a note in the browser console.
 */
export class DialListener {
    private context: ReturnType<typeof createMessageContext> | null = null;
    private subscription: Subscription | null = null;

    /** Subscribes; `dial` is called once per valid message. Starting twice keeps one subscription. */
    start(dial: (request: AgentDialRequest) => void): void {
        if (this.subscription) return;
        this.context = createMessageContext();
        this.subscription = subscribe(
            this.context,
            PC_DIAL,
            (message: unknown) => {
                const parsed = parseDialMessage(message);
                if (parsed.ok) dial(parsed.request);
                else console.warn(`Personal Connection ignored a dial request: ${parsed.reason}`);
            },
            { scope: APPLICATION_SCOPE }
        );
    }

    /** Unsubscribes and releases the context. */
    stop(): void {
        if (this.subscription) unsubscribe(this.subscription);
        if (this.context) releaseMessageContext(this.context);
        this.subscription = null;
        this.context = null;
    }
}
