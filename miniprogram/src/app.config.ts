const pages = ['pages/home/index', 'pages/centers/index', 'pages/requests/index', 'pages/profile/index'];

// The persona picker exists only in the browser build, against the local gateway.
if (process.env.TARO_ENV === 'h5') pages.push('pages/dev-login/index');

export default defineAppConfig({
  pages,
  // the clerk workspace loads only when a clerk opens it, keeping the residents' main package small
  subPackages: [
    // 办事: a center, the item search, the guide, applying, a request and its notices, binding one's identity. The main package
    // keeps the four tabs only, and the tabs preload this one (preloadRule) so the next tap opens at once.
    {
      root: 'pages-service',
      pages: [
        'center/index',
        'items/index',
        'guide/index',
        'apply/index',
        'result/index',
        'request/index',
        'messages/index',
        'redeem/index',
        'privacy/index',
        'bind/index',
      ],
    },
    {
      root: 'pages-clerk',
      pages: [
        'home/index',
        'queue/index',
        'request/index',
        'handoff/index',
        'confirm/index',
        'claims/index',
        'companies/index',
        'demands/index',
        'demand/index',
        'bookings/index',
        'schedule/index',
        'certify/index',
      ],
    },
    // the company side: company members open it from 我的 → 企业服务, so residents never load it
    { root: 'pages-company', pages: ['home/index', 'claim/index', 'members/index', 'demand/index'] },
    // the administrator's workspace: officials open it rarely, often at a PC, so it stays out of the main package
    {
      root: 'pages-admin',
      pages: [
        'home/index',
        'dashboard/index',
        'rectify/index',
        'invites/index',
        'calendar/index',
        'imports/index',
        'audit/index',
        'demands/index',
        'schedule/index',
        'certify/index',
      ],
    },
    // 预约: booking a visit and the resident's bookings, loaded when first opened
    { root: 'pages-booking', pages: ['book/index', 'booking/index', 'mine/index'] },
  ],
  window: {
    navigationBarTitleText: '邹城通办',
    navigationBarBackgroundColor: '#1d5fd6',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f9',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    color: '#4e5561',
    selectedColor: '#1d5fd6',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/centers/index', text: '服务中心', iconPath: 'assets/tab/centers.png', selectedIconPath: 'assets/tab/centers-on.png' },
      { pagePath: 'pages/requests/index', text: '我的办件', iconPath: 'assets/tab/requests.png', selectedIconPath: 'assets/tab/requests-on.png' },
      { pagePath: 'pages/profile/index', text: '我的', iconPath: 'assets/tab/profile.png', selectedIconPath: 'assets/tab/profile-on.png' },
    ],
  },
  // each tab downloads the 办事 subpackage in the background once it shows (any network)
  preloadRule: Object.fromEntries(
    ['pages/home/index', 'pages/centers/index', 'pages/requests/index', 'pages/profile/index'].map((tab) => [
      tab,
      { network: 'all' as const, packages: ['pages-service'] },
    ]),
  ),
  // WeChat's privacy rules (tests/weapp.rules.test.ts checks the built app.json against the built code):
  // every permission desc at most 30 characters, every private API the code calls declared here
  permission: { 'scope.userLocation': { desc: '用于为您查找最近的为民服务中心' } },
  requiredPrivateInfos: ['getLocation'],
  // private APIs wait for onNeedPrivacyAuthorization, which the privacy popup answers
  __usePrivacyCheck__: true,
});
