/**
 * The add-in's packaging, checked offline: manifest.xml (the Microsoft validation service needs the network,
 * so the structure it checks most often is checked here), the icons, the webpack settings (ADDIN_URL,
 * OFFICE_JS_URL, no Node built-ins) and the sideload instructions of npm start.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('is an Excel task pane add-in with ReadWriteDocument and a Korean name with an English override', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<DefaultLocale>ko-KR<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="일자리 목표 공시 도우미">\s*<Override Locale="en-US" Value="Job Target Disclosure Helper"\/>/);
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  test('has a Home-tab group with a ShowTaskpane button and an ExecuteFunction button bound to commands.ts', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>[^<]+<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    const fn = /<Action xsi:type="ExecuteFunction">\s*<FunctionName>(\w+)<\/FunctionName>/.exec(manifest)?.[1];
    expect(fn).toBe('validateWorkbook');
    const commands = readFileSync(path.join(root, 'src/commands/commands.ts'), 'utf8');
    expect(commands).toContain(`associate?.('${fn}'`);
    expect(manifest).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
  });

  test('every resid is defined once, every string is short enough, and every URL is https://localhost:3000', () => {
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const defined = [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
    const short = /<bt:ShortStrings>([\s\S]*?)<\/bt:ShortStrings>/.exec(manifest)![1];
    for (const m of short.matchAll(/Value="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(125);
    const long = /<bt:LongStrings>([\s\S]*?)<\/bt:LongStrings>/.exec(manifest)![1];
    for (const m of long.matchAll(/Value="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(250);
    const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });

  test('every icon the manifest names exists with the size it claims; 16–128 px are all there', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(root, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    for (const m of manifest.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)) {
      expect(pngSize(path.join(root, m[1])).width).toBe(Number(m[2]));
    }
  });
});

describe('webpack.config.js', () => {
  const make = require(path.join(root, 'webpack.config.js')) as (env: object, argv: object) => Promise<Record<string, any>>;
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  async function manifestOut(mode: string): Promise<string> {
    const config = await make({}, { mode });
    const copy = config.plugins.find((p: any) => p.constructor.name === 'CopyPlugin');
    const pattern = copy.patterns.find((p: any) => p.from === 'manifest.xml');
    return String(await pattern.transform(Buffer.from(manifest), 'manifest.xml'));
  }

  test('ADDIN_URL rewrites every localhost URL of the copied manifest (production only)', async () => {
    process.env.ADDIN_URL = 'https://addins.example.go.kr/jobtarget/';
    const out = await manifestOut('production');
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://addins.example.go.kr/jobtarget/taskpane.html"/>');
    expect(out).toContain('https://addins.example.go.kr/jobtarget/assets/icon-80.png');
    expect(await manifestOut('development')).toBe(manifest);
    delete process.env.ADDIN_URL;
    expect(await manifestOut('production')).toBe(manifest);
  });

  test('ADDIN_URL must be https', async () => {
    process.env.ADDIN_URL = 'http://example.org';
    await expect(make({}, { mode: 'production' })).rejects.toThrow(/must be an https:\/\/ URL/);
  });

  test('office.js comes from Microsoft’s CDN unless OFFICE_JS_URL says otherwise', async () => {
    const html = (c: Record<string, any>) => c.plugins.filter((p: any) => p.constructor.name === 'HtmlWebpackPlugin').map((p: any) => p.userOptions.officeJsUrl);
    expect(html(await make({}, { mode: 'production' }))).toEqual([
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    ]);
    process.env.OFFICE_JS_URL = '/office.js';
    expect(html(await make({}, { mode: 'production' }))).toEqual(['/office.js', '/office.js']);
  });

  test('Node built-ins resolve to nothing (and the build fails if one is used)', async () => {
    const c = await make({}, { mode: 'production' });
    for (const m of ['fs', 'path', 'zlib', 'stream', 'crypto', 'child_process']) expect(c.resolve.fallback[m]).toBe(false);
    expect(c.plugins.some((p: any) => p.constructor.name === 'NoNodeInBundlePlugin')).toBe(true);
    expect(Object.keys(c.entry)).toEqual(['taskpane', 'commands']);
  });
});

describe('npm start: sideload', () => {
  function run(code: string): any {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    return JSON.parse(out);
  }

  test('on Linux there is no desktop Excel: it explains how to upload the manifest to Excel on the web', () => {
    const r = run(`import { sideload } from './scripts/sideload.mjs'; console.log(JSON.stringify(sideload('${path.join(root, 'manifest.xml')}', { platform: 'linux' })));`);
    expect(r.ok).toBe(false);
    const text = r.lines.join('\n');
    expect(text).toContain('Upload My Add-in');
    expect(text).toContain('내 추가 기능 업로드');
    expect(text).toContain(path.join(root, 'manifest.xml'));
    expect(text).toContain('https://localhost:3000');
  });

  test('the manifest id is the registry value name on Windows', () => {
    const id = run(`import { manifestId, WIN_DEV_KEY } from './scripts/sideload.mjs'; console.log(JSON.stringify([manifestId('manifest.xml'), WIN_DEV_KEY]));`);
    expect(id).toEqual([/<Id>([^<]+)<\/Id>/.exec(manifest)![1], 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer']);
  });

  test('certificate help names the CA file and a trust command for each platform', () => {
    const r = run(`import { trustInstructions } from './scripts/certs.mjs'; console.log(JSON.stringify(['win32','darwin','linux'].map(p => trustInstructions('/x/ca.crt', p))));`);
    expect(r[0]).toContain('certutil -user -addstore Root "/x/ca.crt"');
    expect(r[1]).toContain('security add-trusted-cert');
    expect(r[2]).toContain('update-ca-certificates');
  });
});
