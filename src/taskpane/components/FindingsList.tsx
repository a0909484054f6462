import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Plan } from '../../core/model/plan';
import type { Finding, Severity } from '../../core/rules/types';
import { usePane } from '../context';
import { findingKey, groupFindings } from '../model/findings';
import { formatNumber } from '../model/format';

const useStyles = makeStyles({
  sheet: { margin: 0, marginTop: tokens.spacingVerticalM, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { margin: 0, marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
});

export const SEVERITY_BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** The fixed tables' English names; 실천과제 titles and sheet names are the workbook's own. */
const TABLE_EN: Record<string, string> = { '공통 일자리 목표': 'Common job targets', '분야별 목표': 'Targets by area', 개요: 'Overview' };

export function tableLabel(table: string, lang: 'ko' | 'en'): string {
  return lang === 'en' ? TABLE_EN[table] ?? table : table;
}

function figure(v: number | string | null): string {
  return typeof v === 'number' ? formatNumber(v, Number.isInteger(v) ? 0 : 1) : String(v);
}

export function FindingsList(props: { findings: readonly Finding[]; plan: Plan | null; onSelect: (f: Finding) => void }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const groups = groupFindings(props.findings, props.plan);
  let n = 0;
  return (
    <section aria-label={t('findingsList')} data-testid="findings">
      {groups.map((g) => (
        <section key={g.sheet} aria-label={g.sheet || t('workbook')} data-sheet={g.sheet}>
          <h3 className={s.sheet}>
            {g.sheet || t('workbook')} <Caption1>({g.count})</Caption1>
          </h3>
          {g.tables.map((tg) => (
            <div key={tg.table ?? ''} data-table={tg.table ?? ''}>
              <h4 className={s.table}>{tg.table === null ? t('otherTable') : tableLabel(tg.table, lang)}</h4>
              <ul className={s.list}>
                {tg.findings.map((f) => {
                  const key = findingKey(f, n++);
                  const message = lang === 'en' ? f.messageEn : f.message;
                  const where = f.cell ? `${f.cell}` : '';
                  return (
                    <li key={key}>
                      <Button
                        className={s.item}
                        appearance="subtle"
                        onClick={() => props.onSelect(f)}
                        data-rule={f.rule}
                        data-cell={f.cell}
                        aria-label={`${t(f.severity)}: ${where ? `${where} ` : ''}${message}`}
                      >
                        <Badge appearance="filled" color={SEVERITY_BADGE[f.severity]} size="small" aria-hidden="true" />
                        <span className={s.body}>
                          <Text>
                            {where && <span className={s.cell}>{where} </span>}
                            {message}
                          </Text>
                          {f.expected !== null && f.actual !== null && (
                            <Caption1>
                              {t('expectedActual', { expected: figure(f.expected), actual: figure(f.actual) })}
                              {f.tolerance ? ` · ${t('tolerance', { tolerance: figure(f.tolerance) })}` : ''}
                            </Caption1>
                          )}
                        </span>
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
