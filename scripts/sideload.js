// Where desktop Excel looks for a sideloaded development manifest, per platform, as a plan of
// commands (pure, so it can be tested anywhere): Windows reads the registry key
// HKCU\Software\Microsoft\Office\16.0\WEF\Developer (one value per add-in, the manifest's
// path), Mac reads the wef folder in Excel's container. Excel on the web has no such place:
// the manifest is uploaded by hand (Infoga > Tillägg > Ladda upp mitt tillägg).
const path = require('path');

const WINDOWS_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
const WINDOWS_EXCEL_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe';
const MAC_EXCEL_APP = '/Applications/Microsoft Excel.app';

/** The manifest's <Id>, which names its registration. */
function manifestId(xml) {
  const m = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(xml);
  if (!m) throw new Error('manifest.xml saknar ett <Id> (GUID)');
  return m[1];
}

/**
 * The commands that find desktop Excel, register the manifest, open Excel, and remove the
 * registration again, for `platform` (process.platform). Commands are [file, ...args].
 * Platforms without desktop Excel get `supported: false`.
 */
function sideloadPlan({ platform, home, manifestPath, id }) {
  if (platform === 'win32') {
    return {
      supported: true,
      findExcel: ['reg', 'query', WINDOWS_EXCEL_KEY],
      register: [['reg', 'add', WINDOWS_KEY, '/v', id, '/t', 'REG_SZ', '/d', manifestPath, '/f']],
      open: ['cmd', '/c', 'start', 'excel'],
      unregister: [['reg', 'delete', WINDOWS_KEY, '/v', id, '/f']],
    };
  }
  if (platform === 'darwin') {
    const wef = path.posix.join(home, 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
    const target = path.posix.join(wef, `${id}.manifest.xml`);
    return {
      supported: true,
      findExcel: ['test', '-d', MAC_EXCEL_APP],
      register: [['mkdir', '-p', wef], ['cp', manifestPath, target]],
      open: ['open', '-a', 'Microsoft Excel'],
      unregister: [['rm', '-f', target]],
    };
  }
  return { supported: false };
}

module.exports = { manifestId, sideloadPlan, WINDOWS_KEY, MAC_EXCEL_APP };
