/**
 * Where each township's center sits (approximately) and how many village centers it gets.
 * The coordinates follow the rough real layout around the city (太平 northwest, 城前 northeast,
 * 田黄 east, 张庄 southeast, 峄山 south-east, the three streets in town) but are not surveyed.
 * The village counts are invented; only their total (858) is from the source.
 */
import type { LatLng } from '../../shared/directory.schema';

/** One township's anchor point, its village-center count, its short name and its seat road. */
export interface TownshipPlan {
  anchor: LatLng;
  villages: number;
  short: string;
  road: string;
  /** streets are urban: most of their centers are 社区 */
  street: boolean;
}

/** The city center, near the city government (approximate). */
export const CITY_ANCHOR: LatLng = { lat: 35.405, lng: 116.966 };

/** The development zone branch (approximate), in 千泉街道 north of the old town. */
export const ZONE_ANCHOR: LatLng = { lat: 35.438, lng: 116.938 };

/** The plan per township code. */
export const TOWNSHIP_PLAN: Readonly<Record<string, TownshipPlan>> = {
  '001': { anchor: { lat: 35.402, lng: 116.978 }, villages: 30, short: '钢山', road: '岗山北路', street: true },
  '002': { anchor: { lat: 35.418, lng: 116.952 }, villages: 34, short: '千泉', road: '千泉路', street: true },
  '003': { anchor: { lat: 35.387, lng: 116.962 }, villages: 38, short: '凫山', road: '凫山路', street: true },
  '101': { anchor: { lat: 35.296, lng: 117.068 }, villages: 62, short: '香城', road: '香城大街', street: false },
  '102': { anchor: { lat: 35.468, lng: 117.168 }, villages: 58, short: '城前', road: '城前大街', street: false },
  '103': { anchor: { lat: 35.452, lng: 117.082 }, villages: 52, short: '大束', road: '大束大街', street: false },
  '104': { anchor: { lat: 35.396, lng: 116.878 }, villages: 48, short: '北宿', road: '北宿大街', street: false },
  '105': { anchor: { lat: 35.468, lng: 116.976 }, villages: 60, short: '中心店', road: '中心大街', street: false },
  '106': { anchor: { lat: 35.318, lng: 116.886 }, villages: 50, short: '唐村', road: '唐村大街', street: false },
  '107': { anchor: { lat: 35.488, lng: 116.878 }, villages: 72, short: '太平', road: '振兴路', street: false },
  '109': { anchor: { lat: 35.272, lng: 116.962 }, villages: 66, short: '石墙', road: '石墙大街', street: false },
  '110': { anchor: { lat: 35.336, lng: 117.018 }, villages: 46, short: '峄山', road: '峄山大街', street: false },
  '111': { anchor: { lat: 35.444, lng: 116.902 }, villages: 56, short: '看庄', road: '看庄大街', street: false },
  '112': { anchor: { lat: 35.262, lng: 117.15 }, villages: 64, short: '张庄', road: '张庄大街', street: false },
  '113': { anchor: { lat: 35.396, lng: 117.172 }, villages: 46, short: '田黄', road: '田黄大街', street: false },
  '114': { anchor: { lat: 35.33, lng: 117.128 }, villages: 76, short: '郭里', road: '郭里大街', street: false },
};

/** Degrees of latitude per km, and of longitude per km at Zoucheng's latitude (cos 35.4° ≈ 0.815). */
const DEG_LAT_PER_KM = 1 / 111.0;
const DEG_LNG_PER_KM = 1 / (111.0 * 0.815);

/** Rounds a coordinate to 5 decimals (about 1 m) so the files diff cleanly. */
const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/**
 * Moves a point by a uniform random offset inside a disc of `radiusKm`.
 * Rejection sampling avoids trigonometry, whose last bits may differ between platforms.
 */
export const jitter = (anchor: LatLng, radiusKm: number, next: () => number): LatLng => {
  for (;;) {
    const x = next() * 2 - 1;
    const y = next() * 2 - 1;
    if (x * x + y * y > 1) continue;
    return {
      lat: round5(anchor.lat + y * radiusKm * DEG_LAT_PER_KM),
      lng: round5(anchor.lng + x * radiusKm * DEG_LNG_PER_KM),
    };
  }
};
