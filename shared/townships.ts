import type { Township } from './directory.schema';

/** Zoucheng's statistics prefix; a township's full code is this plus its 3 digits. */
export const CITY_CODE_PREFIX = '370883';

/** The 16 real townships and streets of Zoucheng with their statistics codes (370883 + code). */
export const TOWNSHIPS: readonly Township[] = [
  { code: '001', name: '钢山街道' },
  { code: '002', name: '千泉街道' },
  { code: '003', name: '凫山街道' },
  { code: '101', name: '香城镇' },
  { code: '102', name: '城前镇' },
  { code: '103', name: '大束镇' },
  { code: '104', name: '北宿镇' },
  { code: '105', name: '中心店镇' },
  { code: '106', name: '唐村镇' },
  { code: '107', name: '太平镇' },
  { code: '109', name: '石墙镇' },
  { code: '110', name: '峄山镇' },
  { code: '111', name: '看庄镇' },
  { code: '112', name: '张庄镇' },
  { code: '113', name: '田黄镇' },
  { code: '114', name: '郭里镇' },
];

/** Finds a township by its 3-digit code. */
export const townshipByCode = (code: string): Township | undefined => TOWNSHIPS.find((t) => t.code === code);
