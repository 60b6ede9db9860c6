/**
 * The shipped search vocabulary (synonym groups and filler words), parsed with the shared
 * schema. The administrator's own groups come on top of it from the store (admin.setSynonyms).
 * This lives outside shared/ because shared/ must not load files.
 */
import { SynonymsFileSchema, type SynonymsFile } from '../../shared/search.schema';
import synonymsJson from './synonyms.json';

/** Loads the shipped synonym groups and fillers; a fresh copy per call. */
export const loadSynonyms = (): SynonymsFile => SynonymsFileSchema.parse(synonymsJson);
