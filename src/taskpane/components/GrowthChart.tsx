/**
 * One indicator's path as a small chart: the stated base and yearly targets (solid line), the path that
 * meets the requirement (dashed), the required final value (a marked tick) and, when the final target falls
 * short, the shortfall drawn as a red bracket. Hand-made SVG: a few lines do not need a chart library, and
 * the bundle stays small. Colours come from Fluent tokens, so light and dark themes both work; the shortfall
 * is also said in words (the chart's label and the card's verdict), never by colour alone.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { usePane } from '../context';
import { formatNumber } from '../model/format';
import type { GrowthRow } from '../model/growth';

const W = 280;
const H = 116;
const PAD = { left: 8, right: 8, top: 14, bottom: 22 };

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', height: 'auto', maxWidth: '360px', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  stated: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: 'none' },
  statedDot: { fill: tokens.colorBrandForeground1 },
  path: { stroke: tokens.colorNeutralForeground3, strokeWidth: 1.5, strokeDasharray: '4 3', fill: 'none' },
  required: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1, strokeDasharray: '2 2' },
  short: { stroke: tokens.colorPaletteRedForeground1, strokeWidth: 2.5, fill: 'none' },
  shortText: { fill: tokens.colorPaletteRedForeground1, fontSize: '10px', fontWeight: 600 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '10px' },
});

export function GrowthChart({ row }: { row: GrowthRow }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const baseYear = row.years[0] - 1;
  const xs = [baseYear, ...row.years];
  const stated = [row.base, ...row.targets];
  const path = row.path && row.base !== null ? [row.base, ...row.path] : null;
  const values = [...stated, ...(path ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (xs.length - 1);
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const line = (list: (number | null)[]) =>
    list
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(' ');
  const unit = row.unit === '%' ? '%' : ` ${row.unit}`;
  const fmt = (v: number | null) => `${formatNumber(v, row.decimals, lang)}${v === null ? '' : unit}`;
  const last = xs.length - 1;
  const short = row.status !== 'met' && row.requiredFinal !== null && row.final !== null && row.final < row.requiredFinal;
  const description = t('chartLabel', {
    name: row.name,
    path: xs.map((yr, i) => `${yr} ${fmt(stated[i])}`).join(', '),
    required: fmt(row.requiredFinal),
  });

  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description} data-testid={`growth-${row.index}-chart`}>
      <line className={s.axis} x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      {xs.map((yr, i) => (
        <text key={yr} className={s.label} x={x(i)} y={H - 6} textAnchor={i === 0 ? 'start' : i === last ? 'end' : 'middle'}>
          {i === 0 ? t('chartBase', { year: yr }) : yr}
        </text>
      ))}
      {path && <polyline className={s.path} points={line(path)} data-testid={`growth-${row.index}-path`} />}
      {row.requiredFinal !== null && (
        <>
          <line className={s.required} x1={x(last) - 36} x2={x(last)} y1={y(row.requiredFinal)} y2={y(row.requiredFinal)} />
          <text className={s.label} x={x(last) - 38} y={y(row.requiredFinal) + 3} textAnchor="end">
            {t('chartRequired', { value: fmt(row.requiredFinal) })}
          </text>
        </>
      )}
      <polyline className={s.stated} points={line(stated)} />
      {stated.map((v, i) => (v === null ? null : <circle key={i} className={s.statedDot} cx={x(i)} cy={y(v)} r={2.5} />))}
      {short && row.final !== null && row.requiredFinal !== null && (
        <g data-testid={`growth-${row.index}-shortfall`}>
          <polyline
            className={s.short}
            points={`${x(last) + 4},${y(row.final)} ${x(last) + 7},${y(row.final)} ${x(last) + 7},${y(row.requiredFinal)} ${x(last) + 4},${y(row.requiredFinal)}`}
          />
          {/* Top left: lines rise from the base, so the corner is free and the label never crosses them. */}
          <text className={s.shortText} x={PAD.left} y={10} textAnchor="start">
            {t('chartShort', { value: formatNumber(row.requiredFinal - row.final, row.decimals, lang) + (row.unit === '%' ? '%p' : unit) })}
          </text>
        </g>
      )}
    </svg>
  );
}
