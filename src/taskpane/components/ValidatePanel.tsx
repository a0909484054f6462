import { useState } from 'react';
import {
  Badge,
  Button,
  Spinner,
  Switch,
  Text,
  ToggleButton,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ValidateResult } from '../../adapters/office/api';
import type { Finding } from '../../core/rules/types';
import { usePane } from '../context';
import { ALL_SEVERITIES, SEVERITIES, countBySeverity, filterFindings, type SeverityFilter } from '../model/findings';
import { FindingsList, SEVERITY_BADGE } from './FindingsList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, padding: 0 },
});

export interface ValidatePanelProps {
  busy: boolean;
  validation: ValidateResult | null;
  autoRevalidate: boolean;
  onAutoRevalidate: (on: boolean) => void;
  onValidate: () => void;
  onClear: () => void;
  onResultsSheet: () => void;
  onSelect: (f: Finding) => void;
}

export function ValidatePanel(props: ValidatePanelProps) {
  const { t } = usePane();
  const s = useStyles();
  const [filter, setFilter] = useState<SeverityFilter>(ALL_SEVERITIES);
  const result = props.validation?.result ?? null;
  const findings = result?.findings ?? [];
  const counts = countBySeverity(findings);
  const shown = filterFindings(findings, filter);

  return (
    <div className={s.root}>
      <div className={s.actions}>
        <Button appearance="primary" onClick={props.onValidate} disabled={props.busy}>
          {t('validateButton')}
        </Button>
        <Button onClick={props.onClear} disabled={props.busy} title={t('clearHint')}>
          {t('clearButton')}
        </Button>
        <Button onClick={props.onResultsSheet} disabled={props.busy || !result || result.fatal}>
          {t('resultsSheetButton')}
        </Button>
        {props.busy && <Spinner size="tiny" label={t('validateBusy')} />}
      </div>
      <Switch checked={props.autoRevalidate} onChange={(_, d) => props.onAutoRevalidate(d.checked)} label={t('autoRevalidate')} />

      {!result && <Text>{t('notValidated')}</Text>}
      {result?.fatal && <Text>{t('notAPlan')}</Text>}
      {result && !result.fatal && (
        <>
          <div className={s.counts} data-testid="severity-counts" aria-label={t('summary', counts)} role="group">
            {SEVERITIES.map((sev) => (
              <Badge key={sev} appearance="filled" color={SEVERITY_BADGE[sev]} data-severity={sev}>
                {t(sev)} {counts[sev]}
              </Badge>
            ))}
          </div>
          {findings.length === 0 ? (
            <Text>{t('noFindings')}</Text>
          ) : (
            <>
              <Toolbar className={s.filters} aria-label={t('severityFilter')} size="small">
                {SEVERITIES.map((sev) => (
                  <ToggleButton
                    key={sev}
                    size="small"
                    checked={filter[sev]}
                    icon={<span aria-hidden="true">{filter[sev] ? '✓' : ''}</span>}
                    onClick={() => setFilter((f) => ({ ...f, [sev]: !f[sev] }))}
                    data-severity={sev}
                  >
                    {t(sev)} ({counts[sev]})
                  </ToggleButton>
                ))}
              </Toolbar>
              <Text size={200}>{t('selectHint')}</Text>
              {shown.length === 0 ? (
                <Text>{t('noneShown')}</Text>
              ) : (
                <FindingsList findings={shown} plan={result.plan} onSelect={props.onSelect} />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
