/**
 * One chart: a host the platform names (a View in the browser, a Canvas 2D on WeChat) and an
 * ECharts instance on it, set again when the option changes and disposed with the component.
 * On WeChat the canvas node is handed to ECharts as its single canvas (zrender draws straight
 * into it) and touches are passed on as the pointer events its tooltip listens to. Charts do
 * not animate: officials read figures, and a phone's canvas saves the work.
 */
import { Canvas, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { platform } from '../../../platform';
import { echarts, type ChartOption } from './echarts';

type Chart = ReturnType<typeof echarts.init>;
type Props = { option: ChartOption; height: number; label: string };

let seq = 0;
let measured = false;

/** Waits for the host to be laid out (WeChat answers the canvas only after the first render). */
const hostOf = async (id: string) => {
  for (let i = 0; i < 20; i++) {
    const target = await platform.findChartTarget(id);
    if (target) return target;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
};

/** A touch on the canvas as the pointer event zrender dispatches. */
const pointer = (e: { touches?: { x: number; y: number }[]; changedTouches?: { x: number; y: number }[] }) => {
  const t = e.touches?.[0] ?? e.changedTouches?.[0];
  return t ? { zrX: t.x, zrY: t.y, preventDefault() {}, stopImmediatePropagation() {}, stopPropagation() {} } : null;
};

export function EChart({ option, height, label }: Props) {
  const [id] = useState(() => `zc-chart-${++seq}`);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    void hostOf(id).then((target) => {
      if (gone || !target) return;
      if (target.kind === 'dom') {
        chart.current = echarts.init(target.element as HTMLElement, undefined, { height });
      } else {
        if (!measured && platform.offscreenCanvas) {
          const canvas = platform.offscreenCanvas;
          echarts.setPlatformAPI({ createCanvas: () => canvas() as HTMLCanvasElement });
          measured = true;
        }
        chart.current = echarts.init(target.canvas as HTMLElement, undefined, { width: target.width, height: target.height, devicePixelRatio: target.dpr });
      }
      chart.current.setOption({ animation: false, ...latest.current });
    });
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id, height]);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  const touch = (type: 'mousedown' | 'mousemove' | 'mouseup') => (e: unknown) => {
    const p = pointer(e as Parameters<typeof pointer>[0]);
    const handler = chart.current?.getZr().handler as unknown as { dispatch(t: string, e: unknown): void } | undefined;
    if (!p || !handler) return;
    handler.dispatch(type, p);
    if (type === 'mouseup') handler.dispatch('click', p);
  };

  if (platform.chartHost === 'dom') return <View id={id} className="zc-chart" style={{ height: `${height}px` }} aria-label={label} />;
  return (
    <Canvas
      type="2d"
      id={id}
      className="zc-chart"
      style={{ width: '100%', height: `${height}px` }}
      aria-label={label}
      onTouchStart={touch('mousedown')}
      onTouchMove={touch('mousemove')}
      onTouchEnd={touch('mouseup')}
    />
  );
}
