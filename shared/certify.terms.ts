/**
 * The lists of re-certification (静默认证) without their schemas: the schemes, the evidence
 * sources and the outcomes the indicators count, and the pure helpers over them. The stores, the
 * configuration and the dependencies read these, so a function that never parses a roster entry
 * does not build certify.schema.ts's schemas when it loads; certify.schema.ts builds its enums from
 * these lists (and from certify.labels.ts: methods, reasons, states and their words) and re-exports them.
 */
import type { CertifyMethod, RosterState } from './certify.labels';

/** A scheme: its code, name, the department it reports to, whether a clerk's check needs a photo, and its period. */
export type Scheme = { code: string; name: string; department: string; photo: boolean; months: number };

/** The codes of the schemes below, for the schema's enum. */
export const SCHEME_CODES = ['pension', 'elderly', 'disability'] as const;
export type SchemeCode = (typeof SCHEME_CODES)[number];

/** The schemes Zoucheng re-certifies every year (sample list; a new scheme is a line here and a code above). */
export const SCHEMES: readonly (Scheme & { code: SchemeCode })[] = [
  { code: 'pension', name: '城乡居民养老保险待遇领取', department: '邹城市社会保险事业中心', photo: true, months: 12 },
  { code: 'elderly', name: '高龄津贴', department: '邹城市民政局', photo: true, months: 12 },
  { code: 'disability', name: '困难残疾人生活补贴', department: '邹城市残疾人联合会', photo: false, months: 12 },
];

/** The scheme of a code, or undefined. */
export const schemeOf = (code: string): Scheme | undefined => SCHEMES.find((s) => s.code === code);

/** Where evidence comes from; which of them certify is configured (ZC_CERTIFY_SOURCES). */
export const EVIDENCE_SOURCES = { medical: '医保结算', card: '社保卡用卡', visit: '村居走访', verified: '其他部门核验' } as const;
export const EVIDENCE_SOURCE_KEYS = ['medical', 'card', 'visit', 'verified'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCE_KEYS)[number];

/** An entry's id from its scheme and hash. */
export const rosterIdOf = (schemeCode: string, idHash: string): string => `${schemeCode}~${idHash}`;

/** What the indicators count an entry as: certified silently, in person, not yet, not eligible, or lapsed. */
export type Outcome = 'silent' | 'inPerson' | 'pending' | 'ineligible' | 'lapsed';
export const OUTCOMES: readonly Outcome[] = ['silent', 'inPerson', 'pending', 'ineligible', 'lapsed'];

/** The outcome an entry counts as (the stores keep it as an indexed field). */
export const outcomeOf = (e: { state: RosterState; certification?: { method: CertifyMethod } }): Outcome =>
  e.state === 'certified' ? (e.certification?.method === 'silent' ? 'silent' : 'inPerson') : e.state;

/** The village clerk's 待认证 queue holds an entry that is due (pending and queued) or lapsed (still certifiable late). */
export const queueOf = (e: { state: RosterState; dueQueuedAt?: string }): 'due' | null =>
  (e.state === 'pending' && e.dueQueuedAt) || e.state === 'lapsed' ? 'due' : null;
