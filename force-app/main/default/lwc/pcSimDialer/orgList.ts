/**
 * The simulated dialer's calling list in an org (demo and training): one record per Contact marked with a dialer
 * record id, so the record carries the Contact's id, name, account and phone numbers, and a pop finds that very
 * Contact. The list fields the simulator always offers are kept: `AccountName` is the Contact's account and
 * `ExternalId` its dialer record id; `BalanceDue` and `Product` are made up, as a real list would hold its own.
 */
import type { CallingListContact, Instant } from 'c/pcModel';
import { destination, money, pastAttempts, PRODUCTS } from './callingList';
import type { SimDestination, SimRecord } from './callingList';
import type { Rng } from './prng';

/** How each Contact phone field reads as a destination (the guide's descriptions). */
const PHONE_DESCRIPTIONS: Readonly<Record<string, string>> = {
    Phone: 'PhoneNumber',
    MobilePhone: 'Mobile',
    HomePhone: 'Home',
    OtherPhone: 'Work'
};

/**
 * A number as typed in Salesforce in E.164, or null. Ten digits are a North American number (the sample data's);
 * a number typed with its `+` keeps its country code. Written here because the dialer only needs digits and a
 * country code, not a phone library.
 */
export function toE164(typed: string): string | null {
    const digits = typed.replace(/\D/g, '');
    if (typed.trim().startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
    return null;
}

/** One calling record per Contact with at least one callable number, in the order given, spread over the skills. */
export function callingListFromContacts(
    rng: Rng,
    contacts: readonly CallingListContact[],
    epoch: Instant,
    skillIds: readonly string[]
): SimRecord[] {
    const records: SimRecord[] = [];
    const seen = new Set<string>();
    for (const contact of contacts) {
        const id = contact.dialerRecordId;
        // A dialer record id is the record's key: a second Contact with the same one is not a second record.
        if (!id || seen.has(id)) continue;
        const destinations: SimDestination[] = [];
        contact.phones.forEach((phone, index) => {
            const number = toE164(phone.number);
            if (!number || destinations.some((d) => d.value === number)) return;
            const description = PHONE_DESCRIPTIONS[phone.field] ?? phone.field;
            destinations.push(destination(`${id}-${phone.field}`, 'Phone', description, number, index + 1, 6));
        });
        if (destinations.length === 0) continue;
        if (contact.email) {
            destinations.push(destination(`${id}-email`, 'Email', 'Email', contact.email, destinations.length + 1, 3));
        }
        seen.add(id);
        const rec: SimRecord = {
            id,
            skillId: skillIds[records.length % skillIds.length] ?? 'skill',
            record: Object.freeze({
                id,
                firstName: contact.firstName,
                lastName: contact.lastName,
                // A Contact has no time zone the dialer can know; the list carries none.
                timeZone: null,
                salesforceId: contact.id,
                fields: Object.freeze({
                    AccountName: contact.accountName ?? '',
                    BalanceDue: money(rng, '$'),
                    Product: rng.pick(PRODUCTS),
                    ExternalId: id
                })
            }),
            destinations,
            attempts: [],
            // Demo contacts answer readily, so the first minutes show a live call.
            answerBias: 1.2,
            finalized: false,
            cadenceCursor: 0,
            nextEligibleAt: epoch,
            hold: 'queue'
        };
        for (const d of destinations) if (d.kind === 'Phone') pastAttempts(rng, rec, d, rng.int(0, 2), epoch);
        rec.attempts.sort((a, b) => a.at - b.at);
        records.push(rec);
    }
    return records;
}
