/**
 * The words of 静默认证 that screens show: how a person was certified, why a clerk found them not
 * eligible, and an entry's state. Plain constants without zod, so that a page which only shows
 * them (我的, a tab of the main package) does not carry the schemas (certify.schema.ts builds its
 * enums from the lists here).
 */

/** How a person was certified: silently by evidence, on a home visit (上门), or at the village center's counter. */
export const CERTIFY_METHODS = ['silent', 'visit', 'counter'] as const;
export type CertifyMethod = (typeof CERTIFY_METHODS)[number];
export const METHOD_LABELS: Record<CertifyMethod, string> = { silent: '静默', visit: '上门', counter: '村居窗口' };

/** Why a clerk found a person not eligible. */
export const INELIGIBLE_REASONS = ['deceased', 'moved', 'refused', 'other'] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];
export const REASON_LABELS: Record<IneligibleReason, string> = { deceased: '已死亡', moved: '迁出', refused: '本人不配合', other: '其他' };

/**
 * pending: not yet certified this period; certified; ineligible: a clerk found them not eligible
 * (with the reason); lapsed: the period ended uncertified, flagged for the scheme's department.
 */
export const ROSTER_STATES = ['pending', 'certified', 'ineligible', 'lapsed'] as const;
export type RosterState = (typeof ROSTER_STATES)[number];

const STATE_LABELS: Record<Exclude<RosterState, 'certified'>, string> = { pending: '待认证', lapsed: '逾期未认证', ineligible: '已核实不符合条件' };

/** The Chinese words of an entry's state, and of how a certified one was certified: 已认证（静默）, 已认证（上门）. */
export const stateLabelOf = (state: RosterState, method?: CertifyMethod): string =>
  state === 'certified' ? `已认证（${METHOD_LABELS[method ?? 'visit']}）` : STATE_LABELS[state];
