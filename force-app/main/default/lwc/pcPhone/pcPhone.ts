/**
 * Phone numbers through libphonenumber-js (its "min" metadata, bundled as c/pcPhoneLib by
 * scripts/build-phone-lib.mjs: one module under the platform's 131,072-character limit, so the org, jest and the
 * local console all load the same code synchronously, and validation stays a pure function).
 *
 * Rules this module states (RS-7):
 * - A number typed without a country code is read in the calling list's country (the previewed number's; the US
 *   when unknown). A number in another country calling code than the list's is refused.
 * - `00` in front counts as `+` (the international prefix most of the world dials).
 * - An extension (`ext 9`, `x9`, `#9`) is NOT dialable: the dialer rings a number and cannot key digits after
 *   the answer, so a number with one is refused with a message saying to move the extension into the notes.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'c/pcPhoneLib';
import type { CountryCode } from 'libphonenumber-js/min';

/** Why a typed number cannot be dialed. */
export type PhoneProblem = 'TooShort' | 'TooLong' | 'NotANumber' | 'Invalid' | 'ForeignCountry' | 'Extension';

/** The result of checking a typed number. */
export type PhoneCheck =
    | { readonly ok: true; readonly e164: string }
    | { readonly ok: false; readonly problem: PhoneProblem; readonly params: Readonly<Record<string, string>> };

function prepare(input: string): string {
    const typed = input.trim();
    return typed.startsWith('00') ? `+${typed.slice(2)}` : typed;
}

/** The region (`US`, `GB`) of an E.164 number, or null. */
export function phoneRegion(e164: string | null | undefined): CountryCode | null {
    if (!e164) return null;
    return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** The country calling code (`1`, `44`) of an E.164 number, or null. */
export function callingCode(e164: string | null | undefined): string | null {
    if (!e164) return null;
    return parsePhoneNumberFromString(e164)?.countryCallingCode ?? null;
}

/**
 * Checks what the agent typed against the calling list's number (`listNumber`, E.164): returns the E.164 to
 * dial, or the one rule that failed with what its message needs.
 */
export function checkPhone(input: string, listNumber: string | null | undefined): PhoneCheck {
    const text = prepare(input);
    const region = phoneRegion(listNumber) ?? 'US';
    const home = callingCode(listNumber);
    const fail = (problem: PhoneProblem, params: Record<string, string> = {}): PhoneCheck =>
        Object.freeze({ ok: false, problem, params: Object.freeze(params) });
    const extension = /(?:e?xt\.?|extension|x|#)\s*(\d+)\s*$/i.exec(text);
    if (/[A-Za-z]/.test(text.replace(/(?:e?xt\.?|extension|x)\s*\d+\s*$/i, ''))) return fail('NotANumber');
    const length = validatePhoneNumberLength(text, region);
    if (length === 'TOO_SHORT') return fail('TooShort');
    if (length === 'TOO_LONG') return fail('TooLong');
    if (length === 'NOT_A_NUMBER') return fail('NotANumber');
    const parsed = parsePhoneNumberFromString(text, region);
    if (!parsed) return fail('NotANumber');
    // Without the list's number there is no country to hold the number to.
    if (home && parsed.countryCallingCode !== home) {
        return fail('ForeignCountry', { expected: `+${home}`, actual: `+${parsed.countryCallingCode}` });
    }
    if (length === 'INVALID_LENGTH' || !parsed.isValid()) return fail('Invalid');
    if (parsed.ext || extension) return fail('Extension', { ext: parsed.ext ?? extension?.[1] ?? '' });
    return Object.freeze({ ok: true, e164: parsed.number });
}

/**
 * A number as people read it (UB-5): national format for a number of the agent's own country, international
 * otherwise; what was given, unchanged, when it is not a phone number.
 */
export function formatPhone(value: string | null | undefined, agentRegion = 'US'): string {
    if (!value) return '';
    const parsed = parsePhoneNumberFromString(value, agentRegion as CountryCode);
    if (!parsed || !parsed.isPossible()) return value;
    return parsed.country === agentRegion ? parsed.formatNational() : parsed.formatInternational();
}
