/**
 * The local console's Salesforce: the in-memory org, whose Contacts are made from the simulated calling list (an
 * org's demo list is made the other way, from its Contacts). The composition root builds the dialer, so the org is
 * filled after it and before the console starts; the service asks Salesforce nothing before it starts.
 */
import type { AttemptLog, ContactInfo, Interaction, LogResult } from 'c/pcModel';
import type { InMemorySalesforceGateway } from 'c/pcMemoryGateway';
import type { ContactQuery, RawSettings, SalesforceGateway } from 'c/pcSalesforcePort';

/** A gateway over the in-memory org it is filled with. */
export class LocalOrg implements SalesforceGateway {
    private org: InMemorySalesforceGateway | null = null;

    /** Hands over the org's data, once the calling list it is made from exists. */
    fill(org: InMemorySalesforceGateway): void {
        this.org = org;
    }

    private get filled(): InMemorySalesforceGateway {
        if (!this.org) throw new Error('the local org was read before the console started');
        return this.org;
    }

    /** The admin settings as the local page stores them. */
    getSettings(): Promise<RawSettings> {
        return this.filled.getSettings();
    }

    /** The in-memory org's Contact lookup. */
    findContact(query: ContactQuery): Promise<ContactInfo | null> {
        return this.filled.findContact(query);
    }

    /** The in-memory org's Contact History. */
    getContactHistory(contactId: string): Promise<readonly Interaction[]> {
        return this.filled.getContactHistory(contactId);
    }

    /** Logs a Task in the in-memory org (BX-1). */
    logAttempt(log: AttemptLog): Promise<LogResult> {
        return this.filled.logAttempt(log);
    }
}
