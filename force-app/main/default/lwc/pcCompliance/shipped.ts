/** The shipped rule sets (CP-2), defined once with the model's defaults. */
export { DEFAULT_RULE_SETS as SHIPPED_RULE_SETS } from 'c/pcModel';
