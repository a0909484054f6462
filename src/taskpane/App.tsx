/**
 * The task pane. State lives here (last validation, last cost, status line); the panels render it and
 * report user intents. Every Excel action goes through PaneServices (the Office.js adapter bound to one host).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { ActionCost, ExcelHost, ValidateResult } from '../adapters/office/api';
import { DEFAULT_SHEET_NAMES } from '../core/template/render';
import type { Finding, Lang } from '../core/rules/types';
import { PaneContext } from './context';
import { translator, type StringKey } from './i18n';
import { cellsToSelect, countBySeverity } from './model/findings';
import type { ThemeName } from './theme';
import { createServices, type PaneServices, type SheetRole, type TargetUpdate } from './services';
import { CostFooter, type LastCost } from './components/CostFooter';
import { GrowthPanel } from './components/GrowthPanel';
import { InsertPanel, type InsertRequest } from './components/InsertPanel';
import { ValidatePanel } from './components/ValidatePanel';

export type TabName = 'insert' | 'validate' | 'growth';

export interface AppProps {
  /** The Excel host (real Excel.run, or a test double); null when not running inside Excel. */
  host: ExcelHost | null;
  lang?: Lang;
  theme?: ThemeName;
  /** Overrides the services derived from `host` (tests). */
  services?: PaneServices;
  /** Debounce of re-validation after edits, ms. */
  debounceMs?: number;
  initialTab?: TabName;
}

interface Status {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
}

const useStyles = makeStyles({
  provider: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  header: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0` },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  footer: { padding: `0 ${tokens.spacingHorizontalL}` },
});

const ANNOTATION: Record<ValidateResult['annotation'], StringKey> = {
  notes: 'annotationNotes',
  comments: 'annotationComments',
  'fill-only': 'annotationFill',
  none: 'annotationNone',
};

/** The adapter's notices are "한국어 / English" pairs: the half in the pane's language. */
export function pickLang(pair: string, lang: Lang): string {
  const i = pair.indexOf(' / ');
  if (i < 0) return pair;
  return lang === 'en' ? pair.slice(i + 3) : pair.slice(0, i);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App(props: AppProps) {
  const lang: Lang = props.lang ?? 'ko';
  const t = useMemo(() => translator(lang), [lang]);
  const services = useMemo(() => props.services ?? (props.host ? createServices(props.host) : null), [props.services, props.host]);
  const s = useStyles();

  const [tab, setTab] = useState<TabName>(props.initialTab ?? 'insert');
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [validation, setValidation] = useState<ValidateResult | null>(null);
  const [last, setLast] = useState<LastCost | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [auto, setAuto] = useState(true);

  /** Runs one Excel action: one at a time, errors shown, cost recorded. */
  const run = useCallback(
    async <T,>(action: StringKey, fn: (svc: PaneServices) => Promise<T>, costOf?: (r: T) => ActionCost | undefined) => {
      if (!services) {
        setStatus({ intent: 'error', text: t('noHost') });
        return undefined;
      }
      if (busyRef.current) return undefined;
      busyRef.current = true;
      setBusy(true);
      try {
        const r = await fn(services);
        const cost = costOf?.(r);
        if (cost) setLast({ action, cost });
        return r;
      } catch (e) {
        setStatus({ intent: 'error', text: t('failed', { message: messageOf(e) }) });
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [services, t],
  );

  const doValidate = useCallback(
    async (reason: 'user' | 'auto' = 'user') => {
      const r = await run('actionValidate', (svc) => svc.validate({ lang, highlight: true }), (x) => x.cost);
      if (!r) return;
      setValidation(r);
      if (r.result.fatal) {
        setStatus({ intent: 'warning', text: t('notAPlan') });
        return;
      }
      const counts = countBySeverity(r.result.findings);
      const parts = [`${t('summary', counts)}.`];
      if (r.marked > 0) parts.push(t('marked', { n: r.marked, how: t(ANNOTATION[r.annotation]) }));
      if (r.truncated) parts.push(t('truncated'));
      for (const d of r.degraded ?? []) parts.push(pickLang(d, lang));
      if (reason === 'auto') parts.unshift(t('autoRevalidated'));
      setStatus({ intent: counts.error ? 'error' : counts.warning ? 'warning' : 'success', text: parts.join(' ') });
    },
    [run, lang, t],
  );

  const doInsert = async (req: InsertRequest) => {
    const r = await run(
      'actionInsert',
      async (svc) => {
        const existing = await svc.existingSheetNames();
        const names = svc.planSheetNames(existing);
        const result = await svc.insertTemplate(req.draft, { formulas: req.kind === 'blank', sheetNames: names });
        return { result, names };
      },
      (x) => x.result.cost,
    );
    if (!r) return;
    // Names that differ from the defaults because those were taken (only sheets actually created).
    const renamed = (Object.keys(DEFAULT_SHEET_NAMES) as SheetRole[])
      .filter((role) => r.names[role] && r.names[role] !== DEFAULT_SHEET_NAMES[role] && r.result.sheetNames.includes(r.names[role]))
      .map((role) => `${DEFAULT_SHEET_NAMES[role]} → ${r.names[role]}`);
    const text = [t('insertDone', { names: r.result.sheetNames.join(', ') })];
    if (renamed.length) text.push(t('insertRenamed', { names: renamed.join(', ') }));
    setStatus({ intent: 'success', text: text.join(' ') });
  };

  const doClear = async () => {
    const r = await run('actionClear', (svc) => svc.clearMarks(), (x) => x.cost);
    if (r) {
      const text = [t('cleared', { n: r.restored }), ...(r.degraded ?? []).map((d) => pickLang(d, lang))];
      setStatus({ intent: r.degraded?.length ? 'warning' : 'success', text: text.join(' ') });
    }
  };

  const doResultsSheet = async () => {
    if (!validation) return;
    const r = await run('actionResults', (svc) => svc.writeResultsSheet(validation.result.findings, lang), (x) => x.cost);
    if (r) setStatus({ intent: 'success', text: t('resultsWritten', { sheet: r.sheetName }) });
  };

  const doSelect = async (f: Finding) => {
    const cells = cellsToSelect(f);
    if (!cells.length || !services) return;
    try {
      await services.selectCells(cells);
    } catch (e) {
      setStatus({ intent: 'error', text: t('failed', { message: messageOf(e) }) });
    }
  };

  const doFill = async (updates: TargetUpdate[]) => {
    const plan = validation?.result.plan;
    if (!plan) return;
    const r = await run('actionFill', (svc) => svc.writeIndicatorTargets(plan, updates), (x) => x.cost);
    if (!r) return;
    const n = updates.reduce((k, u) => k + u.values.length, 0);
    setStatus({ intent: 'success', text: t('filled', { n }) });
    await doValidate('user');
  };

  // Re-validate after edits: subscribe while the switch is on and the last check found a plan. The adapter
  // debounces and ignores the add-in's own writes; an edit that lands while an action runs is checked after it.
  const hasPlan = !!validation && !validation.result.fatal;
  const debounceMs = props.debounceMs ?? 800;
  const validateRef = useRef(doValidate);
  validateRef.current = doValidate;
  const autoRef = useRef(auto);
  autoRef.current = auto;
  useEffect(() => {
    if (!auto || !hasPlan || !services) return undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const recheck = () => {
      if (cancelled || !autoRef.current) return;
      if (busyRef.current) {
        retry ??= setTimeout(() => {
          retry = null;
          recheck();
        }, 100);
        return;
      }
      void validateRef.current('auto');
    };
    services.onPlanChanged(recheck, debounceMs).then(
      (u) => {
        if (cancelled) void u();
        else unsubscribe = u;
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      if (retry) clearTimeout(retry);
      if (unsubscribe) void unsubscribe();
    };
  }, [auto, hasPlan, services, debounceMs]);

  const theme = props.theme === 'dark' ? webDarkTheme : webLightTheme;
  const context = useMemo(() => ({ lang, t, services }), [lang, t, services]);

  return (
    <PaneContext.Provider value={context}>
      <FluentProvider theme={theme} className={s.provider} lang={lang === 'en' ? 'en' : 'ko'} data-theme={props.theme ?? 'light'}>
        <header className={s.header}>
          <h1 className={s.title}>{t('appTitle')}</h1>
        </header>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} aria-label={t('tabsLabel')}>
          <Tab value="insert" id="tab-insert" aria-controls="panel">
            {t('tabInsert')}
          </Tab>
          <Tab value="validate" id="tab-validate" aria-controls="panel">
            {t('tabValidate')}
          </Tab>
          <Tab value="growth" id="tab-growth" aria-controls="panel">
            {t('tabGrowth')}
          </Tab>
        </TabList>
        <main className={s.main} id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <div role="status" aria-live="polite" aria-atomic="true" data-testid="status">
            {status && (
              <MessageBar intent={status.intent}>
                <MessageBarBody>{status.text}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          {!services && <Text>{t('noHost')}</Text>}
          {tab === 'insert' && <InsertPanel busy={busy} onInsert={doInsert} />}
          {tab === 'validate' && (
            <ValidatePanel
              busy={busy}
              validation={validation}
              autoRevalidate={auto}
              onAutoRevalidate={setAuto}
              onValidate={() => void doValidate('user')}
              onClear={() => void doClear()}
              onResultsSheet={() => void doResultsSheet()}
              onSelect={(f) => void doSelect(f)}
            />
          )}
          {tab === 'growth' && <GrowthPanel plan={validation?.result.plan ?? null} busy={busy} onFill={(u) => void doFill(u)} />}
        </main>
        <div className={s.footer}>
          <CostFooter last={last} />
        </div>
      </FluentProvider>
    </PaneContext.Provider>
  );
}
