/** dispatch answers a bug in the envelope without its detail, and hands the edge the error and its cause. */
import { API } from '../../../shared/api.schema';
import { createDeps } from '../services/deps';
import { createSqliteStore } from '../stores/sqlite.store';
import { defineFunction, dispatch, type FunctionDef, type Handlers } from './dispatch';
import { messageFor } from '../../../shared/messages.zh-CN';
import type { Deps } from '../services/context';

const store = createSqliteStore({ path: ':memory:' });
let deps: Deps;
beforeAll(async () => {
  deps = await createDeps({ store, mode: 'local', now: () => new Date('2026-09-28T01:00:00.000Z') });
});
afterAll(() => store.close());

const failing = (thrown: unknown) =>
  // only the action under test; the admin function's other actions do not matter here
  defineFunction('admin', API.admin, {
    async stats() {
      throw thrown;
    },
  } as Pick<Handlers<'admin'>, 'stats'> as Handlers<'admin'>) as unknown as FunctionDef;

it('answers a bug as INTERNAL with the Chinese message and hands the thrown error to the edge', async () => {
  const bug = new TypeError('cannot read the indicators of 370883199001011234');
  const outcome = await dispatch(failing(bug), { action: 'stats', data: {} }, deps, null);
  expect(outcome).toMatchObject({ action: 'stats', code: 'INTERNAL', envelope: { ok: false, error: { code: 'INTERNAL', message: messageFor('INTERNAL') } } });
  expect(outcome.error?.cause).toBe(bug);
  expect(JSON.stringify(outcome.envelope)).not.toContain('370883199001011234');
});

it('hands the edge an expected failure as the coded error it is', async () => {
  const outcome = await dispatch(failing(new TypeError('unused')), { action: 'nope', data: {} }, deps, null);
  expect(outcome).toMatchObject({ action: 'nope', code: 'UNKNOWN_ACTION', error: { code: 'UNKNOWN_ACTION' } });
});

it('answers success without an error', async () => {
  const ok = defineFunction('admin', API.admin, { stats: async () => ({ indicators: undefined as never, at: 'x' }) } as unknown as Pick<
    Handlers<'admin'>,
    'stats'
  > as Handlers<'admin'>) as unknown as FunctionDef;
  const outcome = await dispatch(ok, { action: 'stats', data: {} }, { ...deps, checkOutput: false }, null);
  expect(outcome).toEqual({ action: 'stats', code: 'OK', envelope: { ok: true, data: { at: 'x' } } });
});
