// npm start / npm run start:web / npm stop: the development server over https with the dev
// certificates (office-addin-dev-certs, through webpack.config.js), and the manifest sideloaded
// into desktop Excel where one is installed (Windows, Mac). Elsewhere, and for Excel on the
// web, it prints how to upload manifest.xml by hand.
//   node scripts/start.js desktop   server + sideload into desktop Excel (npm start)
//   node scripts/start.js web       server + the steps for Excel on the web (npm run start:web)
//   node scripts/start.js stop      removes the desktop registration (npm stop)
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { manifestId, sideloadPlan } = require('./sideload');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const mode = process.argv[2] || 'desktop';

const run = ([file, ...args]) => spawnSync(file, args, { stdio: 'ignore', shell: false }).status === 0;

const plan = sideloadPlan({ platform: process.platform, home: os.homedir(), manifestPath: MANIFEST, id: manifestId(fs.readFileSync(MANIFEST, 'utf8')) });

const WEB_STEPS = `
Excel på webben (Microsoft 365 i webbläsaren):
  1. Öppna https://localhost:3000/taskpane.html en gång i samma webbläsare och godkänn
     utvecklingscertifikatet om webbläsaren frågar.
  2. Öppna arbetsboken i Excel på webben.
  3. Välj Start > Tillägg > Fler inställningar (eller Infoga > Tillägg > Office-tillägg),
     fliken Mina tillägg > Hantera mina tillägg > Ladda upp mitt tillägg.
  4. Välj ${MANIFEST} och Ladda upp. Gruppen Finsam Ekonomi visas på fliken Start.
Tillägget är uppladdat för den här sessionen; ladda upp igen efter att webbläsaren stängts.`;

if (mode === 'stop') {
  if (!plan.supported) {
    console.log('Ingen skrivbordsregistrering att ta bort på den här datorn.');
  } else {
    plan.unregister.forEach(run);
    console.log('Utvecklingsmanifestet är borttaget ur Excel. Starta om Excel.');
  }
  process.exit(0);
}

const server = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

if (mode === 'web') {
  console.log(WEB_STEPS);
} else if (plan.supported && run(plan.findExcel)) {
  if (plan.register.every(run)) {
    run(plan.open);
    console.log(`Finsam Ekonomi är sidladdat i Excel (${MANIFEST}). Knapparna finns på fliken Start, gruppen Finsam Ekonomi. Ta bort registreringen med npm stop.`);
  } else {
    console.log(`Manifestet kunde inte registreras automatiskt. Ladda upp ${MANIFEST} för hand:${WEB_STEPS}`);
  }
} else {
  console.log(`Ingen skrivbordsversion av Excel hittades på den här datorn; servern körs ändå.${WEB_STEPS}`);
}
