/**
 * The edge normalizes what was thrown and keeps it as the cause, answers a status for every
 * code, and reports a bug with its stack while an expected failure is only counted.
 */
import { z } from 'zod';
import { AppError, ERROR_CODES } from '../../../shared/errors';
import { normalizeError } from './envelope';
import { HTTP_STATUS, httpStatusFor } from './http.status';
import { internalErrorReport } from './call.log';

describe('normalizeError', () => {
  it('turns a bug into INTERNAL that keeps the thrown error as its cause', () => {
    const bug = new TypeError('x is undefined');
    const e = normalizeError(bug);
    expect(e).toMatchObject({ code: 'INTERNAL', cause: bug });
  });

  it('turns a zod error into VALIDATION_FAILED that keeps it as its cause', () => {
    const r = z.object({ lat: z.number() }).safeParse({ lat: 'north' });
    const e = normalizeError(r.error);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', fields: { lat: '纬度格式不正确' }, cause: r.error });
  });

  it('passes a coded error through as it is', () => {
    const coded = new AppError('FORBIDDEN');
    expect(normalizeError(coded)).toBe(coded);
  });
});

describe('the HTTP status table', () => {
  it('has a status for every error code and 200 for success', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect([httpStatusFor('OK'), httpStatusFor('UNAUTHENTICATED'), httpStatusFor('NOT_HOLDER'), httpStatusFor('CONFLICT'), httpStatusFor('INTERNAL')]).toEqual([
      200, 401, 403, 409, 500,
    ]);
  });
});

describe('internalErrorReport', () => {
  it('reports a bug with the function, the action and the stack of what was thrown', () => {
    const report = internalErrorReport('clerk', 'accept', normalizeError(new RangeError('Invalid time value')));
    expect(report).toMatch(/^internal error in clerk\.accept: RangeError: Invalid time value\n\s+at /);
  });

  it('says nothing of an expected, coded failure', () => {
    expect(internalErrorReport('session', 'bindResident', new AppError('INVALID_ID_NUMBER', { idNumber: 'INVALID_ID_NUMBER' }))).toBeNull();
    expect(internalErrorReport('session', 'whoami', undefined)).toBeNull();
  });

  it('names only the type of a thrown value that is not an Error, which could be data', () => {
    expect(internalErrorReport('requests', 'submit', normalizeError('370883199001011234'))).toBe(
      'internal error in requests.submit: a thrown string, not an Error',
    );
  });
});
