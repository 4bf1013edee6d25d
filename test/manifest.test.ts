// The manifests: the development manifest.xml and the production one the build makes, each
// validated offline with xmllint against ../shared/manifest-schemas (skipped, saying so, when
// that folder is not beside the clone), and checked for what the schema cannot see: every
// resid resolves, every URL is https, every icon file exists, the Id is a GUID.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as { manifestFor(host: string): string; DEV_HOST: string };
const SCHEMAS = path.join(ROOT, '..', 'shared', 'manifest-schemas');
const PRODUCTION_HOST = 'https://finsam.example.se';

const manifests: [string, string][] = [
  ['manifest.xml (utveckling)', fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')],
  ['produktionsmanifest', webpackConfig.manifestFor(PRODUCTION_HOST)],
];

const haveSchemas = fs.existsSync(path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'));
if (!haveSchemas && process.env.CI) throw new Error(`${SCHEMAS} saknas: CI har alltid ../shared bredvid utcheckningen.`);
if (!haveSchemas) console.warn(`Hoppar över schemavalideringen av manifesten: ${SCHEMAS} finns inte bredvid klonen. Övriga manifestkontroller körs.`);

describe.each(manifests)('%s', (_label, xml) => {
  (haveSchemas ? test : test.skip)('validates against the Office manifest schema (xmllint, offline)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'manifest.xml');
    fs.writeFileSync(file, xml);
    let out: string;
    try {
      out = execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'), file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { code?: string; stderr?: string };
      if (err.code === 'ENOENT') throw new Error('xmllint saknas: installera libxml2-utils (apt-get install -y libxml2-utils)');
      throw new Error(`manifestet följer inte schemat:\n${err.stderr}`);
    }
    expect(out).toBe('');
  });

  test('every resid resolves to a resource', () => {
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((r) => !defined.has(r))).toEqual([]);
  });

  test('every URL is https', () => {
    // Every address the add-in is loaded from (namespace URIs are names, not addresses).
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => (m[1] ?? m[2]) as string);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });

  test('every icon file exists in assets/', () => {
    const icons = [...xml.matchAll(/https:\/\/[^"]+\/(assets\/[^"]+\.png)/g)].map((m) => m[1] as string);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect({ icon, exists: fs.existsSync(path.join(ROOT, icon)) }).toEqual({ icon, exists: true });
    for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.join(ROOT, 'assets', `icon-${size}.png`))).toBe(true);
  });

  test('the Id is a GUID and the add-in asks for ReadWriteDocument', () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i);
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  test('the ribbon has Generera rapporter and Kontrollera mål opening their steps', () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/taskpane\.html\?steg=rapporter/);
    expect(xml).toMatch(/taskpane\.html\?steg=mal/);
    expect(xml).not.toMatch(/SharedRuntime|<Runtimes>/);
  });
});

test('the production manifest uses the configured host everywhere', () => {
  const prod = manifests[1]![1];
  expect(prod).not.toContain(webpackConfig.DEV_HOST);
  expect(prod).toContain(`${PRODUCTION_HOST}/taskpane.html?steg=rapporter`);
});
