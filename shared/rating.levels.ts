/**
 * The five levels of 好差评 (GB/T 39734), their schema, and which of them are bad reviews: the
 * indicators' counters and the demand machine read them in every function's core, and requests
 * and demands are both rated with them, so neither schema imports the other's to get them
 * (request.schema.ts re-exports them).
 */
import * as z from 'zod/mini';

/** The levels, best first: the indicators count them as rated1 … rated5 in this order. */
export const RATING_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RatingLevelSchema = z.enum(RATING_LEVELS);

/** The bad reviews (差评): the last two levels. Each opens a rectification case. */
export const BAD_REVIEW_LEVELS: readonly RatingLevel[] = ['不满意', '非常不满意'];

/** Tells whether a rating level is a bad review. */
export const isBadReview = (level: RatingLevel): boolean => BAD_REVIEW_LEVELS.includes(level);
