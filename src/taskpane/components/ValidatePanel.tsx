import { useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Switch, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { ValidateResult, WorkbookConfig } from '../../adapters/office/api';
import { headline, severityName } from '../../core/present';
import { acceptanceKey, type Acceptance } from '../../core/accepted';
import { isComplete, progressText } from '../../core/progress';
import type { Finding } from '../../core/rules/types';
import { usePane } from '../context';
import { ALL_SEVERITIES, SEVERITIES, countBySeverity, filterFindings, paneOrder, type SeverityFilter } from '../model/findings';
import { FindingsList } from './FindingsList';
import { HwpxExportButton } from './HwpxExportButton';
import { NoPlanState } from './NoPlanState';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, padding: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  accepted: { marginTop: tokens.spacingVerticalS },
  bar: { height: '4px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground6, overflow: 'hidden' },
  barFill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  acceptedList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  acceptedItem: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', justifyContent: 'space-between' },
  acceptedText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalXS },
});

export interface ValidatePanelProps {
  busy: boolean;
  /** No Excel to talk to: every action is disabled. */
  disabled?: boolean;
  validation: ValidateResult | null;
  autoRevalidate: boolean;
  onAutoRevalidate: (on: boolean) => void;
  onValidate: () => void;
  onClear: () => void;
  onResultsSheet: () => void;
  onSelect: (f: Finding) => void;
  onAccept: (f: Finding, reason: string) => void;
  onRestore: (a: Acceptance) => void;
  onInsert: () => void;
}

/** Accepted findings: what was accepted, why, and a way back. */
function AcceptedList(props: { validation: ValidateResult; busy: boolean; onRestore: (a: Acceptance) => void }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const { accepted, acceptances } = props.validation.result;
  const matched = new Set(accepted.map((a) => acceptanceKey(a.acceptance)));
  const byKey = new Map(accepted.map((a) => [acceptanceKey(a.acceptance), a.finding]));
  if (!acceptances.length) return null;
  return (
    <details className={s.accepted} data-testid="accepted">
      <summary className={s.summary}>{t('acceptedList', { n: acceptances.length })}</summary>
      <ul className={s.acceptedList}>
        {acceptances.map((a) => {
          const key = acceptanceKey(a);
          const f = byKey.get(key);
          return (
            <li key={key} className={s.acceptedItem} data-cell={a.cell} data-rule={a.rule}>
              <span className={s.acceptedText}>
                <Text>
                  {a.cell && <span className={s.cell}>{a.cell}</span>}
                  {f ? headline(f, lang) : a.message}
                </Text>
                {a.reason && <Caption1>{t('acceptedReason', { reason: a.reason })}</Caption1>}
                {!matched.has(key) && <Caption1>{t('acceptedGone')}</Caption1>}
              </span>
              <Button size="small" onClick={() => props.onRestore(a)} disabled={props.busy}>
                {t('restore')}
              </Button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/**
 * What the workbook's check settings (jobtarget.config in its document settings) did: which rules they
 * changed, or why they were not used (then every rule ran at its default severity).
 */
function ConfigNote({ config }: { config: WorkbookConfig | undefined }) {
  const { t, lang } = usePane();
  if (config?.source === 'invalid') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="config-note">
        <MessageBarBody>
          <MessageBarTitle>{t('configInvalidTitle')}</MessageBarTitle> {t('configInvalid')}
          <ul>
            {config.problems.map((p, i) => (
              <li key={i}>{p[lang]}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const rules = config?.source === 'workbook' ? Object.entries(config.rules) : [];
  if (!rules.length) return null;
  const list = rules.map(([id, setting]) => `${id} → ${setting === 'off' ? t('ruleOff') : severityName(setting, lang)}`).join(', ');
  return <Caption1 data-testid="config-note">{t('configApplied', { n: rules.length, rules: list })}</Caption1>;
}

export function ValidatePanel(props: ValidatePanelProps) {
  const { t, lang } = usePane();
  const s = useStyles();
  const [filter, setFilter] = useState<SeverityFilter>(ALL_SEVERITIES);
  const result = props.validation?.result ?? null;
  const findings = result?.findings ?? [];
  const counts = countBySeverity(findings);
  // The one order (core/present), in the workbook's sheet order as the adapter read it.
  const shown = paneOrder(filterFindings(findings, filter), props.validation?.sheets);
  const off = props.busy || !!props.disabled;
  const progress = result && !result.fatal ? result.progress : null;

  return (
    <div className={s.root}>
      <div className={s.actions}>
        {/* While an action runs the buttons stay focusable (aria-disabled): disabling the focused one dropped the
            keyboard user's focus to the page. */}
        <Button appearance="primary" onClick={props.onValidate} disabled={off} disabledFocusable={props.busy} data-testid="validate">
          {t('validateButton')}
        </Button>
        <Button onClick={props.onClear} disabled={off} disabledFocusable={props.busy} title={t('clearHint')}>
          {t('clearButton')}
        </Button>
        <Button onClick={props.onResultsSheet} disabled={off || !result || result.fatal} disabledFocusable={props.busy && !!result && !result.fatal}>
          {t('resultsSheetButton')}
        </Button>
        <HwpxExportButton plan={result && !result.fatal ? result.plan : null} disabled={off} />
        {props.busy && <Spinner size="tiny" label={t('validateBusy')} />}
      </div>
      <Switch checked={props.autoRevalidate} disabled={!!props.disabled} onChange={(_, d) => props.onAutoRevalidate(d.checked)} label={t('autoRevalidate')} />

      {!result && <Text>{t('notValidated')}</Text>}
      {result && <ConfigNote config={props.validation?.config} />}
      {result?.fatal && <NoPlanState onInsert={props.onInsert} disabled={off} />}
      {progress && !isComplete(progress) && (
        <div className={s.progress} data-testid="progress">
          <Text>
            {t('progress')}: {progressText(progress, lang)}
          </Text>
          {progress.subprojects.total > 0 && (
            <div
              className={s.bar}
              role="progressbar"
              aria-label={t('progress')}
              aria-valuemin={0}
              aria-valuemax={progress.subprojects.total}
              aria-valuenow={progress.subprojects.entered}
            >
              <div className={s.barFill} style={{ width: `${(100 * progress.subprojects.entered) / progress.subprojects.total}%` }} />
            </div>
          )}
          {progress.untouched && <Caption1>{t('untouched')}</Caption1>}
        </div>
      )}
      {result && !result.fatal && (
        <>
          {findings.length === 0 ? (
            !progress?.untouched && <Text data-testid="no-findings">{t('noFindings')}</Text>
          ) : (
            <>
              <div role="group" className={s.filters} aria-label={t('severityFilter')} data-testid="severity-counts">
                {SEVERITIES.filter((sev) => counts[sev] > 0).map((sev) => (
                  <ToggleButton
                    key={sev}
                    size="small"
                    checked={filter[sev]}
                    icon={<SeverityIcon severity={sev} label={false} />}
                    onClick={() => setFilter((f) => ({ ...f, [sev]: !f[sev] }))}
                    data-severity={sev}
                  >
                    {t(sev)} {counts[sev]}
                  </ToggleButton>
                ))}
              </div>
              <Caption1>{t('selectHint')}</Caption1>
              {shown.length === 0 ? (
                <Text>{t('noneShown')}</Text>
              ) : (
                <FindingsList findings={shown} busy={off} onSelect={props.onSelect} onAccept={props.disabled ? undefined : props.onAccept} />
              )}
            </>
          )}
          {props.validation && <AcceptedList validation={props.validation} busy={off} onRestore={props.onRestore} />}
        </>
      )}
    </div>
  );
}

