import type { Coverage } from '@tongxin/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Short names for the axis: 中共泸州市江阳区互联网行业委员会 → 江阳区. */
export function shortName(name: string): string {
  const m = /(?:市)?([^市]{1,6}?(?:区|县))/.exec(name.replace(/^中共/, '').replace(/^泸州市/, ''));
  if (m) return m[1]!;
  return name
    .replace(/^中共/, '')
    .replace(/(党委|委员会)$/, '')
    .slice(0, 8);
}

/**
 * In-scope enterprises of each part, stacked by how they are covered: own branch, joint branch, work coverage
 * only (an instructor in contact), and not covered at all. One bar per district or park.
 */
export function CoverageChart({ parts, height = 320 }: { parts: Coverage['parts']; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const names = parts.map((p) => shortName(p.org.name));
    const series = [
      { name: '单独组建', color: '#c8161d', data: parts.map((p) => p.own) },
      { name: '联合组建', color: '#f5a623', data: parts.map((p) => p.joint) },
      { name: '仅工作覆盖', color: '#5b8ff9', data: parts.map((p) => p.workCovered) },
      { name: '未覆盖', color: '#d9d9d9', data: parts.map((p) => p.none - p.workCovered) },
    ];
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', name: '家', minInterval: 1 },
      series: series.map((s) => ({
        type: 'bar',
        stack: 'all',
        name: s.name,
        data: s.data,
        itemStyle: { color: s.color },
        barMaxWidth: 48,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [parts]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="coverage-chart" />;
}
