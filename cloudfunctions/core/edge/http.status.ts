import type { ErrorCode } from '../../../shared/errors';

/** The HTTP status the local gateway answers for each error code (the envelope carries the detail). */
export const httpStatusFor = (code: ErrorCode | 'OK'): number => {
  switch (code) {
    case 'OK':
      return 200;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'LOCAL_MODE_ONLY':
    case 'NOT_HOLDER':
      return 403;
    case 'NOT_FOUND':
    case 'ITEM_NOT_FOUND':
    case 'CENTER_NOT_FOUND':
    case 'UNKNOWN_FUNCTION':
    case 'UNKNOWN_ACTION':
      return 404;
    case 'CONFLICT':
    case 'DUPLICATE':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'INTERNAL':
      return 500;
    default:
      return 400;
  }
};
