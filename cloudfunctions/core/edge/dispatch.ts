/**
 * The thin adapter shared by every cloud function: parse `{action, data}` with the
 * shared schema, resolve the caller, run the handler, answer in the one envelope. Each
 * function brings its own contract (defineFunction), so a function's bundle builds the schemas
 * of its own actions only, not those of the whole API.
 */
import type * as z from 'zod/mini';
import type { API, ActionName, ActionOutput, Envelope, FunctionName } from '../../../shared/api.schema';
import { CallSchema } from '../../../shared/api.envelope.schema';
import { AppError, fail, ok, type Result } from '../../../shared/errors';
import { fieldErrorMapZhCN } from '../../../shared/field.errormap.zh-CN';
import { errorEnvelope, normalizeError, okEnvelope, unwrap, zodFields } from './envelope';
import type { Ctx, Deps } from '../services/context';
import { resolveCaller } from '../identity/caller';

type InputOf<F extends FunctionName, A extends ActionName<F>> = z.output<(typeof API)[F]['input'][A] & z.ZodMiniType>;

/** The handlers of one function: one per action of its contract. */
export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: (ctx: Ctx, input: InputOf<F, A>) => Promise<ActionOutput<F, A>>;
};

/** A function's contract: its input and output schema per action (one entry of API). */
export type Contract<F extends FunctionName = FunctionName> = (typeof API)[F];

export type FunctionDef<F extends FunctionName = FunctionName> = { name: F; contract: Contract<F>; handlers: Handlers<F> };

/** Declares a function with its contract and its handlers, typed by the contract. */
export const defineFunction = <F extends FunctionName>(name: F, contract: Contract<F>, handlers: Handlers<F>): FunctionDef<F> => ({ name, contract, handlers });

/**
 * What a call reports back besides the envelope: the action and code for the edge's log
 * line, and on failure the normalized error, whose `cause` is what was thrown, for the edge to report.
 */
export type CallOutcome = { action: string; code: string; envelope: Envelope<unknown>; error?: AppError };

/** Parses an action's input with its contract schema; field problems are worded in zh-CN for that action. */
export const parseInput = (fn: FunctionName, contract: Contract, action: string, data: unknown): Result<unknown> => {
  const schema = Object.hasOwn(contract.input, action) ? (contract.input as Record<string, z.ZodMiniType>)[action] : undefined;
  if (!schema) return fail('UNKNOWN_ACTION', undefined, `${fn}.${action}`);
  const input = schema.safeParse(data ?? {}, { error: fieldErrorMapZhCN(`${fn}.${action}`) });
  return input.success ? ok(input.data) : { ok: false, error: new AppError('VALIDATION_FAILED', zodFields(input.error), undefined, { cause: input.error }) };
};

/** Runs one call of a function for a subject (OPENID or dev-token subject, or null). */
export const dispatch = async (fn: FunctionDef, call: unknown, deps: Deps, subject: string | null): Promise<CallOutcome> => {
  const parsed = CallSchema.safeParse(call);
  const action = parsed.success ? parsed.data.action : '?';
  try {
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', zodFields(parsed.error), undefined, { cause: parsed.error });
    const handler = (fn.handlers as Record<string, (ctx: Ctx, input: unknown) => Promise<unknown>>)[action];
    if (!handler || !Object.hasOwn(fn.handlers, action)) throw new AppError('UNKNOWN_ACTION', undefined, `${fn.name}.${action}`);
    const input = unwrap(parseInput(fn.name, fn.contract, action, parsed.data.data));
    // an administrator's new holiday year reaches every function within the source's time-to-live
    await deps.calendarSource.refresh();
    const ctx: Ctx = { deps, caller: await resolveCaller(deps, subject) };
    const data = await handler(ctx, input);
    if (deps.checkOutput) checkOutput(fn, action, data);
    return { action, code: 'OK', envelope: okEnvelope(data) };
  } catch (e) {
    const error = normalizeError(e);
    return { action, code: error.code, envelope: errorEnvelope(error), error };
  }
};

const checkOutput = (fn: FunctionDef, action: string, data: unknown) => {
  const schema = (fn.contract.output as Record<string, z.ZodMiniType>)[action];
  const r = schema?.safeParse(data);
  if (r && !r.success)
    throw new AppError('INTERNAL', undefined, `answer of ${fn.name}.${action} breaks its contract: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
};
