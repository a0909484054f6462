/**
 * The findings, grouped by sheet and table in the one order. Each finding is one short line (severity icon
 * and name, cell, core/present's headline); selecting it selects its cells in Excel and opens its details:
 * present's detail (the message with its figures), the place (table · row), the cells involved, the rule,
 * and 수용 (accept, with an optional reason). No text here is cut out of a message.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Caption1, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { cellLabel, detail, headline, placeLabel, tableName } from '../../core/present';
import type { Finding, Lang, Place } from '../../core/rules/types';
import { usePane } from '../context';
import { findingKey, groupFindings } from '../model/findings';
import { formatCount } from '../model/format';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  sheet: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { margin: 0, marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  line: { minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalXS },
  details: {
    marginLeft: '28px',
    marginBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  rule: { fontFamily: tokens.fontFamilyMonospace },
  parts: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  more: { marginTop: tokens.spacingVerticalM },
});

/** A heading starts with a capital in English ("Targets by area"); present's names are for running text. */
function capitalised(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A table's heading: its name from core/present (the fixed tables in the pane's language, a 실천과제 by its own name). */
export function tableHeading(table: Place['table'] | null, name: string | null, lang: Lang): string {
  if (table) return capitalised(tableName(table, lang));
  return name ?? '';
}

/** The part of a finding shown on demand: present's detail, the place, the cells, the rule, the accept form. */
function FindingDetails(props: { finding: Finding; busy: boolean; onAccept?: (f: Finding, reason: string) => void; id: string }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  // Closing the form (취소, Escape) gives focus back to 수용: the form's buttons, which had it, are gone.
  const acceptButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!accepting && refocus.current) {
      refocus.current = false;
      acceptButton.current?.focus();
    }
  }, [accepting]);
  const cancel = () => {
    refocus.current = true;
    setAccepting(false);
  };
  const f = props.finding;
  const place = placeLabel(f.place, lang);
  const parts = f.refs.map((r) => cellLabel(r));
  return (
    <div className={s.details} id={props.id} data-testid="finding-details">
      <Text size={200} data-testid="finding-detail">
        {detail(f, lang)}
      </Text>
      {place && (
        <Caption1 data-testid="finding-place">
          {t('findingPlace')}: {place}
        </Caption1>
      )}
      {parts.length > 1 && (
        <Caption1 className={s.parts}>
          {t('findingParts')}: {parts.join(', ')}
        </Caption1>
      )}
      <Caption1>
        {t('findingRule')}: <span className={s.rule}>{f.rule}</span>
      </Caption1>
      {props.onAccept && !accepting && (
        <div className={s.actions}>
          <Button size="small" ref={acceptButton} onClick={() => setAccepting(true)} disabled={props.busy}>
            {t('accept')}
          </Button>
        </div>
      )}
      {props.onAccept && accepting && (
        <form
          className={s.actions}
          onSubmit={(e) => {
            e.preventDefault();
            props.onAccept?.(f, reason);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              cancel();
            }
          }}
        >
          <Field label={t('acceptReason')} hint={t('acceptHint')} style={{ flexGrow: 1, minWidth: '12em' }}>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} autoFocus />
          </Field>
          <Button size="small" appearance="primary" type="submit" disabled={props.busy}>
            {t('acceptConfirm')}
          </Button>
          <Button size="small" onClick={cancel}>
            {t('cancel')}
          </Button>
        </form>
      )}
    </div>
  );
}

/**
 * How many findings the list shows at first and adds per 더 보기: a plan with 10,000 findings made 10,000
 * buttons (80,000 elements), and every filter toggle or opened finding took seconds to re-render.
 */
export const FINDINGS_PAGE = 200;

export function FindingsList(props: {
  findings: readonly Finding[];
  busy?: boolean;
  onSelect: (f: Finding) => void;
  onAccept?: (f: Finding, reason: string) => void;
}) {
  const { t, lang } = usePane();
  const s = useStyles();
  const base = useId();
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  // After 더 보기, focus goes to the first finding it added (the button itself moves below them).
  const listRef = useRef<HTMLElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null) return;
    const first = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-rule]')[focusFrom.current];
    focusFrom.current = null;
    first?.focus();
  }, [limit]);
  const total = props.findings.length;
  const shownCount = Math.min(total, limit);
  // The findings come in the one order (model/findings paneOrder); groups keep it.
  const groups = groupFindings(props.findings);
  let n = 0;
  return (
    <section aria-label={t('findingsList')} data-testid="findings" ref={listRef}>
      {groups.map((g) => {
        if (n >= shownCount) return null;
        const single = g.single ? g.tables[0] : null;
        // One heading for a sheet with one table: the table's name (the sheet's when it has none).
        const sheetTitle = g.sheet || t('workbook');
        const title = single && single.table !== null && (single.place || single.table !== g.sheet) ? tableHeading(single.place, single.table, lang) : sheetTitle;
        return (
          <section key={g.sheet} className={s.group} aria-label={title} data-sheet={g.sheet}>
            <h3 className={s.sheet}>
              {title} <span className={s.count}>({g.count})</span>
            </h3>
            {g.tables.map((tg) => n >= shownCount ? null : (
              <div key={tg.table ?? ''} data-table={tg.table ?? ''}>
                {!single && <h4 className={s.table}>{tg.table === null ? t('otherTable') : tableHeading(tg.place, tg.table, lang)}</h4>}
                <ul className={s.list}>
                  {tg.findings.map((f) => {
                    if (n >= shownCount) return null;
                    const key = findingKey(f, n++);
                    const line = headline(f, lang);
                    const expanded = open === key;
                    const detailsId = `${base}-${n}`;
                    return (
                      <li key={key}>
                        <Button
                          className={s.item}
                          appearance="subtle"
                          onClick={() => {
                            // Every click selects the cells (again); the details open and close with it.
                            setOpen(expanded ? null : key);
                            props.onSelect(f);
                          }}
                          aria-expanded={expanded}
                          aria-controls={expanded ? detailsId : undefined}
                          data-rule={f.rule}
                          data-cell={f.cell}
                          data-severity={f.severity}
                        >
                          <SeverityIcon severity={f.severity} />
                          <span className={s.line}>
                            {f.cell && <span className={s.cell}>{f.cell}</span>}
                            {line}
                          </span>
                        </Button>
                        {expanded && <FindingDetails id={detailsId} finding={f} busy={!!props.busy} onAccept={f.rule === 'structure' ? undefined : props.onAccept} />}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
      {shownCount < total && (
        <Button
          className={s.more}
          data-testid="findings-more"
          onClick={() => {
            focusFrom.current = shownCount;
            setLimit(shownCount + FINDINGS_PAGE);
          }}
        >
          {t('findingsMore', { n: formatCount(Math.min(FINDINGS_PAGE, total - shownCount)), shown: formatCount(shownCount), total: formatCount(total) })}
        </Button>
      )}
    </section>
  );
}
