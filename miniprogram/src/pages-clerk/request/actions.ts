/**
 * The clerk's buttons on a request. Which ones show is the lifecycle's answer
 * (`allowedEvents`), never a rule of the page; this module only says how each reads, whether
 * it needs a reason, and which input it sends.
 */
import type { ActionInput, RequestView, UserView } from '@shared/api.schema';
import { requestOfView } from '@shared/request.view';
import { allowedEvents } from '@shared/request.machine';
import type { Actor } from '@shared/request.schema';
import type { EventType } from '@shared/request.events';

/** A button a clerk may press; `decide` is two buttons, one per outcome. */
export type ClerkActionKey =
  'precheck' | 'sendHandoff' | 'confirmHandoff' | 'returnHandoff' | 'accept' | 'reject' | 'pause' | 'resume' | 'approve' | 'refuse' | 'deliver' | 'returnCall';

/** How one button reads and what its confirmation asks. */
export type ClerkActionSpec = {
  label: string;
  /** the question of the confirmation dialog */
  confirm: string;
  /** a reason the rules require, with the label of its field */
  reason?: string;
  /** 补正 also names the missing materials */
  missing?: boolean;
  tone: 'primary' | 'default' | 'danger';
  /** opens its own page instead of a dialog */
  page?: 'handoff' | 'confirm';
  /** has a dialog of its own (the return call's who, when, what and outcome) */
  form?: 'returnCall';
};

/** Every clerk button, in the order they show. */
export const CLERK_ACTIONS: Record<ClerkActionKey, ClerkActionSpec> = {
  precheck: { label: '预审通过', confirm: '材料已核对齐全，确认预审通过？', tone: 'primary' },
  sendHandoff: { label: '填写流转单并移交', confirm: '', tone: 'primary', page: 'handoff' },
  confirmHandoff: { label: '签收流转单', confirm: '', tone: 'primary', page: 'confirm' },
  accept: { label: '受理', confirm: '确认受理？受理后开始计算办理期限。', tone: 'primary' },
  resume: { label: '补正已齐，恢复办理', confirm: '申请人补正的材料已核对，确认恢复计时？', tone: 'primary' },
  approve: { label: '准予办理', confirm: '确认办结：准予办理？', reason: '办理意见', tone: 'primary' },
  deliver: { label: '结果已送达', confirm: '办理结果已交给申请人？', tone: 'primary' },
  returnCall: { label: '记录整改回访', confirm: '电话回访申请人后，记录回访情况，整改即结案。', tone: 'primary', form: 'returnCall' },
  pause: { label: '要求补正', confirm: '要求申请人补正材料？补正期间暂停计时。', reason: '补正原因', missing: true, tone: 'default' },
  refuse: { label: '不予办理', confirm: '确认办结：不予办理？', reason: '不予办理的理由', tone: 'danger' },
  returnHandoff: { label: '退回', confirm: '把流转单退回给移交的服务中心？', reason: '退回原因', tone: 'danger' },
  reject: { label: '不予受理', confirm: '确认不予受理？申请人会收到通知。', reason: '不予受理的理由', tone: 'danger' },
};

const BUTTONS_OF: Partial<Record<EventType, ClerkActionKey[]>> = {
  precheck: ['precheck'],
  sendHandoff: ['sendHandoff'],
  confirmHandoff: ['confirmHandoff'],
  returnHandoff: ['returnHandoff'],
  accept: ['accept'],
  reject: ['reject'],
  pause: ['pause'],
  resume: ['resume'],
  decide: ['approve', 'refuse'],
  deliver: ['deliver'],
  returnCall: ['returnCall'],
};
const ORDER = Object.keys(CLERK_ACTIONS) as ClerkActionKey[];

/** The clerk as the lifecycle sees them. */
export const clerkActor = (user: Pick<UserView, 'id' | 'centerId' | 'nameMasked'>): Actor => ({
  userId: user.id,
  role: 'clerk',
  centerId: user.centerId,
  name: user.nameMasked,
});

/** The buttons this clerk may press on this request now, in display order. */
export const offeredActions = (request: RequestView, actor: Actor): ClerkActionKey[] => {
  const events = allowedEvents(requestOfView(request), actor);
  const keys = new Set(events.flatMap((e) => BUTTONS_OF[e] ?? []));
  return ORDER.filter((k) => keys.has(k));
};

/** What the dialog collected. */
export type ActionFields = { reason: string; missing: string };

/** A dialog's problem with what was typed, or null; the server checks the same (at least 2 characters). */
export const actionProblem = (spec: ClerkActionSpec, f: ActionFields): string | null => {
  if (spec.reason && f.reason.trim().length < 2) return `请填写${spec.reason}`;
  if (spec.missing && !missingList(f.missing).length) return '请写明需要补正的材料';
  return null;
};

/** Missing materials typed one per line or separated by 、，, */
export const missingList = (text: string): string[] =>
  text
    .split(/[\n、，,；;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

type Target = { id: string; version: number };
/** A dialog action as its API call: the action name and its input. */
export type ClerkCall =
  | { action: 'precheck'; input: ActionInput<'clerk', 'precheck'> }
  | { action: 'accept'; input: ActionInput<'clerk', 'accept'> }
  | { action: 'resume'; input: ActionInput<'clerk', 'resume'> }
  | { action: 'deliver'; input: ActionInput<'clerk', 'deliver'> }
  | { action: 'reject'; input: ActionInput<'clerk', 'reject'> }
  | { action: 'pause'; input: ActionInput<'clerk', 'pause'> }
  | { action: 'decide'; input: ActionInput<'clerk', 'decide'> }
  | { action: 'returnHandoff'; input: ActionInput<'clerk', 'returnHandoff'> }
  | { action: 'returnCall'; input: ActionInput<'clerk', 'returnCall'> };

/** The call a dialog button makes; page buttons (handoff, confirm) make none. */
export const callFor = (key: ClerkActionKey, t: Target, f: ActionFields): ClerkCall | null => {
  const reason = f.reason.trim();
  switch (key) {
    case 'precheck':
    case 'accept':
    case 'resume':
    case 'deliver':
      return { action: key, input: t };
    case 'reject':
      return { action: 'reject', input: { ...t, reasons: reason } };
    case 'pause':
      return { action: 'pause', input: { ...t, reason, missing: missingList(f.missing) } };
    case 'approve':
      return { action: 'decide', input: { ...t, outcome: 'approved', reasons: reason } };
    case 'refuse':
      return { action: 'decide', input: { ...t, outcome: 'refused', reasons: reason } };
    case 'returnHandoff':
      return { action: 'returnHandoff', input: { ...t, reason } };
    default:
      return null;
  }
};
