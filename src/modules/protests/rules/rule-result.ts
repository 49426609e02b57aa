/** The rules the DCP is shown for each application. They inform; they do not decide. */
export const RULE_NAMES = [
  'LEAD_TIME',
  'LOUDSPEAKER_QUIET_HOURS',
  'VENUE_CAPACITY',
  'VENUE_HOURS',
  'MAX_DURATION',
  'RESTRICTION_ORDER',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export interface RuleResult {
  readonly rule: RuleName;
  readonly ok: boolean;
  /** One sentence saying what was compared, with the numbers. */
  readonly detail: string;
}
