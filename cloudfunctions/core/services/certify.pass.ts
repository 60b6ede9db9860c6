/**
 * The matching pass of 静默认证: walks every roster entry by id in pages (the primary key, so
 * the cursor is an index seek), asks for the evidence of the page's people only, and applies
 * the pure rule (shared/certify.rules.ts) to each: certify silently with an audit entry naming
 * the evidence, queue the ones due within the notice days (the village clerk's 待认证 queue and
 * a 认证提醒 to a bound person), flag the ones whose period ended. Never loads everything:
 * one page of entries and their evidence at a time. Where it stands is stored (CertifyStore's
 * pass state), so a run stopped by its time budget (a cloud function has 60 s) is resumed by
 * the next; a new pass starts once a day, or when an import changed the rosters or the evidence.
 */
import { passStep, reminderOf } from '../../../shared/certify.rules';
import { chinaDateOf } from '../../../shared/china.time';
import type { Evidence, RosterEntry } from '../../../shared/certify.schema';
import type { PassReport } from '../../../shared/api.certify.schema';
import type { Deps } from './context';

type PassDeps = Pick<Deps, 'rosters' | 'users' | 'outbox' | 'directory' | 'now' | 'certifyRules'>;

/** The stored state: the pass under way (its day and cursor), the last complete one, and the last import's instant. */
export type PassState = {
  running?: { day: string; startedAt: string; after: string | null; scanned: number };
  lastComplete?: { day: string; at: string };
  /** set by an import: a pass that started before it reads again */
  changedAt?: string;
};

/** How much a run may do: wall time (the scheduler's share of 60 s) and, in tests, pages. */
export type PassBudget = { ms?: number; pages?: number };

/** Entries a page reads: 500 people and their evidence (about 3,500 records at Zoucheng's rate). */
export const PASS_PAGE = 500;
/** Writes in flight at once within a page. */
const WIDTH = 16;

/** The stored state, or an empty one. */
export const readPassState = async (deps: Pick<Deps, 'rosters'>): Promise<PassState> => {
  const text = await deps.rosters.getCertifyPass();
  return text ? (JSON.parse(text) as PassState) : {};
};

/** Marks that an import changed rosters or evidence, so the next run starts a fresh pass. */
export const markCertifyChanged = async (deps: Pick<Deps, 'rosters' | 'now'>): Promise<void> => {
  const state = await readPassState(deps);
  await deps.rosters.putCertifyPass(JSON.stringify({ ...state, changedAt: deps.now().toISOString() } satisfies PassState));
};

/** Whether a new pass is due: none ever, not yet today, or an import since the last one started. */
const passDue = (state: PassState, today: string): boolean =>
  !state.lastComplete || state.lastComplete.day !== today || (!!state.changedAt && state.changedAt > state.lastComplete.at);

const emptyReport = (): PassReport => ({ scanned: 0, silent: 0, queued: 0, lapsed: 0, rolled: 0, notices: 0, conflicts: 0, complete: false });

const SYSTEM = { userId: 'system', role: 'system' as const };

/** A bound person's reminder, once per entry and period (its id says which), to their account. */
const remind = async (deps: PassDeps, entry: RosterEntry, villages: Map<string, string>, at: string): Promise<boolean> => {
  const user = await deps.users.findUserByIdHash(entry.idHash);
  if (!user) return false;
  if (!villages.has(entry.villageId)) villages.set(entry.villageId, (await deps.directory.getCenter(entry.villageId))?.name ?? '村居为民服务中心');
  const added = await deps.outbox.addOutbox({
    ...reminderOf(entry, villages.get(entry.villageId)!),
    // within the 80 characters of an id: a prefix of the hash is unique enough for one person's notice
    id: `notice-certify-${entry.schemeCode}-${entry.idHash.slice(0, 32)}-${entry.periodEnd}`,
    version: 1,
    to: { userId: user.id },
    createdAt: at,
    state: 'pending',
    attempts: 0,
  });
  if (added.ok) return true;
  if (added.error.code !== 'DUPLICATE') throw added.error;
  return false;
};

/** Applies the rule to one page of entries: one evidence query for the page, then each change in its own conditional write. */
const runPage = async (deps: PassDeps, page: RosterEntry[], today: string, at: string, report: PassReport, villages: Map<string, string>) => {
  const from = page.reduce((min, e) => (e.periodStart < min ? e.periodStart : min), today);
  // a certified entry whose period ended rolls into a period that starts after its certification, still before today
  const evidence = await deps.rosters.evidenceOf([...new Set(page.map((e) => e.idHash))], from, today, deps.certifyRules.sources);
  const byPerson = new Map<string, Evidence[]>();
  for (const e of evidence) byPerson.set(e.idHash, [...(byPerson.get(e.idHash) ?? []), e]);
  const steps = page.map((entry) => ({ entry, step: passStep(entry, byPerson.get(entry.idHash) ?? [], deps.certifyRules, today, at) }));
  const changed = steps.filter((s) => s.step.entry);
  for (let i = 0; i < changed.length; i += WIDTH) {
    await Promise.all(
      changed.slice(i, i + WIDTH).map(async ({ entry, step }) => {
        const audit = step.note ? [{ at, actor: SYSTEM, action: 'certify.silent', note: step.note, ids: [entry.id] }] : [];
        const saved = await deps.rosters.updateRosterEntry(step.entry!, entry.version, audit);
        if (!saved.ok) return void (report.conflicts += 1); // a clerk recorded a finding meanwhile: theirs stands
        for (const ev of step.events) report[ev] += 1;
        if (step.events.includes('queued') && (await remind(deps, saved.value, villages, at))) report.notices += 1;
      }),
    );
  }
  report.scanned += page.length;
};

/** Runs the pass within the budget: resumes the stored one, or starts a new one when due; answers what it did. */
export const runCertifyPass = async (deps: PassDeps, budget: PassBudget = {}, pageSize = PASS_PAGE): Promise<PassReport> => {
  const at = deps.now().toISOString();
  const today = chinaDateOf(at)!;
  const started = deps.now().getTime();
  const state = await readPassState(deps);
  const report = emptyReport();
  if (!state.running && !passDue(state, today)) return { ...report, complete: true };
  const running = state.running && state.running.day === today ? state.running : { day: today, startedAt: at, after: null, scanned: 0 };
  const villages = new Map<string, string>();
  for (let pages = 0; ;) {
    const page = await deps.rosters.rosterAfter(running.after, pageSize);
    if (page.length) await runPage(deps, page, today, at, report, villages);
    running.after = page.length ? page[page.length - 1].id : running.after;
    running.scanned += page.length;
    pages += 1;
    if (page.length < pageSize) break;
    const spent = (budget.pages !== undefined && pages >= budget.pages) || (budget.ms !== undefined && deps.now().getTime() - started >= budget.ms);
    if (spent) {
      const latest = await readPassState(deps); // an import during the run keeps its mark
      await deps.rosters.putCertifyPass(JSON.stringify({ ...latest, running } satisfies PassState));
      return report;
    }
  }
  const latest = await readPassState(deps);
  const { running: _r, ...rest } = latest;
  await deps.rosters.putCertifyPass(JSON.stringify({ ...rest, lastComplete: { day: today, at: running.startedAt } } satisfies PassState));
  return { ...report, complete: true };
};
