/**
 * The partner bank branches of 政银合作. Names are samples in the style of the real service
 * points: the rural commercial bank has one in every township, other banks in the streets and
 * larger towns.
 */
import { TOWNSHIPS } from '../../shared/townships';
import { TOWNSHIP_PLAN } from './township-plan';

/** One bank branch and the township it sits in. */
export interface BankBranch {
  name: string;
  townshipCode: string;
  township: string;
}

const branch = (bank: string, code: string): BankBranch => {
  const township = TOWNSHIPS.find((t) => t.code === code);
  if (!township) throw new Error(`unknown township ${code}`);
  return { name: `${bank}${TOWNSHIP_PLAN[code].short}支行（政银合作服务点）`, townshipCode: code, township: township.name };
};

const OTHER_BANKS: readonly (readonly [string, string])[] = [
  ['邮储银行', '001'],
  ['建设银行', '001'],
  ['农业银行', '002'],
  ['工商银行', '002'],
  ['中国银行', '003'],
  ['邮储银行', '107'],
  ['建设银行', '107'],
  ['邮储银行', '102'],
  ['农业银行', '106'],
  ['邮储银行', '101'],
];

/** 16 rural commercial bank branches (one per township) and 10 other partner branches. */
export const BANK_BRANCHES: readonly BankBranch[] = [
  ...TOWNSHIPS.map((t) => branch('农商银行', t.code)),
  ...OTHER_BANKS.map(([bank, code]) => branch(bank, code)),
];
