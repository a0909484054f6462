/**
 * The findings, grouped by sheet and table in workbook order. Each finding is one short line (severity icon
 * and name, cell, headline); selecting it selects its cells in Excel and opens its details: the figures, the
 * cells involved, and 수용 (accept, with an optional reason).
 */
import { useId, useState } from 'react';
import { Button, Caption1, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Plan } from '../../core/model/plan';
import type { Finding } from '../../core/rules/types';
import { usePane } from '../context';
import { findingKey, groupFindings } from '../model/findings';
import { findingDetail, findingFigures, findingHeadline, findingParts } from '../model/text';
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
  parts: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

/** The fixed tables' English names; 실천과제 titles and sheet names are the workbook's own. */
const TABLE_EN: Record<string, string> = {
  '공통 일자리 목표': 'Common job targets',
  '분야별 목표': 'Targets by area',
  개요: 'Overview',
  성과: 'Results (성과)',
  '연차별 세부계획': 'Annual plan (연차별 세부계획)',
};

export function tableLabel(table: string, lang: 'ko' | 'en'): string {
  return lang === 'en' ? TABLE_EN[table] ?? table : table;
}

/** The part of a finding shown on demand: figures, cells, accept form. */
function FindingDetails(props: { finding: Finding; busy: boolean; onAccept?: (f: Finding, reason: string) => void; id: string }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const f = props.finding;
  const figures = findingFigures(f, lang);
  const detail = findingDetail(f, lang);
  const parts = findingParts(f);
  return (
    <div className={s.details} id={props.id} data-testid="finding-details">
      {detail && <Text size={200}>{detail}</Text>}
      {figures && <Text size={200}>{figures}</Text>}
      {parts.length > 1 && (
        <Caption1 className={s.parts}>
          {t('findingParts')}: {parts.join(', ')}
        </Caption1>
      )}
      {props.onAccept && !accepting && (
        <div className={s.actions}>
          <Button size="small" onClick={() => setAccepting(true)} disabled={props.busy}>
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
        >
          <Field label={t('acceptReason')} hint={t('acceptHint')} style={{ flexGrow: 1, minWidth: '12em' }}>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} autoFocus />
          </Field>
          <Button size="small" appearance="primary" type="submit" disabled={props.busy}>
            {t('acceptConfirm')}
          </Button>
          <Button size="small" onClick={() => setAccepting(false)}>
            {t('cancel')}
          </Button>
        </form>
      )}
    </div>
  );
}

export function FindingsList(props: {
  findings: readonly Finding[];
  plan: Plan | null;
  busy?: boolean;
  onSelect: (f: Finding) => void;
  onAccept?: (f: Finding, reason: string) => void;
}) {
  const { t, lang } = usePane();
  const s = useStyles();
  const base = useId();
  const [open, setOpen] = useState<string | null>(null);
  const groups = groupFindings(props.findings, props.plan);
  let n = 0;
  const heading = (sheet: string, table: string | null) => {
    if (!sheet) return table ? tableLabel(table, lang) : t('workbook');
    return table && table !== sheet ? tableLabel(table, lang) : tableLabel(sheet, lang);
  };
  return (
    <section aria-label={t('findingsList')} data-testid="findings">
      {groups.map((g) => {
        const single = g.single ? g.tables[0] : null;
        // One heading for a sheet with one table: the table's name (the sheet's when it has none).
        const title = single ? (single.table === null ? tableLabel(g.sheet, lang) || t('workbook') : heading(g.sheet, single.table)) : tableLabel(g.sheet, lang);
        return (
          <section key={g.sheet} className={s.group} aria-label={title} data-sheet={g.sheet}>
            <h3 className={s.sheet}>
              {title} <span className={s.count}>({g.count})</span>
            </h3>
            {g.tables.map((tg) => (
              <div key={tg.table ?? ''} data-table={tg.table ?? ''}>
                {!single && <h4 className={s.table}>{tg.table === null ? t('otherTable') : tableLabel(tg.table, lang)}</h4>}
                <ul className={s.list}>
                  {tg.findings.map((f) => {
                    const key = findingKey(f, n++);
                    const headline = findingHeadline(f, lang);
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
                            {headline}
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
    </section>
  );
}
