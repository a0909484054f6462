import { useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { AssessmentStatus } from '../../core/growth';
import type { Plan } from '../../core/model/plan';
import { usePane } from '../context';
import type { StringKey } from '../i18n';
import { formatChange, formatNumber } from '../model/format';
import { growthRows, type GrowthRow, type TargetChange } from '../model/growth';
import { GrowthChart } from './GrowthChart';

/** One cell the fill writes: where, what it held (to restore), what it gets. */
export interface FillCell {
  sheet: string;
  cell: string;
  from: number | null;
  fromFormula?: string;
  to: number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  pick: { marginTop: tokens.spacingVerticalS },
  cellRef: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  arrow: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  // Plain elements styled with Fluent tokens: Card and Table would add their packages to the bundle for a border and a grid.
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    color: tokens.colorNeutralForeground1,
  },
  table: { borderCollapse: 'collapse', width: '100%', marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase300 },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  off: { color: tokens.colorNeutralForegroundDisabled },
  // The verdict as a word in a tinted pill (the word carries it; the tint only repeats it).
  pill: {
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid currentColor`,
  },
  met: { color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1 },
  possibly: { color: tokens.colorPaletteDarkOrangeForeground1, backgroundColor: tokens.colorPaletteYellowBackground1 },
  short: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figures: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  steps: { fontVariantNumeric: 'tabular-nums' },
  step: {},
  nowrap: { whiteSpace: 'nowrap' },
});

const STATUS: Record<AssessmentStatus, { key: StringKey; color: 'met' | 'possibly' | 'short' }> = {
  met: { key: 'statusMet', color: 'met' },
  possibly: { key: 'statusPossibly', color: 'possibly' },
  'not-met': { key: 'statusNotMet', color: 'short' },
};

function IndicatorCard({ row }: { row: GrowthRow }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const st = STATUS[row.status];
  const lastYear = row.years[row.years.length - 1];
  const id = `growth-${row.index}`;
  const unit = row.unit === '%' ? '%' : ` ${row.unit}`;
  return (
    <li>
      <section className={s.card} aria-labelledby={id} data-testid={id} data-status={row.status}>
        <div className={s.head}>
          <h3 className={s.name} id={id}>
            {row.name}
          </h3>
          <span className={`${s.pill} ${s[st.color]}`} data-testid={`${id}-status`}>
            {t(st.key)}
          </span>
        </div>
        <GrowthChart row={row} />
        <dl className={s.figures}>
          <dt className={s.dt}>{t('growthBase', { year: row.years[0] - 1 })}</dt>
          <dd className={s.dd} data-testid={`${id}-base`}>
            {formatNumber(row.base, row.decimals, lang)}
            {unit}
          </dd>
          <dt className={s.dt}>{t('growthFinal', { year: lastYear })}</dt>
          <dd className={s.dd} data-testid={`${id}-final`}>
            {formatNumber(row.final, row.decimals, lang)}
            {unit}
          </dd>
          <dt className={s.dt}>{t('growthChange')}</dt>
          <dd className={s.dd} data-testid={`${id}-change`}>
            {formatChange(row.change, row.kind, 1, lang)}
          </dd>
          <dt className={s.dt}>{t('growthRequired')}</dt>
          <dd className={s.dd} data-testid={`${id}-required`}>
            {formatChange(row.required, row.kind, 1, lang)}
          </dd>
          <dt className={s.dt}>{t('growthSteps')}</dt>
          <dd className={`${s.dd} ${s.steps}`} data-testid={`${id}-steps`}>
            {row.years.map((y, i) => (
              <span key={y} className={s.step}>
                {i > 0 ? ' · ' : ''}
                <span className={s.nowrap}>{`${y} ${formatChange(row.steps[i], row.kind, 1, lang)}`}</span>
              </span>
            ))}
          </dd>
        </dl>
      </section>
    </li>
  );
}

function changeCells(r: GrowthRow): FillCell[] {
  return r.changes.map((c: TargetChange) => ({ sheet: c.ref.sheet, cell: c.ref.cell, from: c.from, ...(c.fromFormula ? { fromFormula: c.fromFormula } : {}), to: c.to }));
}

/** The dialog's list: per indicator that falls short, a checkbox and each cell as "E7 309,282 → 309,550". */
function FillChoices(props: { rows: GrowthRow[]; picked: Set<number>; onPick: (index: number, on: boolean) => void }) {
  const { t, lang } = usePane();
  const s = useStyles();
  return (
    <table className={s.table} aria-label={t('fillConfirmTitle')} data-testid="fill-table">
      <thead>
        <tr>
          <th className={s.th} scope="col">
            {t('fillWhat')}
          </th>
          <th className={s.th} scope="col">
            {t('fillValues')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.flatMap((r) => [
          <tr key={`${r.index}`} data-indicator={r.index}>
            <td className={s.td} colSpan={2}>
              <Checkbox
                className={s.pick}
                checked={props.picked.has(r.index)}
                onChange={(_, d) => props.onPick(r.index, d.checked === true)}
                label={`${r.name} · ${t(STATUS[r.status].key)}`}
              />
            </td>
          </tr>,
          ...r.changes.map((c) => (
            <tr key={`${r.index}-${c.year}`} data-cell={c.ref.cell} className={props.picked.has(r.index) ? undefined : s.off}>
              <td className={s.td}>{c.year}</td>
              <td className={s.td}>
                <span className={s.cellRef}>{c.ref.cell} </span>
                <span className={s.arrow}>{t('fillFrom', { from: c.from === null ? t('fillEmpty') : formatNumber(c.from, r.decimals, lang), to: formatNumber(c.to, r.decimals, lang) })}</span>
              </td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}

export function GrowthPanel(props: {
  plan: Plan | null;
  busy: boolean;
  disabled?: boolean;
  onFill: (cells: FillCell[]) => void;
  onInsert?: () => void;
  /** Opens the dialog at once (tests and screenshots). */
  initialConfirming?: boolean;
}) {
  const { t } = usePane();
  const s = useStyles();
  const rows = growthRows(props.plan);
  const toFill = rows.filter((r) => r.path && r.changes.length);
  const [confirming, setConfirming] = useState(!!props.initialConfirming && toFill.length > 0);
  const [picked, setPicked] = useState<Set<number> | null>(null);
  // The dialog is opened by state, not a DialogTrigger: this marks the button focus goes back to when it closes.
  const restoreFocus = useRestoreFocusTarget();
  if (!props.plan) return <Text>{t('growthNoPlan')}</Text>;
  if (!rows.length) return <Text>{t('growthNoIndicators')}</Text>;
  // Indicators that fall short are ticked; the user may untick any of them.
  const chosen = picked ?? new Set(toFill.filter((r) => r.status === 'not-met').map((r) => r.index));
  const cells = toFill.filter((r) => chosen.has(r.index)).flatMap(changeCells);

  return (
    <div className={s.root}>
      <div className={s.top}>
        <h2 className={s.heading}>{t('growthHeading')}</h2>
      </div>
      <div className={s.top}>
        <Button
          appearance={toFill.length ? 'primary' : 'secondary'}
          data-testid="fill"
          {...restoreFocus}
          disabled={props.busy || props.disabled || toFill.length === 0}
          onClick={() => {
            setPicked(null);
            setConfirming(true);
          }}
        >
          {t('fillButton')}
        </Button>
        <Caption1>{toFill.length === 0 ? t('fillNothing') : t('fillSome', { n: toFill.length })}</Caption1>
      </div>
      <Caption1>{t('growthRule')}</Caption1>
      <ul className={s.cards} data-testid="growth-rows">
        {rows.map((r) => (
          <IndicatorCard key={r.index} row={r} />
        ))}
      </ul>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('fillConfirmTitle')}</DialogTitle>
            <DialogContent>
              <Text block>{t('fillConfirmBody')}</Text>
              <FillChoices
                rows={toFill}
                picked={chosen}
                onPick={(index, on) => {
                  const next = new Set(chosen);
                  if (on) next.add(index);
                  else next.delete(index);
                  setPicked(next);
                }}
              />
              <Caption1 block>{t('fillUndoNote')}</Caption1>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={cells.length === 0}
                onClick={() => {
                  setConfirming(false);
                  props.onFill(cells);
                }}
              >
                {t('fillConfirm', { n: cells.length })}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
