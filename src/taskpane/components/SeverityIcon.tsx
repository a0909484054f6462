/**
 * Severity by shape and word, never by colour alone: a distinct icon per severity plus its name for screen
 * readers (core/present's severity name: 오류/경고/정보, error/warning/info, as every other output says it).
 */
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { makeStyles, tokens } from '@fluentui/react-components';
import { severityName } from '../../core/present';
import type { Severity } from '../../core/rules/types';
import { usePane } from '../context';

const useStyles = makeStyles({
  icon: { flexShrink: 0, display: 'inline-flex', alignItems: 'center', marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled } as const;

export function SeverityIcon({ severity, label = true }: { severity: Severity; label?: boolean }) {
  const { lang } = usePane();
  const s = useStyles();
  const Icon = ICONS[severity];
  return (
    <span className={`${s.icon} ${s[severity]}`} data-severity-icon={severity}>
      <Icon aria-hidden="true" />
      {label && <span className={s.hidden}>{severityName(severity, lang)}: </span>}
    </span>
  );
}

/** Visually hidden text (for screen readers only). */
export function useHiddenClass(): string {
  return useStyles().hidden;
}
