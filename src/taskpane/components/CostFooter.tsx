import { makeStyles, tokens } from '@fluentui/react-components';
import type { ActionCost } from '../../adapters/office/api';
import { usePane } from '../context';
import type { StringKey } from '../i18n';
import { formatMs, formatNumber } from '../model/format';

export interface LastCost {
  action: StringKey;
  cost: ActionCost;
}

const useStyles = makeStyles({
  footer: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  summary: { cursor: 'pointer' },
});

/** What the last action cost (cells read, round trips, time): for the curious, behind a toggle. */
export function CostFooter({ last }: { last: LastCost | null }) {
  const { t } = usePane();
  const s = useStyles();
  if (!last) return null;
  return (
    <footer className={s.footer} aria-label={t('footerLabel')} data-testid="cost">
      <details>
        <summary className={s.summary}>{t('moreInfo')}</summary>
        <span>
          {t('footerCost', {
            action: t(last.action),
            cells: formatNumber(last.cost.cellsRead),
            syncs: last.cost.syncs,
            ms: formatMs(last.cost.ms),
          })}
        </span>
      </details>
    </footer>
  );
}
