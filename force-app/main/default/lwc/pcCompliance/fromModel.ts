/**
 * The compliance question asked from the console's model (CP-1, CP-4): a calling record, its Attempts History and
 * the settings' rule sets become a ComplianceQuery; each destination's answer is what Attempts History shows as
 * "Callable" and what Accept and the Reschedule form check.
 */
import type { AttemptsHistory, CallingRecord, ComplianceRuleSet, Instant, Settings } from 'c/pcModel';
import { DestinationKind, DestinationUnavailableReason } from 'c/pcModel';
import { resolvePlace } from './place';
import type { RecordPlace } from './place';
import type { ComplianceAttempt, ComplianceDestination, ComplianceQuery, ComplianceVerdict } from './pcCompliance';
import { checkCall } from './pcCompliance';

/** What the console knows of the contact when it asks. */
export interface ContactFacts {
    readonly record: CallingRecord;
    /** Null before Attempts History has loaded: then only the number itself is known, with no attempts. */
    readonly history: AttemptsHistory | null;
    /** The Contact's fields the admin named (zone, country, state); the record's zone when none. */
    readonly place?: RecordPlace;
    readonly ruleSets: readonly ComplianceRuleSet[];
}

/** The fields to ask Salesforce for with the Contact, so the rules know its place (CP-1). */
export function placeFieldsOf(settings: Settings): readonly string[] {
    return [settings.contactTimeZoneField, settings.contactCountryField, settings.contactStateField].filter(Boolean);
}

/** The contact's place from its fields (`ContactInfo.fields`), read through the fields the admin named. */
export function placeFromContact(
    settings: Settings,
    fields: Readonly<Record<string, string | null>> | null | undefined
): RecordPlace {
    const read = (name: string): string | null => (name && fields ? (fields[name] ?? null) : null);
    return {
        timeZone: read(settings.contactTimeZoneField),
        country: read(settings.contactCountryField),
        state: read(settings.contactStateField)
    };
}

function destinationsOf(facts: ContactFacts, number: string): readonly ComplianceDestination[] {
    const phones = (facts.history?.destinations ?? []).filter((d) => d.kind !== DestinationKind.Email);
    const list = phones.map((d) => ({
        number: d.value,
        dnc: d.unavailableReason === DestinationUnavailableReason.Dnc
    }));
    // Stryker disable next-line all: the list is only searched for the number's first entry, so appending it again, or never, changes no answer
    return list.some((d) => d.number === number) ? list : [...list, { number, dnc: false }];
}

function attemptsOf(facts: ContactFacts): readonly ComplianceAttempt[] {
    const history = facts.history;
    if (!history) return [];
    const numberOf = new Map(history.destinations.map((d) => [d.id, d.value]));
    return history.attempts.map((a) => ({ number: numberOf.get(a.destinationId) ?? a.destinationId, at: a.at }));
}

/** The query for calling `number` at `at`. */
export function queryFor(facts: ContactFacts, number: string, at: Instant): ComplianceQuery {
    // The Contact's own values win; the calling list's zone stands in where the Contact has none.
    const place: RecordPlace = { ...facts.place, timeZone: facts.place?.timeZone ?? facts.record.timeZone };
    return {
        at,
        destination: number,
        destinations: destinationsOf(facts, number),
        attempts: attemptsOf(facts),
        place: resolvePlace(place, number),
        ruleSets: facts.ruleSets
    };
}

/** May `number` be called (Accept: now) or scheduled (Reschedule: the chosen instant) at `at`? */
export function checkNumber(facts: ContactFacts, number: string, at: Instant): ComplianceVerdict {
    return checkCall(queryFor(facts, number, at));
}

/** Each phone destination's answer at `now`, by destination id (Attempts History's Callable, CP-4). */
export function callability(facts: ContactFacts, now: Instant): ReadonlyMap<string, ComplianceVerdict> {
    const out = new Map<string, ComplianceVerdict>();
    for (const d of facts.history?.destinations ?? []) {
        if (d.kind === DestinationKind.Email) continue;
        out.set(d.id, checkNumber(facts, d.value, now));
    }
    return out;
}
