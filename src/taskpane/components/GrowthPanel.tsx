import { useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
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
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figures: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  steps: { fontVariantNumeric: 'tabular-nums' },
});

const STATUS: Record<AssessmentStatus, { key: StringKey; color: 'success' | 'warning' | 'danger' }> = {
  met: { key: 'statusMet', color: 'success' },
  possibly: { key: 'statusPossibly', color: 'warning' },
  'not-met': { key: 'statusNotMet', color: 'danger' },
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
      <Card aria-labelledby={id} data-testid={id} data-status={row.status}>
        <div className={s.head}>
          <h3 className={s.name} id={id}>
            {row.name}
          </h3>
          <Badge appearance="tint" color={st.color} data-testid={`${id}-status`}>
            {t(st.key)}
          </Badge>
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
            {row.years.map((y, i) => `${y} ${formatChange(row.steps[i], row.kind, 1, lang)}`).join(' · ')}
          </dd>
        </dl>
      </Card>
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
    <Table size="small" aria-label={t('fillConfirmTitle')} data-testid="fill-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('fillWhat')}</TableHeaderCell>
          <TableHeaderCell>{t('fillValues')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.flatMap((r) => [
          <TableRow key={`${r.index}`} data-indicator={r.index}>
            <TableCell colSpan={2}>
              <Checkbox
                className={s.pick}
                checked={props.picked.has(r.index)}
                onChange={(_, d) => props.onPick(r.index, d.checked === true)}
                label={`${r.name} · ${t(STATUS[r.status].key)}`}
              />
            </TableCell>
          </TableRow>,
          ...r.changes.map((c) => (
            <TableRow key={`${r.index}-${c.year}`} data-cell={c.ref.cell} aria-disabled={!props.picked.has(r.index) || undefined}>
              <TableCell>{c.year}</TableCell>
              <TableCell>
                <span className={s.cellRef}>{c.ref.cell} </span>
                <span className={s.arrow}>{t('fillFrom', { from: c.from === null ? t('fillEmpty') : formatNumber(c.from, r.decimals, lang), to: formatNumber(c.to, r.decimals, lang) })}</span>
              </TableCell>
            </TableRow>
          )),
        ])}
      </TableBody>
    </Table>
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
