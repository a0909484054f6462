/**
 * 한글 표 내보내기: the checked plan's disclosure tables as a 한글 (.hwpx) document, downloaded from the
 * pane — the same file `jobtarget export` writes (core/document renderer + the browser-safe hwpx writer).
 * Nothing is written to the workbook.
 */
import { Button } from '@fluentui/react-components';
import type { Plan } from '../../core/model/plan';
import { usePane } from '../context';

const TEXT = {
  ko: { label: '한글 표 내보내기', hint: '공시 표(공통 일자리 목표, 분야별 목표, 실천과제별 연차별 추진계획)를 한글 문서(.hwpx)로 내려받습니다' },
  en: { label: 'Export tables for 한글', hint: 'Download the disclosure tables as a 한글 (.hwpx) document' },
};

/**
 * The .hwpx bytes and file name for a plan read from the workbook. The document renderer and the zip writer
 * are loaded on the first export only: they would otherwise weigh on every opening of the pane (bundle budget).
 */
export async function hwpxExport(plan: Plan): Promise<{ name: string; bytes: Uint8Array } | null> {
  const { hwpxFile } = await import(/* webpackChunkName: "hwpx-export" */ './hwpx-export');
  return hwpxFile(plan);
}

/** Saves bytes as a file through the browser's download. */
export function downloadFile(name: string, bytes: Uint8Array, type = 'application/hwp+zip'): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface HwpxExportButtonProps {
  /** The plan of the last check; null when none was read. */
  plan: Plan | null;
  disabled?: boolean;
  /** How the file is saved (tests; the default downloads it). */
  save?: (name: string, bytes: Uint8Array) => void;
}

export function HwpxExportButton(props: HwpxExportButtonProps) {
  const { lang } = usePane();
  const text = TEXT[lang === 'en' ? 'en' : 'ko'];
  const file = props.plan ? hwpxExportable(props.plan) : false;
  return (
    <Button
      disabled={props.disabled || !file}
      title={text.hint}
      data-testid="hwpx-export"
      onClick={async () => {
        const out = props.plan ? await hwpxExport(props.plan) : null;
        if (out) (props.save ?? downloadFile)(out.name, out.bytes);
      }}
    >
      {text.label}
    </Button>
  );
}

function hwpxExportable(plan: Plan): boolean {
  return plan.indicators.length > 0 || plan.areas.length > 0 || plan.tasks.length > 0;
}
