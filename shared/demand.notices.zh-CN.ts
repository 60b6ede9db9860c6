/**
 * Who hears of each step of a demand, and the Chinese words of each notice: the company (the
 * member who raised it) of every step; the officer's center of a new or reopened demand and of
 * a handling center's answer; a handling center of what is forwarded to it.
 */
import { isBadReview } from './rating.levels';
import type { Notice } from './notify.rules';
import type { Demand, DemandAction } from './demand.schema';

/** The notices a step causes; `centerName` names a center by id. */
export const demandNotices = (action: DemandAction, d: Demand, centerName: (id: string) => string): Notice[] => {
  const company = { userId: d.raisedBy.userId };
  const officer = { centerId: d.officerCenterId };
  const about = `${d.companyName}：${d.title}`;
  const to = (t: Notice['to'], title: string, body: string): Notice => ({ to: t, kind: 'demand', title, body });
  switch (action) {
    case 'raise':
      return [to(officer, '新的企业诉求', about), to(company, '诉求已提交', `已交给企业管家${d.officerName ?? ''}，请留意答复：${d.title}`)];
    case 'acknowledge':
      return [to(company, '诉求已受理', `企业管家已确认收到：${d.title}`)];
    case 'forward':
      return [
        to(company, '诉求已转办', `已转${centerName(d.holderCenterId)}办理：${d.title}`),
        to({ centerId: d.holderCenterId }, '转办的企业诉求', `${about}（${d.forward?.note ?? ''}）`),
      ];
    case 'answer': {
      const byHandler = d.answer && d.answer.centerId !== d.officerCenterId;
      return [to(company, '诉求已答复', `请查看答复并评价：${d.title}`), ...(byHandler ? [to(officer, '转办诉求已答复', about)] : [])];
    }
    case 'rate':
      return d.rating && isBadReview(d.rating.level)
        ? [to(officer, '企业对答复不满意', `诉求已重新打开，请回访企业：${about}`), to(company, '诉求已重新办理', `企业管家将回访您：${d.title}`)]
        : [to(officer, '企业已评价', `${d.rating?.level ?? ''}：${about}`)];
    case 'returnCall':
      return [to(company, '企业管家已回访', d.title)];
  }
};

/** The notices of a term passing: the officer's center, and the handling center when it is another. */
export const overdueDemandNotices = (d: Demand, terms: readonly ('ack' | 'answer')[]): Notice[] => {
  const what = terms.includes('ack') ? '超过1个工作日未确认受理' : '超过答复时限未答复';
  const body = `${d.companyName}：${d.title}（${what}）`;
  const centers = [...new Set([d.officerCenterId, d.holderCenterId])];
  return centers.map((centerId) => ({ to: { centerId }, kind: 'demand.overdue', title: '企业诉求已超时', body }));
};
