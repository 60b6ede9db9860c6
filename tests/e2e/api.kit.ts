/**
 * What the walks with several people use to set a scene quickly: the gateway's own HTTP API
 * (the same `POST /api/<fn>` the app calls) with development tokens, and the token a browser
 * phone logged in with, so a step the walk does not look at can be taken without clicking.
 */
import type { Page } from 'playwright-core';

/** Calls `fn.action` on the gateway with a token and answers `data`, failing loudly on an error envelope. */
export const api = async <T = any>(base: string, fn: string, action: string, data: unknown, token = ''): Promise<T> => {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const env = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; fields?: unknown } };
  if (!env.ok) throw new Error(`${fn}.${action}: ${env.error?.code} ${JSON.stringify(env.error?.fields ?? {})}`);
  return env.data as T;
};

/** A development token for a persona (a clerk of a center, the administrator). */
export const tokenFor = async (base: string, persona: 'clerk' | 'admin', centerId?: string): Promise<string> =>
  (await api<{ token: string }>(base, 'session', 'devLogin', { persona, ...(centerId ? { centerId } : {}) })).token;

/** The token the app on this phone logged in with (Taro's browser storage keeps `{data}` as JSON). */
export const tokenOfPhone = async (page: Page): Promise<string> => {
  const raw = await page.evaluate(() => localStorage.getItem('zc.token'));
  if (!raw) throw new Error('the phone is not logged in');
  return (JSON.parse(raw) as { data: string }).data;
};

/** Logs the app on this phone in with a token, as the persona picker would have. */
export const loginPhone = async (page: Page, token: string): Promise<void> => {
  await page.evaluate((t) => localStorage.setItem('zc.token', JSON.stringify({ data: t })), token);
  await page.reload();
};
