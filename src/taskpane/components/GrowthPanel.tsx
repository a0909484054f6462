import { useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Card,
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
import { growthRows, type GrowthRow } from '../model/growth';
import type { TargetUpdate } from '../services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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
  const { t } = usePane();
  const s = useStyles();
  const st = STATUS[row.status];
  const lastYear = row.years[row.years.length - 1];
  const id = `growth-${row.index}`;
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
        <dl className={s.figures}>
          <dt className={s.dt}>{t('growthBase', { year: row.years[0] - 1 })}</dt>
          <dd className={s.dd} data-testid={`${id}-base`}>
            {formatNumber(row.base, row.decimals)}
            {row.unit === '%' ? '%' : ` ${row.unit}`}
          </dd>
          <dt className={s.dt}>{t('growthFinal', { year: lastYear })}</dt>
          <dd className={s.dd} data-testid={`${id}-final`}>
            {formatNumber(row.final, row.decimals)}
            {row.unit === '%' ? '%' : ` ${row.unit}`}
          </dd>
          <dt className={s.dt}>{t('growthChange')}</dt>
          <dd className={s.dd} data-testid={`${id}-change`}>
            {formatChange(row.change, row.kind)}
          </dd>
          <dt className={s.dt}>{t('growthRequired')}</dt>
          <dd className={s.dd} data-testid={`${id}-required`}>
            {formatChange(row.required, row.kind)}
          </dd>
          <dt className={s.dt}>{t('growthSteps')}</dt>
          <dd className={`${s.dd} ${s.steps}`} data-testid={`${id}-steps`}>
            {row.years.map((y, i) => `${y} ${formatChange(row.steps[i], row.kind)}`).join(' · ')}
          </dd>
        </dl>
      </Card>
    </li>
  );
}

/** The target path's changes, as a confirmation list. */
function ChangesTable({ rows }: { rows: GrowthRow[] }) {
  const { t } = usePane();
  return (
    <Table size="small" aria-label={t('fillConfirmTitle')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('fillWhat')}</TableHeaderCell>
          <TableHeaderCell>{t('fillValues')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.flatMap((r) =>
          r.changes.map((c) => (
            <TableRow key={`${r.index}-${c.year}`}>
              <TableCell>
                {r.name} {c.year}
              </TableCell>
              <TableCell>
                <Caption1>{c.ref.cell} </Caption1>
                {t('fillFrom', { from: formatNumber(c.from, r.decimals), to: formatNumber(c.to, r.decimals) })}
              </TableCell>
            </TableRow>
          )),
        )}
      </TableBody>
    </Table>
  );
}

export function GrowthPanel(props: { plan: Plan | null; busy: boolean; onFill: (updates: TargetUpdate[]) => void }) {
  const { t } = usePane();
  const s = useStyles();
  const [confirming, setConfirming] = useState(false);
  if (!props.plan) return <Text>{t('growthNoPlan')}</Text>;
  const rows = growthRows(props.plan);
  if (!rows.length) return <Text>{t('growthNoIndicators')}</Text>;
  const toFill = rows.filter((r) => r.path && r.changes.length);

  return (
    <div className={s.root}>
      <Text as="h2" weight="semibold" size={400}>
        {t('growthHeading')}
      </Text>
      <Caption1>{t('growthRule')}</Caption1>
      <ul className={s.cards} data-testid="growth-rows">
        {rows.map((r) => (
          <IndicatorCard key={r.index} row={r} />
        ))}
      </ul>
      <div>
        <Button appearance="primary" disabled={props.busy || toFill.length === 0} onClick={() => setConfirming(true)}>
          {t('fillButton')}
        </Button>
        {toFill.length === 0 && (
          <Caption1 block style={{ marginTop: tokens.spacingVerticalXS }}>
            {t('fillNothing')}
          </Caption1>
        )}
      </div>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('fillConfirmTitle')}</DialogTitle>
            <DialogContent>
              <Text block>{t('fillConfirmBody')}</Text>
              <ChangesTable rows={toFill} />
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  props.onFill(toFill.map((r) => ({ indicator: r.index, values: r.path ?? [] })));
                }}
              >
                {t('fillConfirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
