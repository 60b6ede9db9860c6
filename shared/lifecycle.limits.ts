/**
 * The lifecycle's working-day limits, as the product design sets them. The backend may
 * configure the first two per deployment; these are the defaults everyone falls back to.
 */

/** Working days a handoff may wait for its receiving clerk before it is overdue (default). */
export const DEFAULT_HANDOFF_LIMIT_DAYS = 2;

/** Working days a bad review's rectification may take unless configured (default). */
export const DEFAULT_RECTIFICATION_DAYS = 15;

/** Working days after delivery (or decision) within which a rating is still accepted. */
export const RATING_WINDOW_DAYS = 5;

/** Working days an applicant has to supplement missing materials unless configured (default). */
export const DEFAULT_SUPPLEMENT_DAYS = 10;

/** Working days after submission by which the paper originals should reach the intake center (the one visit of 一次办好). */
export const PAPER_ORIGINALS_DAYS = 5;
