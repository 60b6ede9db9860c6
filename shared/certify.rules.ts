/**
 * The rules of re-certification, pure: what one matching pass does to one roster entry given
 * the evidence found for that person, and what a village clerk's check does. The caller passes
 * today's China date and the instant; nothing here reads a clock or a store.
 */
import { fail, ok, type Result } from './errors';
import { addChinaDays, type ChinaDate } from './china.time';
import { EVIDENCE_SOURCES, schemeOf, type EvidenceSource } from './certify.terms';
import { METHOD_LABELS, REASON_LABELS, type CertifyMethod, type IneligibleReason } from './certify.labels';
import type { Certification, Evidence, RosterEntry } from './certify.schema';

/** The settings of a pass: which sources certify, and how many days before a period ends a person is queued. */
export type PassRules = { sources: readonly EvidenceSource[]; dueDays: number };

/** The default lead time: the scheduler queues everyone due within 30 days. */
export const DEFAULT_DUE_DAYS = 30;

/** What a pass did to one entry; `entry` is the new record to write (absent when nothing changed). */
export type PassStep = {
  entry?: RosterEntry;
  /** silent: certified by evidence; queued: now due (clerk queue and notice); lapsed: the period ended uncertified; rolled: a new period began */
  events: ('silent' | 'queued' | 'lapsed' | 'rolled')[];
  /** the audit note of a silent certification, naming the evidence */
  note?: string;
};

/** The date `months` months after `date`, clamped to the month's last day (2026-01-31 + 1 = 2026-02-28). */
export const addMonths = (date: ChinaDate, months: number): ChinaDate => {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** The period after a certification on `on`: the next day to the same day `months` later. */
export const periodAfter = (on: ChinaDate, months: number) => ({ periodStart: addChinaDays(on, 1), periodEnd: addMonths(on, months) });

/** Whole days from `from` to `to` (China dates). */
export const daysBetween = (from: ChinaDate, to: ChinaDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The newest evidence of a certifying source inside the entry's period and not after today. */
export const evidenceWithin = (entry: RosterEntry, evidence: readonly Evidence[], rules: PassRules, today: ChinaDate): Evidence | null => {
  const last = entry.periodEnd < today ? entry.periodEnd : today;
  let best: Evidence | null = null;
  for (const e of evidence) {
    if (e.idHash !== entry.idHash || !rules.sources.includes(e.source)) continue;
    if (e.date < entry.periodStart || e.date > last) continue;
    if (!best || e.date > best.date || (e.date === best.date && e.id > best.id)) best = e;
  }
  return best;
};

/** The audit note of a silent certification: the scheme, the source, the date and the evidence id. */
export const silentNote = (entry: RosterEntry, e: Evidence): string =>
  `静默认证：${schemeOf(entry.schemeCode)?.name ?? entry.schemeCode}，依据${EVIDENCE_SOURCES[e.source]}记录（${e.date}，证据编号 ${e.id}）`;

/**
 * A certified entry stays certified until its next period falls due: the 12 months from the
 * certification, entered once they end within the notice days. Evidence since the certification counts for it.
 */
const rolled = (entry: RosterEntry, rules: PassRules, today: ChinaDate, at: string): RosterEntry | null => {
  if (entry.state !== 'certified' || !entry.certification) return null;
  const next = periodAfter(entry.certification.on, schemeOf(entry.schemeCode)?.months ?? 12);
  if (daysBetween(today, next.periodEnd) > rules.dueDays) return null;
  const { certification, dueQueuedAt: _q, ...rest } = entry;
  return { ...rest, ...next, state: 'pending', previous: certification, updatedAt: at };
};

/**
 * One entry in a matching pass: open the next period of a certification falling due, certify silently on the newest evidence
 * inside the period, else flag it lapsed once the period ended, else queue it when it falls due.
 * A clerk's finding of not eligible is never undone by a pass.
 */
export const passStep = (entry: RosterEntry, evidence: readonly Evidence[], rules: PassRules, today: ChinaDate, at: string): PassStep => {
  if (entry.state === 'ineligible') return { events: [] };
  const events: PassStep['events'] = [];
  const done = (next: RosterEntry | null, note?: string): PassStep =>
    next ? { entry: { ...next, version: entry.version + 1 }, events, ...(note ? { note } : {}) } : { events };
  let next = entry;
  const roll = rolled(entry, rules, today, at);
  if (roll) {
    next = roll;
    events.push('rolled');
  }
  if (next.state === 'certified') return done(roll);
  const found = evidenceWithin(next, evidence, rules, today);
  if (found) {
    const certification: Certification = { on: found.date, method: 'silent', at, evidence: { id: found.id, source: found.source, date: found.date } };
    const { lapsedAt: _l, ...rest } = next;
    events.push('silent');
    return done({ ...rest, state: 'certified', certification, updatedAt: at }, silentNote(next, found));
  }
  if (today > next.periodEnd) {
    if (next.state === 'lapsed') return done(roll);
    events.push('lapsed');
    return done({ ...next, state: 'lapsed', lapsedAt: at, updatedAt: at });
  }
  if (!next.dueQueuedAt && daysBetween(today, next.periodEnd) <= rules.dueDays) {
    events.push('queued');
    return done({ ...next, dueQueuedAt: at, updatedAt: at });
  }
  return done(roll);
};

/** What a village clerk records after a home visit or a counter check. */
export type ClerkFinding =
  | { result: 'certified'; way: Exclude<CertifyMethod, 'silent'>; photo?: string; note?: string }
  | { result: 'ineligible'; reason: IneligibleReason; note?: string; photo?: string };

type Clerk = { userId: string; name?: string; centerId?: string };

/**
 * A clerk's check of one entry: only the clerk of the person's home village, only while the
 * person is pending or lapsed; a scheme that needs a photo gets one with a certification.
 */
export const recordFinding = (entry: RosterEntry, finding: ClerkFinding, clerk: Clerk, today: ChinaDate, at: string): Result<RosterEntry> => {
  if (clerk.centerId !== entry.villageId) return fail('NOT_HOLDER', undefined, `${entry.id} belongs to ${entry.villageId}`);
  if (entry.state !== 'pending' && entry.state !== 'lapsed') return fail('CERTIFY_CLOSED');
  const by = { userId: clerk.userId, ...(clerk.name ? { name: clerk.name } : {}), ...(clerk.centerId ? { centerId: clerk.centerId } : {}) };
  const base = { ...entry, version: entry.version + 1, updatedAt: at };
  const { lapsedAt: _l, ...open } = base;
  if (finding.result === 'certified') {
    if (schemeOf(entry.schemeCode)?.photo && !finding.photo) return fail('PHOTO_REQUIRED', { photo: '这个项目认证时要拍一张本人照片' });
    const certification: Certification = {
      on: today,
      method: finding.way,
      at,
      by,
      ...(finding.photo ? { photo: finding.photo } : {}),
      ...(finding.note ? { note: finding.note } : {}),
    };
    return ok({ ...open, state: 'certified', certification });
  }
  const ineligible = {
    reason: finding.reason,
    on: today,
    at,
    by,
    ...(finding.note ? { note: finding.note } : {}),
    ...(finding.photo ? { photo: finding.photo } : {}),
  };
  return ok({ ...base, state: 'ineligible', ineligible });
};

/** The audit note of a clerk's finding. */
export const findingNote = (entry: RosterEntry, finding: ClerkFinding): string => {
  const scheme = schemeOf(entry.schemeCode)?.name ?? entry.schemeCode;
  return finding.result === 'certified'
    ? `${scheme}：${METHOD_LABELS[finding.way]}认证通过`
    : `${scheme}：认证未通过（${REASON_LABELS[finding.reason]}${finding.note ? `，${finding.note}` : ''}）`;
};

/** The reminder a bound person gets when they fall due: how to certify for real, no face verification. */
export const reminderOf = (entry: RosterEntry, villageName: string) => ({
  kind: 'certify',
  title: '认证提醒',
  body:
    `您领取的“${schemeOf(entry.schemeCode)?.name ?? entry.schemeCode}”需要在${entry.periodEnd}前完成今年的资格认证。` +
    `平时看病用医保、使用社保卡的，系统会自动完成静默认证；没有这些记录的，请带身份证到${villageName}办理，行动不便的可请村代办员上门认证。`,
});
