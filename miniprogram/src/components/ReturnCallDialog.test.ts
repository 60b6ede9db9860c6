/** @jest-environment jsdom */
import { returnCallProblem } from './ReturnCallDialog';

const NOW = '2026-10-16T02:00:00.000Z';
const filled = { caller: '刘*', calledAt: '2026-10-16T01:30:00.000Z', note: '已致歉并说明', satisfied: true };

describe('the return-call form', () => {
  it('asks for who called, when, what was said and whether the applicant is satisfied', () => {
    expect(returnCallProblem(filled, NOW)).toBeNull();
    expect(returnCallProblem({ ...filled, caller: ' ' }, NOW)).toBe('请填写回访人');
    expect(returnCallProblem({ ...filled, calledAt: null }, NOW)).toBe('请选择回访时间');
    expect(returnCallProblem({ ...filled, note: '好' }, NOW)).toBe('请填写回访情况');
    expect(returnCallProblem({ ...filled, satisfied: null }, NOW)).toBe('请选择申请人是否满意');
  });

  it('refuses a call in the future, as the lifecycle does', () => {
    expect(returnCallProblem({ ...filled, calledAt: '2026-10-16T03:00:00.000Z' }, NOW)).toBe('回访时间不能晚于现在');
  });
});
