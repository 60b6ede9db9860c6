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
  center: (id: string) => push(`/pages-service/center/index${q({ id })}`),
  items: (p: { q?: string; lifeEvent?: string; centerId?: string; title?: string } = {}) => push(`/pages-service/items/index${q(p)}`),
  guide: (code: string) => push(`/pages-service/guide/index${q({ code })}`),
  apply: (code: string, intake?: string) => push(`/pages-service/apply/index${q({ code, intake })}`),
  result: (id: string, trackingNo: string) => void Taro.redirectTo({ url: `/pages-service/result/index${q({ id, trackingNo })}` }),
  request: (id: string) => push(`/pages-service/request/index${q({ id })}`),
  messages: () => push('/pages-service/messages/index'),
  /** 完善实名信息 / 修改实名信息 (the binding form) */
  bind: () => push('/pages-service/bind/index'),
  /** 隐私保护指引: what the app collects, why, and how it is kept */
  privacy: () => push('/pages-service/privacy/index'),
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
  redeem: (code?: string) => push(`/pages-service/redeem/index${q({ code })}`),
  /** the company side (issue 12): the company home, a claim, the members, a demand (`id`), or a new one */
  companyHome: () => push('/pages-company/home/index'),
  companyClaim: () => push('/pages-company/claim/index'),
  companyMembers: () => push('/pages-company/members/index'),
  companyDemand: (id?: string) => push(`/pages-company/demand/index${q({ id })}`),
  /** the clerks' 企业认领 and 企业诉求 queues, and one demand; 辖区企业 (each company's 企业管家) */
  clerkClaims: () => push('/pages-clerk/claims/index'),
  clerkCompanies: () => push('/pages-clerk/companies/index'),
  clerkDemands: () => push('/pages-clerk/demands/index'),
  clerkDemand: (id: string) => push(`/pages-clerk/demand/index${q({ id })}`),
  /** 预约: the slots of a center for an item (no item: pick one of the center's), optionally for an open request */
  book: (centerId: string, code?: string, requestId?: string) => push(`/pages-booking/book/index${q({ centerId, code, requestId })}`),
  /** a booking with its code and QR; `fresh` after booking replaces the slot page */
  booking: (id: string, fresh = false) =>
    fresh ? void Taro.redirectTo({ url: `/pages-booking/booking/index${q({ id })}` }) : push(`/pages-booking/booking/index${q({ id })}`),
  /** 我的预约 */
  myBookings: () => push('/pages-booking/mine/index'),
  /** the counter: the day's bookings, check-in, no-shows */
  clerkBookings: () => push('/pages-clerk/bookings/index'),
  /** the center's booking schedule */
  clerkSchedule: () => push('/pages-clerk/schedule/index'),
  adminSchedule: () => push('/pages-admin/schedule/index'),
  adminHome: () => push('/pages-admin/home/index'),
  adminDashboard: () => push('/pages-admin/dashboard/index'),
  adminRectify: () => push('/pages-admin/rectify/index'),
  adminInvites: () => push('/pages-admin/invites/index'),
  adminCalendar: () => push('/pages-admin/calendar/index'),
  adminImports: () => push('/pages-admin/imports/index'),
  adminAudit: () => push('/pages-admin/audit/index'),
  /** 云上宠企 indicators (admin.demandStats) */
  adminDemands: () => push('/pages-admin/demands/index'),
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
