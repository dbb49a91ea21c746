/**
 * CXone contact events for the CXone adapter's contact-book suites: one CallContactEvent of contact 1, parsed at
 * the adapter's boundary as the book takes it.
 */
import { parseEvent } from '../../force-app/main/default/lwc/pcCxoneAdapter/protocol';
import type { ContactEvent } from '../../force-app/main/default/lwc/pcCxoneAdapter/protocol';

/** A CallContactEvent of contact 1 (record rec-1, skill 501, number +13125550100) with `fields` over it, parsed. */
export function contactEvent(fields: Record<string, unknown>): ContactEvent {
    const parsed = parseEvent({
        Type: 'CallContactEvent',
        ContactID: '1',
        DNIS: '+13125550100',
        Skill: '501',
        ExternalID: 'rec-1',
        ...fields
    });
    if (!parsed.ok || parsed.value.kind !== 'contact') throw new Error(parsed.ok ? 'not a contact' : parsed.reason);
    return parsed.value;
}
