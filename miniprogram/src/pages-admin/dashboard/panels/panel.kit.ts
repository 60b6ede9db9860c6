/**
 * What every dashboard panel shares: its props, the words for levels and periods, percentages,
 * and the export of the table a panel shows (admin.exportTable makes the XLSX; the platform
 * hands it to the person: a download in the browser, a document to forward or save on WeChat).
 */
import type { ComponentType } from 'react';
import type { StatsAnswer } from '@shared/indicators.view';
import type { Period } from '@shared/indicators';
import { platform } from '../../../platform';
import { call } from '../../../services/api';

/** What a panel gets: the answer of the scope and period shown, and a way to open a township. */
export type PanelProps = { stats: StatsAnswer; drill: (townshipCode: string) => void };
/** A panel of the dashboard: registered once in panels/index.ts. */
export type Panel = { id: string; Component: ComponentType<PanelProps> };

export type Cell = string | number;
export type Sheet = { name: string; header: string[]; rows: Cell[][] };

export const LEVEL_ZH = { village: '村级', township: '镇街', city: '市级', zone: '开发区' } as const;
export const LEVEL_COLOR = { village: '#2f9e44', township: '#1d5fd6', city: '#f08c00', zone: '#868e96' } as const;
export const LEVEL_KEYS = ['village', 'township', 'city', 'zone'] as const;

/** A share as a percentage with one decimal. */
export const pct = (share: number): number => Math.round(share * 1000) / 10;

/** A period as the axis shows it: 11-16 for a day, 11-16起 for a week, 2026-11 for a month. */
export const periodLabel = (p: string, period: Period): string => (period === 'month' ? p : period === 'week' ? `${p.slice(5)}起` : p.slice(5));

const PERIOD_ZH: Record<Period, string> = { day: '日', week: '周', month: '月' };
/** The first column's name of a table by period. */
export const periodColumn = (period: Period): string => `时段（${PERIOD_ZH[period]}）`;

/** Saves sheets as one XLSX named after the panel and the scope. */
export const exportSheets = async (title: string, stats: StatsAnswer, sheets: Sheet[]): Promise<void> => {
  const a = await call('admin', 'exportTable', { title: `${stats.scope.name}${title}${stats.from}至${stats.to}`, sheets }, { loading: '正在导出' });
  if (a.ok) await platform.saveDataFile({ name: a.data.fileName, dataBase64: a.data.dataBase64 });
};
