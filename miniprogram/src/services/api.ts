/**
 * The one API client. It owns identity (the local-mode token), the loading indicator and
 * error toasts. The transport is the platform's: on WeChat the cloud function, in the browser
 * the local gateway; each build carries only its own (see platform/).
 */
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName, WireError } from '@shared/api.schema';
import { platform } from '../platform';

const TOKEN_KEY = 'zc.token';

/** Options of one call: the loading text (false for none) and whether a failure shows a toast. */
export type CallOptions = { loading?: string | false; toast?: boolean };

/** The answer of one call: the envelope, with network failures folded into it as INTERNAL. */
export type Answer<T> = Envelope<T>;

/** The stored local-mode token, if any. */
export const getToken = (): string => (Taro.getStorageSync(TOKEN_KEY) as string) || '';

/** Keeps the token a local-mode login issued; empty clears it. */
export const setToken = (token: string): void => {
  if (token) Taro.setStorageSync(TOKEN_KEY, token);
  else Taro.removeStorageSync(TOKEN_KEY);
};

const networkError = (): WireError => ({ code: 'INTERNAL', message: '网络不通，请检查网络后重试' });

const isEnvelope = (x: unknown): x is Envelope<unknown> => typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';

/** Sends one call over the build's transport and always answers an envelope. */
const transport = async (fn: string, body: unknown): Promise<Envelope<unknown>> => {
  try {
    const raw = await platform.send(fn, body, getToken());
    return isEnvelope(raw) ? raw : { ok: false, error: networkError() };
  } catch {
    return { ok: false, error: networkError() };
  }
};

type Listener = (error: WireError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Registers a reaction to a missing or expired login (the browser build opens the persona picker). */
export const onUnauthenticated = (listener: Listener): (() => void) => {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
};

const showError = (error: WireError): void => {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
};

/** Calls `fn.action` with typed input and output; shows loading and, on failure, a toast. */
export const call = async <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
  opts: CallOptions = {},
): Promise<Answer<ActionOutput<F, A>>> => {
  const loading = opts.loading ?? false;
  if (loading) void Taro.showLoading({ title: loading, mask: true });
  const answer = (await transport(fn, { action, data })) as Answer<ActionOutput<F, A>>;
  if (loading) Taro.hideLoading();
  if (!answer.ok && answer.error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((l) => l(answer.error));
  if (!answer.ok && opts.toast !== false) showError(answer.error);
  return answer;
};
