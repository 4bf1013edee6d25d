// The sideload plan behind npm start: the manifest's Id names the registration, Windows
// registers the manifest's path under WEF\Developer, Mac copies it into Excel's wef folder,
// and every register step has its undo in npm stop.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestId, sideloadPlan, WINDOWS_KEY } = require('../scripts/sideload.js') as {
  manifestId(xml: string): string;
  sideloadPlan(o: { platform: string; home: string; manifestPath: string; id: string }): {
    supported: boolean;
    findExcel?: string[];
    register?: string[][];
    open?: string[];
    unregister?: string[][];
  };
  WINDOWS_KEY: string;
};

const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const id = manifestId(xml);

test('the registration is named by the manifest Id', () => {
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(xml.indexOf(`<Id>${id}</Id>`)).toBeGreaterThan(0);
  expect(() => manifestId('<OfficeApp></OfficeApp>')).toThrow('saknar ett <Id>');
});

test('Windows: the manifest path under HKCU WEF\\Developer, removed again by stop', () => {
  const plan = sideloadPlan({ platform: 'win32', home: 'C:\\Users\\eva', manifestPath: 'C:\\finsam\\manifest.xml', id });
  expect(WINDOWS_KEY).toBe('HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer');
  expect(plan.register).toEqual([['reg', 'add', WINDOWS_KEY, '/v', id, '/t', 'REG_SZ', '/d', 'C:\\finsam\\manifest.xml', '/f']]);
  expect(plan.unregister).toEqual([['reg', 'delete', WINDOWS_KEY, '/v', id, '/f']]);
  expect(plan.findExcel?.[0]).toBe('reg');
});

test("Mac: a copy in Excel's wef folder, removed again by stop", () => {
  const plan = sideloadPlan({ platform: 'darwin', home: '/Users/eva', manifestPath: '/src/finsam/manifest.xml', id });
  const target = `/Users/eva/Library/Containers/com.microsoft.Excel/Data/Documents/wef/${id}.manifest.xml`;
  expect(plan.register).toContainEqual(['cp', '/src/finsam/manifest.xml', target]);
  expect(plan.unregister).toEqual([['rm', '-f', target]]);
  expect(plan.open).toEqual(['open', '-a', 'Microsoft Excel']);
});

test('Linux has no desktop Excel to sideload into', () => {
  expect(sideloadPlan({ platform: 'linux', home: '/home/eva', manifestPath: '/m.xml', id }).supported).toBe(false);
});
