/**
 * Search benchmark over the sample catalogue: building the index (pinyin of every name), the
 * precision of the fixed query table (tests/fixtures/search.table.ts) at 1 and at 5, and the
 * throughput and latency of one page of results, on one core.
 */
import { performance } from 'node:perf_hooks';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { loadSynonyms } from '../data/search';
import { buildDirectory } from '../shared/directory';
import { buildSearchIndex, type SearchIndex } from '../shared/search.index';
import { searchCatalogue, type SearchViewer } from '../shared/search.rank';
import { searchViewerOf } from '../shared/search.context';
import { romanize } from '../cloudfunctions/core/services/pinyin.romanizer';
import { SEARCH_HOME_VILLAGE, SEARCH_TABLE } from '../tests/fixtures/search.table';
import { round, summarize } from './bench.stats';
import type { BenchRow } from './bench.types';

const PAGE = 20;
const WARM_UP = 20_000;
const RUNS = 200_000;

/** The rank of the expected item in the first five (1-based), or 0 when it is not there. */
const rankOf = (index: SearchIndex, q: string, viewer: SearchViewer, code: string): number =>
  searchCatalogue(index, q, viewer, { limit: 5 }).hits.findIndex((h) => h.item.code === code) + 1;

/** Measures the index build, the table's precision, and search throughput and latency. */
export async function benchSearch(): Promise<BenchRow[]> {
  const items = loadSampleItems();
  const dir = buildDirectory(loadSampleCenters());
  const vocabulary = loadSynonyms();
  const t0 = performance.now();
  const index = buildSearchIndex(items, vocabulary, romanize);
  const buildMs = performance.now() - t0;

  const viewers = {
    resident: searchViewerOf(dir, { role: 'resident', homeVillageId: SEARCH_HOME_VILLAGE }),
    company: searchViewerOf(dir, { role: 'company' }),
    anyone: searchViewerOf(dir, null),
  };
  const ranks = SEARCH_TABLE.map((c) => rankOf(index, c.q, viewers[c.as ?? 'resident'], c.expect));
  const at1 = ranks.filter((r) => r === 1).length;
  const at5 = ranks.filter((r) => r >= 1).length;
  const misses = SEARCH_TABLE.flatMap((c, i) => (ranks[i] === 1 ? [] : [`${c.q} → #${ranks[i] || '>5'}`]));

  const queries = SEARCH_TABLE.map((c) => ({ q: c.q, viewer: viewers[c.as ?? 'resident'] }));
  for (let i = 0; i < WARM_UP; i += 1) searchCatalogue(index, queries[i % queries.length].q, queries[i % queries.length].viewer, { limit: PAGE });
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let found = 0;
  for (let i = 0; i < RUNS; i += 1) found += searchCatalogue(index, queries[i % queries.length].q, queries[i % queries.length].viewer, { limit: PAGE }).total;
  const wallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  const latencies = queries.flatMap(({ q, viewer }) =>
    Array.from({ length: 200 }, () => {
      const t = performance.now();
      searchCatalogue(index, q, viewer, { limit: PAGE });
      return (performance.now() - t) * 1000;
    }),
  );
  const perQuery = queries
    .map(({ q, viewer }) => {
      const t = performance.now();
      for (let i = 0; i < 500; i += 1) searchCatalogue(index, q, viewer, { limit: PAGE });
      return { q, us: ((performance.now() - t) * 1000) / 500 };
    })
    .sort((a, b) => b.us - a.us);

  const latency = summarize(latencies);
  return [
    {
      name: 'search index build',
      value: round(buildMs),
      unit: 'ms',
      rounds: 1,
      spread: 0,
      note: `${items.length} items with pinyin and initials (pinyin-pro), ${vocabulary.groups.length} synonym groups`,
    },
    {
      name: 'search precision at 1',
      value: round(at1 / ranks.length, 3),
      unit: 'share',
      rounds: 1,
      spread: 0,
      note: `${at1} of ${ranks.length} table queries put the expected item first; not first: ${misses.join(', ')}`,
    },
    {
      name: 'search precision at 5',
      value: round(at5 / ranks.length, 3),
      unit: 'share',
      rounds: 1,
      spread: 0,
      note: `${at5} of ${ranks.length} have it among the first five`,
    },
    {
      name: 'search throughput (one core, CPU time)',
      value: Math.round((RUNS / cpuMs) * 1000),
      unit: 'queries/s',
      rounds: 1,
      spread: 0,
      note: `${RUNS} table queries, page of ${PAGE}, ${found} matches counted; wall clock ${Math.round((RUNS / wallMs) * 1000)} queries/s`,
    },
    {
      name: 'search latency p50',
      value: round(latency.p50),
      unit: 'µs',
      rounds: 1,
      spread: 0,
      note: `${latency.count} timed single queries, mean ${round(latency.mean)} µs`,
    },
    {
      name: 'search latency p99',
      value: round(latency.p99),
      unit: 'µs',
      rounds: 1,
      spread: 0,
      note: `slowest query: ${perQuery[0].q} ${perQuery[0].us.toFixed(1)} µs`,
    },
  ];
}
