/**
 * The sample dataset as one deterministic function, and its rendering as the shipped JSON files.
 * Kept apart from the command-line entry so tests can run it in-process.
 */
import type { Item } from '../../shared/catalogue.schema';
import type { Center } from '../../shared/directory.schema';
import { buildCenters } from './centers.generator';
import { buildItems } from './items.generator';

/** The whole sample dataset. */
export interface SampleData {
  centers: Center[];
  items: Item[];
}

/** The file names the generator writes under data/sample/. */
export type SampleFileName = 'centers.json' | 'items.json';

/** Generates the sample catalogue and directory; the same on every call. */
export const generateSampleData = (): SampleData => {
  const items = buildItems();
  return { items, centers: buildCenters(items) };
};

/** Renders records as a JSON array with one record per line: small, and diffs show whole records. */
export const renderRecords = (records: readonly object[]): string => `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;

/** Renders the dataset as the exact text of the shipped files. */
export const renderSampleFiles = (data: SampleData = generateSampleData()): Record<SampleFileName, string> => ({
  'centers.json': renderRecords(data.centers),
  'items.json': renderRecords(data.items),
});
