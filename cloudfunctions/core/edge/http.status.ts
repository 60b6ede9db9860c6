import type { ErrorCode } from '../../../shared/errors';

/**
 * The HTTP status the local gateway answers for each error code (the envelope carries the
 * detail). A Record, so a new code does not compile until it has a status here.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_JSON: 400,
  BAD_URL: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  VALIDATION_FAILED: 400,
  INTERNAL: 500,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOCAL_MODE_ONLY: 403,
  NOT_BOUND: 400,
  NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  CENTER_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  INVALID_ID_NUMBER: 400,
  INVALID_CREDIT_CODE: 400,
  INVALID_PHONE: 400,
  COMPANY_ALREADY_BOUND: 400,
  NO_ROUTE_HOME_UNKNOWN: 400,
  NO_ROUTE_CENTER_MISSING: 400,
  NO_ROUTE_TOWNSHIP_MISSING: 400,
  NO_ROUTE_CITY_MISSING: 400,
  NO_ROUTE_ZONE_MISSING: 400,
  NO_ROUTE_AUDIENCE: 400,
  INTAKE_NOT_ALLOWED: 400,
  ILLEGAL_TRANSITION: 400,
  NOT_HOLDER: 403,
  REASON_REQUIRED: 400,
  HANDOFF_NOT_PENDING: 400,
  HANDOFF_CODE_MISMATCH: 400,
  RATING_NOT_OPEN: 400,
  RATING_WINDOW_CLOSED: 400,
  ALREADY_RATED: 400,
  CALENDAR_OUT_OF_RANGE: 400,
  IMPORT_INVALID: 400,
};

/** The HTTP status of an answer: 200 for success, else the status of its error code. */
export const httpStatusFor = (code: ErrorCode | 'OK'): number => (code === 'OK' ? 200 : HTTP_STATUS[code]);
