/** The Chinese words of the company pages: demand states, claim states, member roles, where a company's matters are handled. */
import type { CompanyView, DemandView } from '@shared/api.schema';
import type { ClaimState, MemberRole } from '@shared/company.schema';
import type { DemandState } from '@shared/demand.schema';

export const DEMAND_STATE_ZH: Record<DemandState, string> = {
  raised: '待企业管家确认',
  acknowledged: '企业管家办理中',
  forwarded: '已转办',
  answered: '已答复，待评价',
  closed: '已办结',
  reopened: '重新办理中',
};

export const CLAIM_STATE_ZH: Record<ClaimState, string> = { pending: '待核验', verified: '已通过', refused: '未通过' };
export const MEMBER_ROLE_ZH: Record<MemberRole, string> = { admin: '企业管理员', staff: '经办人' };

/** The tone of a demand's state tag: past a term, done, or in progress. */
export const demandTone = (d: Pick<DemandView, 'state' | 'overdue'>): string =>
  d.overdue.ack || d.overdue.answer ? 'warn' : d.state === 'closed' || d.state === 'answered' ? 'done' : '';

/** What the guide does for this company: 区内事区内办 in the zone, the township otherwise, with 三级同权 and 政银合作. */
export const routingNote = (c: Pick<CompanyView, 'location' | 'locationName'>): string[] =>
  c.location === 'zone'
    ? ['区内事区内办：开发区企业的建设和市场准入事项，由行政审批服务局经济开发区分局受理和审批。', '其他事项按事项规定到镇街或市政务服务中心办理。']
    : [
        `镇街事项由${c.locationName}为民服务中心办理；三级同权事项（如乡村建设规划许可）在镇街即可审批。`,
        '政银合作事项可到合作银行网点就近办理；其余事项到市政务服务中心办理。',
      ];
