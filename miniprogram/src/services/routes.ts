/** Every page the app can open (the resident's, and the clerk and admin subpackages'), and the one way to open each with its parameters. */
import Taro from '@tarojs/taro';
import { platform } from '../platform';

export const TABS = {
  home: '/pages/home/index',
  centers: '/pages/centers/index',
  requests: '/pages/requests/index',
  profile: '/pages/profile/index',
} as const;

const q = (params: Record<string, string | undefined>): string => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

const push = (url: string) => void Taro.navigateTo({ url });

/** Opens pages; tab pages switch tabs. */
export const go = {
  tab: (tab: keyof typeof TABS) => void Taro.switchTab({ url: TABS[tab] }),
  center: (id: string) => push(`/pages/center/index${q({ id })}`),
  items: (p: { q?: string; lifeEvent?: string; centerId?: string; title?: string } = {}) => push(`/pages/items/index${q(p)}`),
  guide: (code: string) => push(`/pages/guide/index${q({ code })}`),
  apply: (code: string, intake?: string) => push(`/pages/apply/index${q({ code, intake })}`),
  result: (id: string, trackingNo: string) => void Taro.redirectTo({ url: `/pages/result/index${q({ id, trackingNo })}` }),
  request: (id: string) => push(`/pages/request/index${q({ id })}`),
  messages: () => push('/pages/messages/index'),
  /** 我的, opened on the company binding (a tab page takes no query through switchTab, so it is relaunched) */
  bindCompany: () => void Taro.reLaunch({ url: '/pages/profile/index?as=company' }),
  /** 隐私保护指引: what the app collects, why, and how it is kept */
  privacy: () => push('/pages/privacy/index'),
  clerkHome: () => push('/pages-clerk/home/index'),
  clerkQueue: (queue: string) => push(`/pages-clerk/queue/index${q({ queue })}`),
  clerkRequest: (id: string) => push(`/pages-clerk/request/index${q({ id })}`),
  /** the handoff slip: the checklist to send, or the slip once sent */
  clerkHandoff: (id: string) => push(`/pages-clerk/handoff/index${q({ id })}`),
  /** confirm an incoming handoff by its code (`id` shows which one is expected) */
  clerkConfirm: (id?: string) => push(`/pages-clerk/confirm/index${q({ id })}`),
  /** back to the request after an action page, without stacking another copy */
  clerkRequestAgain: (id: string) => void Taro.redirectTo({ url: `/pages-clerk/request/index${q({ id })}` }),
  /** the village's 待认证 queue (静默认证: home visits and counter checks) */
  clerkCertify: () => push('/pages-clerk/certify/index'),
  /** redeem an invitation code (a role handed over by the administrator); `code` when it came from a QR */
  redeem: (code?: string) => push(`/pages/redeem/index${q({ code })}`),
  adminHome: () => push('/pages-admin/home/index'),
  adminInvites: () => push('/pages-admin/invites/index'),
  adminCalendar: () => push('/pages-admin/calendar/index'),
  adminImports: () => push('/pages-admin/imports/index'),
  adminAudit: () => push('/pages-admin/audit/index'),
  /** 静默认证: roster and evidence imports, the indicators, the list of the uncertified */
  adminCertify: () => push('/pages-admin/certify/index'),
  /** The local-mode persona picker; the WeChat build has no such page, so it does nothing there. */
  devLogin: () => {
    if (!platform.hasDevLogin) return;
    const here = Taro.getCurrentPages().slice(-1)[0]?.route ?? '';
    if (!here.includes('dev-login')) push('/pages/dev-login/index');
  },
};

/** The query parameters of the current page. */
export const usePageParams = (): Record<string, string> => {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(String(v ?? ''))]));
};
