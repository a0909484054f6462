import { useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_EXAMPLE } from '../../core/examples/names';
import { DEFAULT_PERIOD, baseYear, lastYear, periodProblem, type PlanPeriod } from '../../core/model/period';
import { blankDraft } from '../../core/template/blank';
import type { PlanDraft } from '../../core/model/draft';
import { usePane } from '../context';

export type TemplateKind = 'blank' | 'example';

export interface InsertRequest {
  kind: TemplateKind;
  draft: PlanDraft;
}

/**
 * The examples the pane offers, by registry name, with their label keys and what the form shows about them
 * (a test holds these to the drafts). The drafts themselves are loaded when inserted: the seed data would
 * otherwise weigh on every opening of the pane.
 */
export const EXAMPLE_CHOICES = [
  { name: DEFAULT_EXAMPLE, label: 'insertExample', period: { startYear: 2023, years: 4 }, resultsOnly: false },
  { name: 'sejong-2024', label: 'insertExampleResults', period: { startYear: 2024, years: 1 }, resultsOnly: true },
] as const;

type Choice = 'blank' | `example:${string}`;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  narrow: { width: '9em' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The draft to insert for a choice: the blank template for a period, or a seed example as it is. */
export async function draftFor(kind: TemplateKind, period: PlanPeriod, example: string = DEFAULT_EXAMPLE): Promise<PlanDraft> {
  if (kind !== 'example') return blankDraft({ period });
  const { EXAMPLES } = await import(/* webpackChunkName: "examples" */ '../../core/examples');
  return EXAMPLES[example].draft;
}

function toInt(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN;
}

export function InsertPanel(props: { busy: boolean; disabled?: boolean; onInsert: (req: InsertRequest) => void }) {
  const { t } = usePane();
  const s = useStyles();
  const [choice, setChoice] = useState<Choice>('blank');
  const kind: TemplateKind = choice === 'blank' ? 'blank' : 'example';
  const example = choice === 'blank' ? DEFAULT_EXAMPLE : choice.slice('example:'.length);
  const exampleChoice = EXAMPLE_CHOICES.find((c) => c.name === example) ?? EXAMPLE_CHOICES[0];
  // A results report (성과 only) has a results year, not a plan period.
  const resultsOnly = kind === 'example' && exampleChoice.resultsOnly;
  const [startText, setStartText] = useState(String(DEFAULT_PERIOD.startYear));
  const [yearsText, setYearsText] = useState(String(DEFAULT_PERIOD.years));
  const period: PlanPeriod = kind === 'example' ? exampleChoice.period : { startYear: toInt(startText), years: toInt(yearsText) };
  const problem = kind === 'blank' ? periodProblem(period) : null;
  // core's message is for the CLI (both languages in one line); the pane says it in its own language, under the
  // field that is wrong (the start year when the period is fine with any length).
  const startWrong = !!problem && periodProblem({ startYear: period.startYear, years: 1 }) !== null;
  const startProblem = startWrong ? t('periodStartProblem') : null;
  const yearsProblem = problem && !startWrong ? t('periodYearsProblem') : null;

  return (
    <form
      className={s.form}
      aria-labelledby="insert-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem && !props.busy && !props.disabled) void draftFor(kind, period, example).then((draft) => props.onInsert({ kind, draft }));
      }}
    >
      <Text as="h2" id="insert-heading" weight="semibold" size={400}>
        {t('insertHeading')}
      </Text>
      <Field label={t('insertKind')}>
        <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value as Choice)}>
          <Radio value="blank" label={t('insertBlank')} />
          {EXAMPLE_CHOICES.map((c) => (
            <Radio key={c.name} value={`example:${c.name}`} label={t(c.label)} />
          ))}
        </RadioGroup>
      </Field>
      {kind === 'blank' && (
        <div className={s.row}>
          <Field label={t('insertStartYear')} validationMessage={startProblem ?? undefined} validationState={startProblem ? 'error' : 'none'}>
            <Input className={s.narrow} type="number" min={2000} max={2100} value={startText} onChange={(_, d) => setStartText(d.value)} />
          </Field>
          <Field label={t('insertYears')} validationMessage={yearsProblem ?? undefined} validationState={yearsProblem ? 'error' : 'none'}>
            <Input className={s.narrow} type="number" min={1} max={10} value={yearsText} onChange={(_, d) => setYearsText(d.value)} />
          </Field>
        </div>
      )}
      {!problem && (
        <Text data-testid="insert-period">
          {resultsOnly ? t('insertResultsYear', { year: period.startYear }) : t('insertPeriod', { start: period.startYear, end: lastYear(period), base: baseYear(period) })}
        </Text>
      )}
      <Text size={200}>{t('insertNote')}</Text>
      <div className={s.actions}>
        {/* Focusable (aria-disabled) while inserting: disabling the focused button dropped the keyboard user's focus. */}
        <Button appearance="primary" type="submit" data-testid="insert" disabled={props.busy || props.disabled || !!problem} disabledFocusable={props.busy && !problem}>
          {t('insertButton')}
        </Button>
        {props.busy && <Spinner size="tiny" label={t('insertBusy')} />}
      </div>
    </form>
  );
}
