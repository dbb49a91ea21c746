/**
 * The SalesforceGateway port: the only way the service reaches Salesforce data. Implemented by the
 * Apex gateway (in an org) and the in-memory gateway (local console and tests).
 */
import type { AttemptLog, CallingListContact, ContactInfo, ErrorCode, Interaction, LogResult } from 'c/pcModel';

/** Settings exactly as stored (custom metadata): untrusted until parsed by the service. */
export type RawSettings = Readonly<Record<string, unknown>>;

/** How to find the contact behind a dialer record. */
export interface ContactQuery {
    /** The Salesforce id the calling list carries, if any. */
    readonly salesforceId: string | null;
    /** The dialer's record id (external id on the contact). */
    readonly dialerRecordId: string;
    /** The number dialled, E.164. */
    readonly phone: string;
    /** Contact field API names whose values the screen pop needs (Value one / Value two sources). */
    readonly fields: readonly string[];
}

export interface SalesforceGateway {
    /** The admin settings (AD-2) as stored; the service validates them (AD-3). */
    getSettings(): Promise<RawSettings>;
    /** The contact for a dialer record, or null when none matches. */
    findContact(query: ContactQuery): Promise<ContactInfo | null>;
    /** Earlier interactions with the contact, newest first. */
    getContactHistory(contactId: string): Promise<readonly Interaction[]>;
    /** Logs a finished attempt as a Task, once per dialerContactId (BX-1). */
    logAttempt(log: AttemptLog): Promise<LogResult>;
    /**
     * The Contacts marked for the simulated dialer (a dialer record id set), for an org's demo calling list.
     * Optional: a gateway without it leaves the simulated dialer its generated list.
     */
    getCallingListContacts?(): Promise<readonly CallingListContact[]>;
    /**
     * What the CXone sign-in page saved for this OAuth state, handed out once (BX-11). Optional: only a console that
     * signs in to CXone needs it.
     */
    collectSignIn?(state: string): Promise<SignInCollected>;
}

/**
 * The CXone sign-in answer the sign-in page left in Salesforce for one state: none yet (`pending`), too old to use
 * (`expired`), CXone's authorization `code`, or CXone's OAuth `error` code.
 */
export type SignInCollected =
    | { readonly status: 'pending' }
    | { readonly status: 'expired' }
    | { readonly status: 'code'; readonly code: string }
    | { readonly status: 'error'; readonly error: string };

/** A typed Salesforce failure; `message` is technical and carries no PII. */
export class GatewayError extends Error {
    readonly code: ErrorCode;

    constructor(code: ErrorCode, message: string) {
        super(message);
        this.name = 'GatewayError';
        this.code = code;
    }
}
