import { BAD_REVIEW_LEVELS, RatingLevelSchema, RequestSchema, isBadReview } from './request.schema';
import { makeRequest } from '../tests/support/request.fixture';

describe('the stored request', () => {
  it('reads the rule TAIPING of requests stored before the rename as ENTRUSTED', () => {
    const legacy = { ...makeRequest(), rule: 'TAIPING' };
    expect(RequestSchema.parse(legacy).rule).toBe('ENTRUSTED');
    expect(RequestSchema.parse({ ...legacy, rule: 'ENTRUSTED' }).rule).toBe('ENTRUSTED');
  });

  it('still refuses a rule code that never existed', () => {
    expect(RequestSchema.safeParse({ ...makeRequest(), rule: 'NOWHERE' }).success).toBe(false);
  });
});

describe('bad reviews', () => {
  it('are the last two of the five levels', () => {
    expect(RatingLevelSchema.options.filter(isBadReview)).toEqual(['不满意', '非常不满意']);
    expect(BAD_REVIEW_LEVELS).toEqual(RatingLevelSchema.options.slice(3));
  });
});
