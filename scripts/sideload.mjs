/**
 * Sideloading manifest.xml into desktop Excel without office-addin-debugging:
 *   - Windows: the documented developer registry key
 *       HKCU\Software\Microsoft\Office\16.0\WEF\Developer   value <add-in id> = <full path of manifest.xml>
 *     then Excel is started; the add-in's buttons appear on the Home tab (or under 삽입 → 내 추가 기능 → 개발자 추가 기능).
 *   - macOS: manifest copied into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef, then Excel is
 *     started; the add-in is under 삽입 → 추가 기능 → 내 추가 기능 (Insert → Add-ins → My Add-ins).
 *   - Linux (no desktop Excel): nothing to do here; webInstructions() says how to upload the manifest to
 *     Excel on the web.
 * Every step reports what it did; failures are returned as messages, never thrown.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

export const WIN_DEV_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
export const MAC_WEF_DIR = join(homedir(), 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');

/** The add-in's <Id> from the manifest (the registry value name / the copied file's name). */
export function manifestId(manifestPath) {
  const m = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(readFileSync(manifestPath, 'utf8'));
  if (!m) throw new Error(`No <Id> in ${manifestPath}`);
  return m[1];
}

function errorText(e) {
  const stderr = e && e.stderr ? String(e.stderr).trim() : '';
  return stderr || (e instanceof Error ? e.message.split('\n')[0] : String(e));
}

/**
 * Registers the manifest with desktop Excel on this platform and starts Excel.
 * Returns { ok, platform, lines: string[], undo?: () => string[] }.
 */
export function sideload(manifestPath, { platform = process.platform, openExcel = true } = {}) {
  const id = manifestId(manifestPath);
  if (platform === 'win32') {
    try {
      execFileSync('reg', ['add', WIN_DEV_KEY, '/v', id, '/t', 'REG_SZ', '/d', manifestPath, '/f'], { stdio: 'pipe' });
    } catch (e) {
      return { ok: false, platform, lines: [`Could not write ${WIN_DEV_KEY}\\${id}: ${errorText(e)}`, ...manualWindows(manifestPath)] };
    }
    const lines = [`Registered the add-in for desktop Excel: ${WIN_DEV_KEY}  ${id} = ${manifestPath}`];
    if (openExcel) lines.push(startApp(['cmd', ['/c', 'start', 'excel']], 'Excel'));
    lines.push(
      'In Excel: 홈 탭 → [일자리 목표] 그룹 → [공시 도우미] (Home → Job targets → Plan helper).',
      'If the buttons are not there: 삽입 → 추가 기능 가져오기/내 추가 기능 → 개발자 추가 기능 (Insert → My Add-ins → Developer Add-ins).',
      'Excel keeps add-ins in a cache: after changing manifest.xml, close Excel and clear %LOCALAPPDATA%\\Microsoft\\Office\\16.0\\Wef\\.',
    );
    return {
      ok: true,
      platform,
      lines,
      undo: () => {
        try {
          execFileSync('reg', ['delete', WIN_DEV_KEY, '/v', id, '/f'], { stdio: 'pipe' });
          return [`Removed ${WIN_DEV_KEY}\\${id}.`];
        } catch (e) {
          return [`Could not remove ${WIN_DEV_KEY}\\${id}: ${errorText(e)}`];
        }
      },
    };
  }
  if (platform === 'darwin') {
    const target = join(MAC_WEF_DIR, `${id}.${basename(manifestPath)}`);
    try {
      mkdirSync(MAC_WEF_DIR, { recursive: true });
      copyFileSync(manifestPath, target);
    } catch (e) {
      return { ok: false, platform, lines: [`Could not copy the manifest to ${MAC_WEF_DIR}: ${errorText(e)}`, ...manualMac(manifestPath)] };
    }
    const lines = [`Copied the manifest for desktop Excel: ${target}`];
    if (openExcel) lines.push(startApp(['open', ['-a', 'Microsoft Excel']], 'Microsoft Excel'));
    lines.push(
      'In Excel: 삽입 → 추가 기능 → 내 추가 기능 (Insert → Add-ins → My Add-ins) → 일자리 목표 공시 도우미;',
      'then 홈 탭 → [공시 도우미] (Home → Plan helper). Restart Excel if it was already running.',
    );
    return {
      ok: true,
      platform,
      lines,
      undo: () => {
        try {
          if (existsSync(target)) rmSync(target);
          return [`Removed ${target}.`];
        } catch (e) {
          return [`Could not remove ${target}: ${errorText(e)}`];
        }
      },
    };
  }
  return { ok: false, platform, lines: ['No desktop Excel on this platform.', ...webInstructions(manifestPath)] };
}

function startApp([cmd, args], name) {
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return `Starting ${name}…`;
  } catch (e) {
    return `Could not start ${name} (${errorText(e)}); start it yourself.`;
  }
}

function manualWindows(manifestPath) {
  return [
    'Register it by hand:',
    `  reg add "${WIN_DEV_KEY}" /v jobtarget /t REG_SZ /d "${manifestPath}" /f`,
    'or share the folder holding manifest.xml and add it as a trusted catalog (File → Options → Trust Center → Trusted Add-in Catalogs).',
  ];
}

function manualMac(manifestPath) {
  return ['Copy it by hand:', `  mkdir -p "${MAC_WEF_DIR}" && cp "${manifestPath}" "${MAC_WEF_DIR}/"`];
}

/** Exactly how to sideload into Excel on the web (Microsoft 365 in a browser). */
export function webInstructions(manifestPath, url = 'https://localhost:3000') {
  return [
    'Sideload into Excel on the web:',
    '  1. In a browser on the machine that can reach ' + url + ' (trust the dev CA there, see above),',
    `     open ${url}/taskpane.html once and check the page loads without a certificate warning.`,
    '  2. Open https://www.office.com → Excel → a new or existing workbook (OneDrive/SharePoint).',
    '  3. 홈(또는 삽입) → 추가 기능 → 추가 기능 더 보기 → 내 추가 기능 → 내 추가 기능 업로드',
    '     Home (or Insert) → Add-ins → More Add-ins → My Add-ins → Upload My Add-in',
    `  4. 찾아보기 / Browse… → ${manifestPath} → 업로드 / Upload.`,
    '  5. 홈 탭 → [일자리 목표] → [공시 도우미] opens the pane; [빠른 검증] checks without it.',
    '  The upload lasts for this browser session; upload again after reopening the browser or changing manifest.xml.',
    `  Server on another machine? Forward the port first: ssh -L 3000:localhost:3000 <server>.`,
  ];
}
