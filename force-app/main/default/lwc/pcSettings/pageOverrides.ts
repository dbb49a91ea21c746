/**
 * Lightning App Builder properties that override the stored settings on one page (AD-4, AD-5). A page property is
 * untrusted like the metadata and is checked by the same rules; one that cannot be used keeps the stored value and
 * is reported under its own name (`page.valueOne.field`), so the admin knows which of the two to fix.
 */
import type { SettingsProblem, ValueFieldSetting } from 'c/pcModel';
import { checkValueField } from './valueField';

/** One of Value one / Value two as set on the page; an empty property keeps the stored part. */
export interface PageValueOverride {
    readonly label?: string | null;
    readonly source?: string | null;
    readonly field?: string | null;
}

/** Everything a page may override. */
export interface PageOverrides {
    readonly valueOne?: PageValueOverride;
    readonly valueTwo?: PageValueOverride;
    /** `Off`, `Tab` or `Subtab` (AD-5); empty keeps the stored setting. */
    readonly contactTab?: string | null;
}

/** The prefix of a problem found in a page property rather than in the stored settings. */
export const PAGE_PROBLEM_PREFIX = 'page.';

function given(value: string | null | undefined): value is string {
    return typeof value === 'string' && value.trim() !== '';
}

/** Whether the page sets any part of this value. */
export function overridesValue(page: PageValueOverride | undefined): boolean {
    return !!page && (given(page.label) || given(page.source) || given(page.field));
}

/**
 * The value a page shows: the stored one with the page's parts laid over it, checked as a whole. A part the page
 * leaves empty is the stored one, so a page may rename Value one without repeating its source and field.
 */
export function overrideValue(
    key: 'valueOne' | 'valueTwo',
    stored: ValueFieldSetting,
    page: PageValueOverride | undefined
): { readonly value: ValueFieldSetting; readonly problem: SettingsProblem | null } {
    if (!page || !overridesValue(page)) return { value: stored, problem: null };
    // A page that names another source must name its field too: the stored field belongs to the stored source.
    const sourceChanged = given(page.source) && page.source.trim() !== stored.source;
    const checked = checkValueField(
        `${PAGE_PROBLEM_PREFIX}${key}`,
        {
            label: given(page.label) ? page.label : stored.label,
            source: given(page.source) ? page.source.trim() : stored.source,
            field: given(page.field) ? page.field.trim() : sourceChanged ? null : stored.field
        },
        stored
    );
    return 'problem' in checked ? { value: stored, problem: checked.problem } : { value: checked.value, problem: null };
}
