/**
 * WeChat's own rules, checked on the real build (npm run build:weapp, made here when stale):
 * every private API the code calls is declared in requiredPrivateInfos, every permission desc
 * has at most 30 characters, private APIs wait for the privacy popup, and the packages stay
 * within the upload limits (2 MB main package and each subpackage, 20 MB in all), the main package
 * carries neither zod nor NutUI's ConfigProvider; and every page the app opens
 * (services/routes.ts) is declared in app.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTaroBuild, ROOT, WEAPP_DIR } from '../gateway/h5.build';
import { filesUnder, weappPackages, WECHAT_LIMITS } from '../tools/weapp.packages';

/** The APIs WeChat counts as private (位置), each to be declared in requiredPrivateInfos before use. */
const PRIVATE_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
];

type AppJson = {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
  __usePrivacyCheck__?: boolean;
};

let app: AppJson;
let code: string;
beforeAll(() => {
  if (!ensureTaroBuild('weapp', () => undefined)) throw new Error('the weapp build failed: run npm run build:weapp to see why');
  app = JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson;
  code = filesUnder(WEAPP_DIR)
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => readFileSync(join(WEAPP_DIR, f.path), 'utf8'))
    .join('\n');
}, 600_000);

/**
 * The private APIs the built code calls. Taro's runtime names every API in lists of strings, so
 * a name alone proves nothing; a call is the name as a member followed by its arguments.
 */
const calledPrivateApis = (js: string): string[] => PRIVATE_APIS.filter((api) => new RegExp(`\\.${api}\\s*\\(`).test(js));

describe('the WeChat build', () => {
  it('declares in requiredPrivateInfos every private API its code calls (chooseLocation too, were it used)', () => {
    const called = calledPrivateApis(code);
    expect(called).toContain('getLocation');
    expect(called.filter((api) => !(app.requiredPrivateInfos ?? []).includes(api))).toEqual([]);
    // WeChat refuses getLocation and getFuzzyLocation declared together
    expect((app.requiredPrivateInfos ?? []).filter((api) => api === 'getLocation' || api === 'getFuzzyLocation')).toHaveLength(1);
  });

  it("finds a call of a private API in built code, and not the names in Taro's lists", () => {
    expect(calledPrivateApis('a.chooseLocation({});')).toEqual(['chooseLocation']);
    expect(calledPrivateApis('const apis = new Set(["chooseLocation", "getLocation"]);')).toEqual([]);
  });

  it('keeps every permission desc at 30 characters or fewer', () => {
    const descs = Object.entries(app.permission ?? {}).map(([scope, p]) => [scope, [...p.desc].length] as const);
    expect(descs.length).toBeGreaterThan(0);
    expect(descs.filter(([, n]) => n === 0 || n > 30)).toEqual([]);
  });

  it("makes private APIs wait for consent, which the privacy popup asks with WeChat's agree button, beside a link to the guide", () => {
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(code).toMatch(/\.onNeedPrivacyAuthorization\s*\(/);
    expect(code).toContain('agreePrivacyAuthorization');
    const everyPage = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(everyPage).toContain('pages-service/privacy/index');
  });

  it('declares in app.json every page the app opens (services/routes.ts), the tabs in the main package', () => {
    const everyPage = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    const routes = readFileSync(join(ROOT, 'miniprogram/src/services/routes.ts'), 'utf8');
    const opened = [...new Set([...routes.matchAll(/[`'"]\/(pages[\w-]*\/[\w-]+\/index)/g)].map((m) => m[1]))];
    expect(opened.length).toBeGreaterThan(25);
    // the persona picker is the browser build's only (app.config.ts adds it for h5)
    expect(opened.filter((p) => !everyPage.includes(p) && p !== 'pages/dev-login/index')).toEqual([]);
    expect(app.pages.sort()).toEqual(['pages/centers/index', 'pages/home/index', 'pages/profile/index', 'pages/requests/index']);
  });

  it("keeps zod and NutUI's ConfigProvider out of the main package: the tabs show labels and plain fields, and parse nothing", () => {
    // a module any tab (or the app) imports lands in the main package's vendors.js or common.js;
    // zod's schemas keep their `_zod` member, and NutUI's SearchBar and Switch bring ConfigProvider
    const packages = weappPackages(WEAPP_DIR);
    const mainJs = packages.main.files.filter((f) => f.path.endsWith('.js'));
    expect(mainJs.map((f) => f.path)).toContain('vendors.js');
    const carrying = (marker: RegExp) => mainJs.filter((f) => marker.test(readFileSync(join(WEAPP_DIR, f.path), 'utf8'))).map((f) => f.path);
    expect(carrying(/\._zod\b/)).toEqual([]);
    expect(carrying(/nut-configprovider/)).toEqual([]);
    // the check sees them where they are: the subpackages that parse forms and show NutUI popups
    const service = packages.subpackages.find((p) => p.root === 'pages-service')!;
    const serviceJs = service.files.filter((f) => f.path.endsWith('.js')).map((f) => readFileSync(join(WEAPP_DIR, f.path), 'utf8'));
    expect(serviceJs.some((js) => /\._zod\b/.test(js))).toBe(true);
    expect(serviceJs.some((js) => /nut-configprovider/.test(js))).toBe(true);
  });

  it('stays within the upload limits: 2 MB for the main package and each subpackage, 20 MB in all', () => {
    const packages = weappPackages(WEAPP_DIR);
    expect(packages.subpackages.map((p) => p.root).sort()).toEqual(['pages-admin', 'pages-booking', 'pages-clerk', 'pages-company', 'pages-service']);
    const over = [packages.main, ...packages.subpackages].filter((p) => p.bytes > WECHAT_LIMITS.packageBytes).map((p) => `${p.root || 'main'}: ${p.bytes}`);
    expect(over).toEqual([]);
    expect(packages.total.bytes).toBeLessThanOrEqual(WECHAT_LIMITS.totalBytes);
  });
});
