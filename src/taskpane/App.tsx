/**
 * The task pane. State lives here (last validation, last cost, status line); the panels render it and
 * report user intents. Every Excel action goes through PaneServices (the Office.js adapter bound to one host).
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { acceptFinding, withAcceptance, withoutAcceptance, type Acceptance } from '../core/accepted';
import type { ActionCost, ExcelHost, ValidateResult } from '../adapters/office/api';
import { DEFAULT_SHEET_NAMES } from '../core/template/render';
import type { Finding, Lang } from '../core/rules/types';
import { PaneContext } from './context';
import { translator, type StringKey } from './i18n';
import { cellsToSelect } from './model/findings';
import { formatCount } from './model/format';
import type { ThemeName } from './theme';
import { createServices, type CellContent, type PaneServices, type SheetRole } from './services';
import { CostFooter, type LastCost } from './components/CostFooter';
import type { FillCell } from './components/GrowthPanel';

/** The 성장률 panel (its table, charts and fill dialog) loads when the tab is first opened: opening the pane stays light. */
const GrowthPanel = lazy(() => import(/* webpackChunkName: "growth" */ './components/GrowthPanel').then((m) => ({ default: m.GrowthPanel })));
import { InsertPanel, type InsertRequest } from './components/InsertPanel';
import { NoPlanState } from './components/NoPlanState';
import { ValidatePanel } from './components/ValidatePanel';

/** Microsoft's task-pane guidance: 20 px side margins. */
const MARGIN = '20px';

interface Status {
  /** The panel the message belongs to: shown only there, so a panel never shows another's stale news. */
  tab: TabName;
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
  /** One follow-up action (e.g. 되돌리기 after a fill). */
  action?: { label: string; run: () => void };
}

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    // Korean breaks between words, never inside one (표/시했습니다); long tokens (cell lists) may still wrap.
    wordBreak: 'keep-all',
    overflowWrap: 'anywhere',
  },
  tabs: { padding: `${tokens.spacingVerticalS} calc(${MARGIN} - ${tokens.spacingHorizontalMNudge}) 0` },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${MARGIN}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  status: { display: 'contents' },
  panel: { display: 'contents' },
  footer: { padding: `0 ${MARGIN}` },
});

const ANNOTATION: Record<ValidateResult['annotation'], StringKey> = {
  notes: 'annotationNotes',
  comments: 'annotationComments',
  'fill-only': 'annotationFill',
  none: 'annotationNone',
};

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

/**
 * What a failed action says: the error's own message (Excel's, or the adapter's: "ExcelApi 1.7 is not
 * supported"), except for a JavaScript runtime error of the add-in itself or a thrown non-error, which
 * says it is ours with its text as the detail ("Cannot read properties of undefined" alone means nothing to a user).
 */
function messageOf(e: unknown, t: ReturnType<typeof translator>): string {
  const ours = !(e instanceof Error) || e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof SyntaxError;
  if (!ours) return e.message;
  return t('internalError', { message: e instanceof Error ? e.message : String(e) });
}

export function App(props: AppProps) {
  const lang: Lang = props.lang ?? 'ko';
  const t = useMemo(() => translator(lang), [lang]);
  const services = useMemo(() => props.services ?? (props.host ? createServices(props.host) : null), [props.services, props.host]);
  const s = useStyles();

  const [tab, setTab] = useState<TabName>(props.initialTab ?? 'insert');
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [validation, setValidation] = useState<ValidateResult | null>(null);
  const [last, setLast] = useState<LastCost | null>(null);
  const [status, setStatusState] = useState<Status | null>(null);
  const [auto, setAuto] = useState(true);
  /** How many checks have finished (exposed as data-checks, so browser tests can wait for a fresh result). */
  const [checks, setChecks] = useState(0);

  /** A message for the panel the user is on. */
  const setStatus = useCallback((st: Omit<Status, 'tab'> & { tab?: TabName }) => setStatusState({ tab: tabRef.current, ...st }), []);

  /** Runs one Excel action: one at a time, errors shown, cost recorded. */
  const run = useCallback(
    async <T,>(action: StringKey, fn: (svc: PaneServices) => Promise<T>, costOf?: (r: T) => ActionCost | undefined) => {
      if (!services) return undefined;
      if (busyRef.current) return undefined;
      busyRef.current = true;
      setBusy(true);
      try {
        const r = await fn(services);
        const cost = costOf?.(r);
        if (cost) setLast({ action, cost });
        return r;
      } catch (e) {
        setStatus({ intent: 'error', text: t('failed', { message: messageOf(e, t) }) });
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [services, t, setStatus],
  );

  /** Checks the workbook. `quiet`: another action reports (fill, accept); only problems are said. */
  const doValidate = useCallback(
    async (reason: 'user' | 'auto' | 'quiet' = 'user') => {
      const r = await run('actionValidate', (svc) => svc.validate({ lang, highlight: true }), (x) => x.cost);
      if (!r) return;
      setValidation(r);
      setChecks((n) => n + 1);
      const notices = (r.notices ?? []).map((n) => n[lang]);
      if (r.result.fatal) {
        // The panel itself says what is missing and offers the template: no second message.
        setStatusState(null);
        return;
      }
      if (reason === 'quiet') {
        if (notices.length) setStatus({ intent: 'warning', text: notices.join(' ') });
        return;
      }
      const parts = [reason === 'auto' ? t('autoRevalidated') : t('checkedDone')];
      if (r.marked > 0) parts.push(t('marked', { n: formatCount(r.marked), how: t(ANNOTATION[r.annotation]) }));
      // A truncated marking is said by the adapter's notice (how many cells, where the full list is): not twice.
      parts.push(...notices);
      setStatus({ intent: notices.length ? 'warning' : 'info', text: parts.join(' ') });
    },
    [run, lang, t, setStatus],
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
      // The adapter's notices come in both languages, without requirement-set names (nothing to cut out here).
      const text = [t('cleared', { n: r.restored }), ...(r.notices ?? []).map((n) => n[lang])];
      setStatus({ intent: r.notices?.length ? 'warning' : 'success', text: text.join(' ') });
    }
  };

  const doResultsSheet = async () => {
    if (!validation) return;
    const r = await run('actionResults', (svc) => svc.writeResultsSheet(validation.result.findings, lang, validation.result.progress), (x) => x.cost);
    if (r) setStatus({ intent: 'success', text: t('resultsWritten', { sheet: r.sheetName }) });
  };

  const doSelect = async (f: Finding) => {
    const cells = cellsToSelect(f);
    if (!cells.length || !services) return;
    try {
      await services.selectCells(cells);
    } catch (e) {
      // The list is from before the user renamed or deleted the sheet: Excel says only "The requested
      // resource doesn't exist" (ItemNotFound, from worksheets.getItem).
      if ((e as { code?: unknown } | null)?.code === 'ItemNotFound') {
        setStatus({ intent: 'warning', text: t('sheetChanged') });
        return;
      }
      setStatus({ intent: 'error', text: t('failed', { message: messageOf(e, t) }) });
    }
  };

  const saveAcceptances = async (list: Acceptance[], done: StringKey) => {
    const ok = await run('actionAccept', (svc) => svc.writeAcceptances(list), (x) => x.cost);
    if (!ok) return;
    await doValidate('quiet');
    setStatus({ intent: 'success', text: t(done) });
  };

  const doAccept = (f: Finding, reason: string) =>
    void saveAcceptances(withAcceptance(validation?.result.acceptances ?? [], acceptFinding(f, reason)), 'acceptDone');
  const doRestore = (a: Acceptance) => void saveAcceptances(withoutAcceptance(validation?.result.acceptances ?? [], a), 'restoreDone');

  const doUndoFill = async (cells: CellContent[]) => {
    const r = await run('actionFill', (svc) => svc.restoreCells(cells), (x) => x.cost);
    if (!r) return;
    await doValidate('quiet');
    setStatus({ intent: 'success', text: t('undoDone', { n: cells.length }) });
  };

  const doFill = async (cells: FillCell[]) => {
    if (!cells.length) return;
    const r = await run('actionFill', (svc) => svc.writeTargetCells(cells.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.to }))), (x) => x.cost);
    if (!r) return;
    const before: CellContent[] = cells.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.from, ...(c.fromFormula ? { formula: c.fromFormula } : {}) }));
    await doValidate('quiet');
    setStatus({ intent: 'success', text: t('filled', { n: cells.length }), action: { label: t('undoFill'), run: () => void doUndoFill(before) } });
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
  const shownStatus = status && status.tab === tab ? status : null;
  const noHost = !services;

  return (
    <PaneContext.Provider value={context}>
      <FluentProvider theme={theme} className={s.provider} lang={lang === 'en' ? 'en' : 'ko'} data-theme={props.theme ?? 'light'}>
        <div className={s.tabs}>
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
        </div>
        <main className={s.main} id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`} data-checks={checks}>
          {noHost && (
            <MessageBar intent="warning" layout="multiline" data-testid="no-host">
              <MessageBarBody>
                <MessageBarTitle>{t('noHostTitle')}</MessageBarTitle> {t('noHost')}
              </MessageBarBody>
            </MessageBar>
          )}
          <div role="status" aria-live="polite" aria-atomic="true" data-testid="status" className={s.status}>
            {shownStatus && (
              <MessageBar intent={shownStatus.intent} layout="multiline">
                <MessageBarBody>{shownStatus.text}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" size="small" aria-label={t('dismiss')} icon={<DismissRegular />} onClick={() => setStatusState(null)} />
                  }
                >
                  {shownStatus.action && (
                    <Button size="small" onClick={shownStatus.action.run} disabled={busy}>
                      {shownStatus.action.label}
                    </Button>
                  )}
                </MessageBarActions>
              </MessageBar>
            )}
          </div>
          {tab === 'insert' && <InsertPanel busy={busy} disabled={noHost} onInsert={doInsert} />}
          {tab === 'validate' && (
            <ValidatePanel
              busy={busy}
              disabled={noHost}
              validation={validation}
              autoRevalidate={auto}
              onAutoRevalidate={setAuto}
              onValidate={() => void doValidate('user')}
              onClear={() => void doClear()}
              onResultsSheet={() => void doResultsSheet()}
              onSelect={(f) => void doSelect(f)}
              onAccept={doAccept}
              onRestore={doRestore}
              onInsert={() => setTab('insert')}
            />
          )}
          {tab === 'growth' &&
            (validation?.result.fatal ? (
              <NoPlanState onInsert={() => setTab('insert')} disabled={busy || noHost} />
            ) : (
              <Suspense fallback={<Spinner size="tiny" label={t('panelLoading')} data-testid="panel-loading" />}>
                {/* Rendered only once the panel has loaded (tests wait for it); no box of its own. */}
                <div className={s.panel} data-testid="growth-panel">
                  <GrowthPanel plan={validation?.result.plan ?? null} busy={busy} disabled={noHost} onFill={(c) => void doFill(c)} />
                </div>
              </Suspense>
            ))}
        </main>
        <div className={s.footer}>
          <CostFooter last={last} />
        </div>
      </FluentProvider>
    </PaneContext.Provider>
  );
}
