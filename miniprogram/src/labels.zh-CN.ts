/**
 * The app's own display words: kinds of centers, item levels, intake channels.
 * Request states and timeline actions come from `shared/labels.zh-CN.ts`.
 */
import type { CenterKind } from '@shared/directory.schema';
import type { Audience, ItemLevel, LifeEvent } from '@shared/catalogue.schema';
import type { IntakeChannel, RuleCode } from '@shared/routing.schema';
import type { QueueName } from '@shared/api.schema';
import type { ChecklistEntry } from '@shared/request.schema';

/** Short tag of each kind of center. */
export const CENTER_KIND_ZH_CN: Record<CenterKind, string> = {
  village: '村居',
  township: '镇街',
  city: '市级',
  zone: '开发区',
  bank: '合作银行',
};

/** Where an item is decided, in words a resident knows. */
export const ITEM_LEVEL_ZH_CN: Record<ItemLevel, string> = { village: '村级办理', township: '镇街办理', city: '市级办理' };

/** The short name of each intake channel, shown above its note. */
export const CHANNEL_ZH_CN: Record<IntakeChannel, string> = {
  home_village: '在本村提交（帮办代办）',
  home_township: '到镇街提交',
  decider: '到审批地直接办',
  bank: '到合作银行网点',
  citywide: '全市通办，就近提交',
  online: '网上办理',
};

/** The slogan of each routing rule. */
export const RULE_ZH_CN: Record<RuleCode, string> = {
  VILLAGE: '小事不出村',
  TOWNSHIP: '大事不出镇',
  CITY: '所有事不出城',
  ENTRUSTED: '镇街承接市级权力',
  ZONE: '区内事区内办',
};

/** One large character and colour per life event, so the entry grid reads without glasses (no emoji font needed); each colour holds 4.5:1 against its white character. */
export const LIFE_EVENT_BADGE: Record<LifeEvent, { char: string; color: string }> = {
  生育: { char: '育', color: '#c2410c' },
  上学: { char: '学', color: '#1d5fd6' },
  就业: { char: '业', color: '#0b7285' },
  养老: { char: '老', color: '#c2255c' },
  建房: { char: '房', color: '#237032' },
  婚姻: { char: '婚', color: '#d6336c' },
  残疾人: { char: '助', color: '#5f3dc4' },
  社会救助: { char: '救', color: '#b45309' },
  医疗: { char: '医', color: '#1971c2' },
  户籍: { char: '户', color: '#495057' },
  农业生产: { char: '农', color: '#4a7a0a' },
  退役军人: { char: '军', color: '#a61e4d' },
  开办企业: { char: '企', color: '#364fc7' },
  工程建设: { char: '建', color: '#862e9c' },
};

/** Who an item is for, as a resident reads it on the guide. */
export const AUDIENCE_ZH_CN: Record<Audience, string> = { person: '面向个人', company: '面向企业', both: '个人和企业均可办理' };

/** 即办件 / 承诺件. */
export const itemKindLabel = (kind: 'immediate' | 'promised'): string => (kind === 'immediate' ? '即办件' : '承诺件');

/** The promised term in words: 即办 or N 个工作日. */
export const promisedLabel = (days: number): string => (days === 0 ? '当场办结' : `${days}个工作日`);

/** The visits an item needs: 0 means 零跑腿. */
export const visitsLabel = (visits: number): string => (visits === 0 ? '零跑腿（不用跑）' : `最多跑${visits}次`);

/** The clerk's work queues, in the order a day's work runs. */
export const QUEUE_ZH_CN: Record<QueueName, string> = {
  precheck: '待预审',
  incoming: '待签收',
  accept: '待受理',
  paused: '待补正',
  decide: '待办结',
  deliver: '待送达',
  overdue: '已超期',
  rectify: '整改回访',
};

/** How one material travels with a handoff. */
export const CHECKLIST_FORM_ZH_CN: Record<ChecklistEntry['form'], string> = { paper_original: '纸质原件', paper_copy: '复印件', file: '电子件' };
