import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
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
  },
});

export function CostFooter({ last }: { last: LastCost | null }) {
  const { t } = usePane();
  const s = useStyles();
  return (
    <footer className={s.footer} aria-label={t('footerLabel')} data-testid="cost">
      <Caption1 aria-live="polite">
        {last
          ? t('footerCost', {
              action: t(last.action),
              cells: formatNumber(last.cost.cellsRead),
              syncs: last.cost.syncs,
              ms: formatMs(last.cost.ms),
            })
          : t('footerNone')}
      </Caption1>
    </footer>
  );
}
