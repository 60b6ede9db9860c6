/**
 * The lists of 云上宠企 demands without their schemas: categories, states, the open ones, and the
 * steps. The demand machine and the stores read these in every function's core; demand.schema.ts
 * builds its enums from them and re-exports them.
 */

export const DEMAND_CATEGORIES = ['政策咨询', '融资', '用工', '用地规划', '审批堵点', '水电气暖', '其他'] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

/**
 * raised: waiting for the officer; acknowledged: the officer has it; forwarded: a handling center
 * has it; answered: waiting for the company's rating; closed; reopened: a bad rating sent it back.
 */
export const DEMAND_STATES = ['raised', 'acknowledged', 'forwarded', 'answered', 'closed', 'reopened'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

/** The states in which someone on the government side still owes the company something. */
export const OPEN_DEMAND_STATES: readonly DemandState[] = ['raised', 'acknowledged', 'forwarded', 'reopened'];

export const DEMAND_ACTIONS = ['raise', 'acknowledge', 'forward', 'answer', 'rate', 'returnCall'] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];
