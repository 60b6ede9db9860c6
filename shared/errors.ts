/**
 * One error type with a closed union of codes. Expected failures travel as values
 * (`Result`), only bugs throw. The Chinese wording lives in `messages.zh-CN.ts`.
 */
export const ERROR_CODES = [
  // wire and contract
  'BAD_JSON',
  'BAD_URL',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_FUNCTION',
  'UNKNOWN_ACTION',
  'VALIDATION_FAILED',
  'INTERNAL',
  // identity and access
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOCAL_MODE_ONLY',
  'NOT_BOUND',
  // records
  'NOT_FOUND',
  'ITEM_NOT_FOUND',
  'CENTER_NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'IDEMPOTENCY_KEY_REUSED',
  // validators
  'INVALID_ID_NUMBER',
  'INVALID_CREDIT_CODE',
  'INVALID_PHONE',
  'INVALID_CONTACT_PHONE',
  'COMPANY_ALREADY_BOUND',
  'ID_ALREADY_BOUND',
  // routing
  'NO_ROUTE_HOME_UNKNOWN',
  'NO_ROUTE_CENTER_MISSING',
  'NO_ROUTE_TOWNSHIP_MISSING',
  'NO_ROUTE_CITY_MISSING',
  'NO_ROUTE_ZONE_MISSING',
  'NO_ROUTE_AUDIENCE',
  'INTAKE_NOT_ALLOWED',
  // lifecycle
  'ILLEGAL_TRANSITION',
  'NOT_HOLDER',
  'REASON_REQUIRED',
  'HANDOFF_NOT_PENDING',
  'HANDOFF_CODE_MISMATCH',
  'RATING_NOT_OPEN',
  'RATING_WINDOW_CLOSED',
  'ALREADY_RATED',
  'RATING_REASON_REQUIRED',
  'RECTIFICATION_NOT_OPEN',
  // calendar
  'CALENDAR_OUT_OF_RANGE',
  'CALENDAR_INVALID',
  'CALENDAR_YEAR_BUILT_IN',
  // import
  'IMPORT_INVALID',
  // invitations and roles
  'INVITE_NOT_FOUND',
  'INVITE_EXPIRED',
  'INVITE_USED',
  'INVITE_REVOKED',
  'OWN_ROLE',
  // companies and their demands (云上宠企)
  'CLAIM_PENDING',
  'CLAIM_NOT_PENDING',
  'MEMBER_NOT_FOUND',
  'OFFICER_NOT_CLERK',
  // partner systems (Open311)
  'API_KEY_INVALID',
  'RATE_LIMITED',
  'OUTSIDE_SERVICE_AREA',
  'DATE_RANGE_TOO_LONG',
  // bookings (预约)
  'SLOT_NOT_FOUND',
  'SLOT_FULL',
  'SLOT_PAST',
  'SLOT_ON_HOLIDAY',
  'CENTER_NOT_TAKING_ITEM',
  'DOUBLE_BOOKING',
  'BOOKING_BLOCKED',
  'CANCEL_TOO_LATE',
  'BOOKING_NOT_ACTIVE',
  'BOOKING_NOT_TODAY',
  'NO_SHOW_TOO_EARLY',
  // re-certification
  'CERTIFY_CLOSED',
  'PHOTO_REQUIRED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Field-level problems: field path to an error code (the app words it) or Chinese text from
 * the zh-CN tables. Anything else (a developer's note, an id) is reworded before the wire.
 */
export type FieldErrors = Record<string, string>;

/**
 * An expected failure as a plain value: its code, the fields at fault, and a developer detail.
 * No `Error` and no stack: routing refuses a fifth of all item × village pairs, and capturing a
 * stack for each was most of its time. Only the edge turns a failure into an `AppError`.
 */
export type Failure = { readonly code: ErrorCode; readonly fields?: FieldErrors; readonly detail?: string };

/**
 * The one error type of the project: what is thrown, and what the edge answers with; `cause`
 * keeps what was thrown when an edge normalized it.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'AppError';
  }

  /** The thrown form of an expected failure, for handlers and the edge. */
  static of(failure: Failure): AppError {
    return new AppError(failure.code, failure.fields, failure.detail);
  }
}

/** A domain answer: a value, or an expected failure with a stable code. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Builds a failed result with a code, optional field errors and a developer detail. */
export const fail = <T = never>(code: ErrorCode, fields?: FieldErrors, detail?: string): Result<T> => ({
  ok: false,
  error: fields === undefined && detail === undefined ? { code } : detail === undefined ? { code, fields } : { code, fields, detail },
});

/** Tells whether an unknown value is one of the closed error codes. */
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
