/**
 * What the resident reads on a request: every step (what, where, when, by whom), in China
 * time. Pure. The deadline reads through components/deadline.presenter.ts and the actions
 * through ./actions.ts.
 */
import type { AuditEntry } from '@shared/request.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import type { RequestView } from '@shared/api.schema';
import { ACTION_LABELS_ZH_CN, actionLabel, stateLabel } from '@shared/labels.zh-CN';

/** One line of the timeline as the resident sees it. */
export type TimelineStep = { key: string; title: string; state?: string; where?: string; when: string; who: string; note?: string };

/** Names of centers by id, for "where". */
export type CenterNames = Record<string, string>;

/** An instant as China wall-clock time, e.g. 2026-03-02 09:30. */
export const chinaTime = chinaDateTimeOf;

const ROLE_WORD: Record<AuditEntry['actor']['role'], string> = {
  resident: '申请人',
  company: '企业申请人',
  clerk: '工作人员',
  admin: '管理员',
  system: '系统',
  partner: '合作系统',
};

/** Who acted, with the masked name the server sent; never an unmasked one, since the server masks. */
const whoOf = (e: AuditEntry): string => (e.actor.role === 'system' ? '系统' : [ROLE_WORD[e.actor.role], e.actor.name].filter(Boolean).join(' '));

/** Audit lines that are steps of the matter (reads of the record are not). */
const isStep = (e: AuditEntry): boolean => e.action in ACTION_LABELS_ZH_CN || e.toState !== undefined;

/** The steps of a request, oldest first, with the center names filled in where known. */
export const timelineSteps = (entries: readonly AuditEntry[], names: CenterNames): TimelineStep[] =>
  entries
    .filter(isStep)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map(({ e, i }) => {
      const centerId = e.centerId ?? e.actor.centerId;
      return {
        key: `${e.at}-${i}`,
        title: actionLabel(e.action),
        // after 签收 the state is prechecked again: the step reads 已签收, not a step back to 已预审
        state: e.action === 'confirmHandoff' ? '已签收' : e.toState && e.toState !== e.fromState ? stateLabel(e.toState) : undefined,
        where: centerId ? (names[centerId] ?? '服务中心') : undefined,
        when: chinaTime(e.at),
        who: whoOf(e),
        note: e.note,
      };
    });

/** The center ids a request's timeline needs names for. */
export const centerIdsOf = (r: Pick<RequestView, 'path' | 'intakeCenterId' | 'deciderId'>, entries: readonly AuditEntry[]): string[] => {
  const ids = [...r.path, r.intakeCenterId, r.deciderId, ...entries.map((e) => e.centerId ?? e.actor.centerId)];
  return [...new Set(ids.filter((x): x is string => !!x))];
};
