/**
 * The check of one Value one / Value two setting (AD-1, AD-3), shared by the stored settings and the page's App
 * Builder properties (AD-4), so both are held to exactly the same rules.
 */
import type { SettingsProblem, ValueFieldSetting } from 'c/pcModel';
import { isValueSourceKind, ValueSourceKind } from 'c/pcModel';

/** A Contact field API name, optionally through relationships: `Phone`, `Account.Name`, `Region__r.Code__c`. */
const CONTACT_FIELD =
    /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?:__[cr])?(?:\.[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?:__[cr])?){0,4}$/;
/** Whether `value` reads as a Contact field API name (the same rule as Value one / Value two's). */
export function isContactFieldPath(value: string): boolean {
    return CONTACT_FIELD.test(value);
}

/** A calling-list column name as the dialer exposes it. */
const DIALER_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const LABEL_MAX = 80;

function missing(value: unknown): boolean {
    return value === undefined || value === null;
}

/** A label, source and field as read, not yet checked. */
export interface RawValueField {
    readonly label: unknown;
    readonly source: unknown;
    readonly field: unknown;
}

/**
 * Checks one Value setting: the checked value, or the first problem (named `<key>.label|source|field`) when it
 * cannot be used as a whole; the caller then keeps its fallback, so a label never names another value.
 */
export function checkValueField(
    key: string,
    raw: RawValueField,
    fallback: ValueFieldSetting
): { readonly value: ValueFieldSetting } | { readonly problem: SettingsProblem } {
    const { label, source: kind, field } = raw;
    if (typeof label !== 'string' || !label.trim() || label.length > LABEL_MAX) {
        return {
            problem: {
                setting: `${key}.label`,
                code: missing(label) ? 'Missing' : 'Invalid',
                usedInstead: fallback.label
            }
        };
    }
    if (!isValueSourceKind(kind)) {
        return {
            problem: {
                setting: `${key}.source`,
                code: missing(kind) ? 'Missing' : 'Invalid',
                usedInstead: fallback.source
            }
        };
    }
    const pattern = kind === ValueSourceKind.ContactField ? CONTACT_FIELD : DIALER_FIELD;
    if (typeof field !== 'string' || !pattern.test(field)) {
        return {
            problem: {
                setting: `${key}.field`,
                code: missing(field) ? 'Missing' : 'UnknownField',
                usedInstead: fallback.field
            }
        };
    }
    return { value: Object.freeze({ label: label.trim(), source: kind, field }) };
}
