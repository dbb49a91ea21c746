/**
 * Where a contact is, for the rules (CP-1): its time zones, country and regions. The record's fields win (the
 * admin names them); what they leave unsaid comes from the number (its country; for a North American number,
 * the area code's zones and regions). Several zones or regions mean the strictest reading: every one applies.
 */
import { nanpAreaRegions, contactZones } from 'c/pcZones';
import { phoneRegion } from 'c/pcPhone';
import { isValidTimeZone } from 'c/pcZones';

/** What the Contact record says, from the fields the admin names; null where a field is empty or unnamed. */
export interface RecordPlace {
    readonly timeZone?: string | null;
    /** ISO 3166-1 alpha-2 or the country's English name (`US`, `United States`). */
    readonly country?: string | null;
    /** A state or province: its postal code (`FL`), ISO 3166-2 code (`US-FL`) or English name (`Florida`). */
    readonly state?: string | null;
}

/** Where the contact is, as the rules read it. */
export interface ContactPlace {
    /** IANA zones; empty when neither the record nor the number says. */
    readonly zones: readonly string[];
    /** ISO 3166-1 alpha-2, or null when unknown. */
    readonly country: string | null;
    /** ISO 3166-2 regions; empty when unknown. */
    readonly regions: readonly string[];
    /** The number's NANP area code, if it has one. */
    readonly areaCode: string | null;
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
    'UNITED STATES': 'US',
    'UNITED STATES OF AMERICA': 'US',
    USA: 'US',
    CANADA: 'CA',
    'UNITED KINGDOM': 'GB',
    UK: 'GB'
};

// English names of the states and provinces; records keep MailingState as typed unless State and Country
// Picklists are on, so "Florida" must read as US-FL as well as "FL".
const REGION_NAMES: Readonly<Record<string, string>> = {
    ALABAMA: 'AL',
    ALASKA: 'AK',
    ARIZONA: 'AZ',
    ARKANSAS: 'AR',
    CALIFORNIA: 'CA',
    COLORADO: 'CO',
    CONNECTICUT: 'CT',
    DELAWARE: 'DE',
    'DISTRICT OF COLUMBIA': 'DC',
    FLORIDA: 'FL',
    GEORGIA: 'GA',
    HAWAII: 'HI',
    IDAHO: 'ID',
    ILLINOIS: 'IL',
    INDIANA: 'IN',
    IOWA: 'IA',
    KANSAS: 'KS',
    KENTUCKY: 'KY',
    LOUISIANA: 'LA',
    MAINE: 'ME',
    MARYLAND: 'MD',
    MASSACHUSETTS: 'MA',
    MICHIGAN: 'MI',
    MINNESOTA: 'MN',
    MISSISSIPPI: 'MS',
    MISSOURI: 'MO',
    MONTANA: 'MT',
    NEBRASKA: 'NE',
    NEVADA: 'NV',
    'NEW HAMPSHIRE': 'NH',
    'NEW JERSEY': 'NJ',
    'NEW MEXICO': 'NM',
    'NEW YORK': 'NY',
    'NORTH CAROLINA': 'NC',
    'NORTH DAKOTA': 'ND',
    OHIO: 'OH',
    OKLAHOMA: 'OK',
    OREGON: 'OR',
    PENNSYLVANIA: 'PA',
    'RHODE ISLAND': 'RI',
    'SOUTH CAROLINA': 'SC',
    'SOUTH DAKOTA': 'SD',
    TENNESSEE: 'TN',
    TEXAS: 'TX',
    UTAH: 'UT',
    VERMONT: 'VT',
    VIRGINIA: 'VA',
    WASHINGTON: 'WA',
    'WEST VIRGINIA': 'WV',
    WISCONSIN: 'WI',
    WYOMING: 'WY',
    ALBERTA: 'AB',
    'BRITISH COLUMBIA': 'BC',
    MANITOBA: 'MB',
    'NEW BRUNSWICK': 'NB',
    'NEWFOUNDLAND AND LABRADOR': 'NL',
    'NOVA SCOTIA': 'NS',
    ONTARIO: 'ON',
    'PRINCE EDWARD ISLAND': 'PE',
    QUEBEC: 'QC',
    SASKATCHEWAN: 'SK',
    'NORTHWEST TERRITORIES': 'NT',
    NUNAVUT: 'NU',
    YUKON: 'YT'
};

/** `us`, `United States` -> `US`; null when it is not a two-letter code or a known name. */
export function normalizeCountry(value: string | null | undefined): string | null {
    const v = (value ?? '').trim().toUpperCase();
    if (!v) return null;
    if (/^[A-Z]{2}$/.test(v)) return v;
    return COUNTRY_NAMES[v] ?? null;
}

/** `FL`, `us-fl`, `Florida` (with the country `US`) -> `US-FL`; null when unreadable. */
export function normalizeRegion(value: string | null | undefined, country: string | null): string | null {
    const v = (value ?? '').trim().toUpperCase();
    if (!v) return null;
    if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(v)) return v;
    const code = /^[A-Z]{2}$/.test(v) ? v : REGION_NAMES[v];
    return code && country ? `${country}-${code}` : null;
}

/** Where the contact reached at `e164` is: the record's fields first, then the number. */
export function resolvePlace(record: RecordPlace, e164: string | null | undefined): ContactPlace {
    const nanp = /^\+1(\d{3})\d{7}$/.exec(e164 ?? '');
    const areaCode = nanp?.[1] ?? null;
    const recordZone = record.timeZone && isValidTimeZone(record.timeZone) ? record.timeZone : null;
    const country = normalizeCountry(record.country) ?? phoneRegion(e164);
    const recordRegion = normalizeRegion(record.state, country);
    const numberRegions = areaCode ? nanpAreaRegions(areaCode) : [];
    // The number's regions only count where the number is in the same country as the contact.
    const regions = recordRegion
        ? [recordRegion]
        : numberRegions.filter((r) => country !== null && r.startsWith(`${country}-`));
    return Object.freeze({
        zones: contactZones(recordZone, e164),
        country,
        regions: Object.freeze(regions),
        areaCode
    });
}
