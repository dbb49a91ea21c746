/**
 * The rule sets the package ships as PC_Rule_Set__mdt records (CP-2), the same values, for where no org is
 * read (the local console) and as the safe default when the records cannot be read (AD-3). docs/compliance.md
 * names the statute behind each.
 */
import type { ComplianceRuleSet } from 'c/pcModel';
import { RuleMode } from 'c/pcModel';

function ruleSet(set: ComplianceRuleSet): ComplianceRuleSet {
    return Object.freeze({
        ...set,
        regions: Object.freeze([...set.regions]),
        areaCodes: Object.freeze([...set.areaCodes])
    });
}

/** US federal (47 CFR 64.1200(c)(1)), Florida, Oklahoma (on) and Regulation F (off until the admin turns it on). */
export const SHIPPED_RULE_SETS: readonly ComplianceRuleSet[] = Object.freeze([
    ruleSet({
        name: 'US_Federal',
        label: 'US federal law',
        country: 'US',
        regions: [],
        areaCodes: [],
        windowStartMinute: 8 * 60,
        windowEndMinute: 21 * 60,
        perDestinationLimit: null,
        perContactLimit: null,
        limitWindowHours: 24,
        mode: RuleMode.Block,
        active: true
    }),
    ruleSet({
        name: 'US_Florida',
        label: 'Florida',
        country: 'US',
        regions: ['US-FL'],
        areaCodes: [],
        windowStartMinute: 8 * 60,
        windowEndMinute: 20 * 60,
        perDestinationLimit: null,
        perContactLimit: 3,
        limitWindowHours: 24,
        mode: RuleMode.Block,
        active: true
    }),
    ruleSet({
        name: 'US_Oklahoma',
        label: 'Oklahoma',
        country: 'US',
        regions: ['US-OK'],
        areaCodes: [],
        windowStartMinute: 8 * 60,
        windowEndMinute: 20 * 60,
        perDestinationLimit: null,
        perContactLimit: 3,
        limitWindowHours: 24,
        mode: RuleMode.Block,
        active: true
    }),
    ruleSet({
        name: 'US_Regulation_F',
        label: 'Regulation F',
        country: 'US',
        regions: [],
        areaCodes: [],
        windowStartMinute: null,
        windowEndMinute: null,
        perDestinationLimit: null,
        perContactLimit: 7,
        limitWindowHours: 7 * 24,
        mode: RuleMode.Block,
        active: false
    })
]);
