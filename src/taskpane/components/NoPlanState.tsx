/** What the pane shows when the workbook holds no plan: what is missing, and the way to start. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { usePane } from '../context';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function NoPlanState(props: { onInsert: () => void; disabled?: boolean }) {
  const { t } = usePane();
  const s = useStyles();
  return (
    <section className={s.root} data-testid="no-plan" aria-labelledby="no-plan-title">
      <h2 className={s.title} id="no-plan-title">
        {t('noPlanTitle')}
      </h2>
      <Text>{t('noPlanBody')}</Text>
      <Button appearance="primary" onClick={props.onInsert} disabled={props.disabled}>
        {t('noPlanAction')}
      </Button>
    </section>
  );
}
