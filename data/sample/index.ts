/**
 * The shipped sample dataset, parsed with the shared schemas. The JSON files are written by
 * `npm run generate:sample`; every record carries `sample: true` until the official lists are
 * imported. This lives outside shared/ because shared/ must not load files.
 */
import * as z from 'zod/mini';
import { ItemSchema, type Item } from '../../shared/catalogue.schema';
import { CenterSchema, type Center } from '../../shared/directory.schema';
import centersJson from './centers.json';
import itemsJson from './items.json';

export { SAMPLE_COUNTS } from './sample-counts';

/** Loads the sample directory (city, townships, zone, villages, banks); a fresh copy per call. */
export const loadSampleCenters = (): Center[] => z.array(CenterSchema).parse(centersJson);

/** Loads the sample catalogue (village, township and city items); a fresh copy per call. */
export const loadSampleItems = (): Item[] => z.array(ItemSchema).parse(itemsJson);
