// The command line: `finsam rapporter|mal <arbetsbok.xlsx> [--ut <fil.xlsx>] [--json]` writes
// the generated sheets into a copy of the workbook (never over it) and prints a summary.
// Exit 0 written, 1 blocking findings (nothing written), 2 usage or file error.
import * as fs from 'fs';
import * as path from 'path';
import { moneyFormatKr } from '../core/money';
import { statementRow } from '../core/statement';
import { goalsRun, type GoalsRunResult } from '../pipeline/goals';
import { goalsJson } from '../pipeline/goalsJson';
import { granskaRun, type GranskaRunResult } from '../pipeline/granska';
import { granskaJson } from '../pipeline/granskaJson';
import { granskaChecksOrdered } from '../sheets/granskaRender';
import { amountText } from '../sheets/granska/status';
import { cellRefText } from '../core/cellref';
import { reportsJson } from '../pipeline/json';
import { reportsRun, type RunResult } from '../pipeline/run';
import { type Finding } from '../core/findings';
import { percentText, unitValueText } from '../core/measures';
import { WorkbookFileError } from '../workbook/xlsxFile';
import { type XlsxFile, xlsxOpen } from '../workbook/xlsxLean';
import { outputRefusal, outputWriteAtomic } from './outputFile';
import { terminalText } from '../core/text';

export const USAGE = `Användning:
  finsam rapporter <arbetsbok.xlsx> [--ut <fil.xlsx>] [--json]
  finsam mal <arbetsbok.xlsx> [--ut <fil.xlsx>] [--json]
  finsam granska <arbetsbok.xlsx> [--ut <fil.xlsx>] [--json]

  rapporter  skriver Resultaträkning, Balansräkning, Driftredovisning och Kontroller i en
             kopia av arbetsboken (som standard <namn>-rapporter.xlsx bredvid den).
  mal        kontrollerar målen i bladet Mål mot bokslutet, eller mot budgeten och planåren
             när arbetsboken saknar huvudbok, och skriver bladet Målkontroll i en kopia
             (som standard <namn>-mal.xlsx). Saknas bladet Mål skapas det med vanliga mål.
  granska    räknar om varje tabell i arbetsboken (summor, resultat, balans, eget kapital,
             procentrader) och skriver bladet Granskning med en rad per kontroll i en kopia
             (som standard <namn>-granskning.xlsx). En avvikelse stoppar inget: slutkod 0.
  Originalet ändras aldrig.
  --ut <fil>   var kopian sparas
  --json       skriv resultatet som JSON på stdout (sammanfattningen går till stderr)

Slutkoder: 0 skrivet, 1 blockerande fynd (inget skrivet), 2 fel i kommandot eller filen.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

interface Args {
  command: string;
  input: string;
  output: string | undefined;
  json: boolean;
}

function argsParse(argv: readonly string[]): Args | string {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'hjälp') return USAGE;
  if (command !== 'rapporter' && command !== 'mal' && command !== 'mål' && command !== 'granska') return `Okänt kommando "${command}".\n\n${USAGE}`;
  let input: string | undefined;
  let output: string | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--json') json = true;
    else if (a === '--ut' || a === '-o') {
      output = rest[++i];
      if (!output) return `--ut behöver ett filnamn.\n\n${USAGE}`;
    } else if (a.startsWith('-')) return `Okänd flagga "${a}".\n\n${USAGE}`;
    else if (input === undefined) input = a;
    else return `För många filer: "${a}".\n\n${USAGE}`;
  }
  if (!input) return `Ange arbetsboken.\n\n${USAGE}`;
  return { command: command === 'mål' ? 'mal' : command, input, output, json };
}

export function defaultOutputPath(input: string, command = 'rapporter'): string {
  const parsed = path.parse(input);
  const suffix = command === 'mal' ? 'mal' : command === 'granska' ? 'granskning' : 'rapporter';
  return path.join(parsed.dir, `${parsed.name}-${suffix}.xlsx`);
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The findings as summary lines: every blocking one, the first 30 warnings, and where the copy went. */
function findingLines(findings: readonly Finding[], written: string | undefined, sheetsWritten: readonly string[]): string[] {
  const lines: string[] = [];
  const blocking = findings.filter((f) => f.severity === 'blockerande');
  const warnings = findings.filter((f) => f.severity === 'varning');
  if (blocking.length > 0) {
    lines.push(`${sheetsWritten.length > 0 ? 'Inga rapporter skrevs' : 'Inget skrevs'}: ${blocking.length} blockerande fynd.`);
    for (const f of blocking) lines.push(`  FEL ${f.code}: ${f.message}`);
  }
  for (const f of warnings.slice(0, 30)) lines.push(`  Varning ${f.code}: ${f.message}`);
  if (warnings.length > 30) lines.push(`  … och ${warnings.length - 30} varningar till (se bladet Kontroller).`);
  for (const f of findings.filter((x) => x.severity === 'antagande')) lines.push(`  Antagande: ${f.message}`);
  if (written) lines.push(`Skrev ${sheetsWritten.join(', ')} till ${written}`);
  return lines;
}

export function summaryText(result: RunResult, written: string | undefined): string {
  const lines: string[] = [];
  const b = result.bokslut;
  lines.push(`${result.forbund ?? b?.forbund ?? 'Förbundet'}${result.year ? `, ${result.year}` : ''}`);
  if (b) {
    const rr = statementRow(b.resultatrakning, 'Årets resultat')?.amounts[0];
    const ek = statementRow(b.balansrakning, 'Summa eget kapital')?.amounts[0];
    if (rr) lines.push(`  Årets resultat: ${moneyFormatKr(rr)}`);
    if (ek) lines.push(`  Eget kapital:   ${moneyFormatKr(ek)}`);
    const passed = b.reconciliations.filter((r) => r.passed).length;
    lines.push(`  Kontroller:     ${passed} av ${b.reconciliations.length} godkända`);
  }
  const season = result.season;
  if (season) {
    for (const e of season.equity) {
      if (!season.columns.some((c) => c.year === e.year)) continue;
      const parts = [e.result ? `årets resultat ${moneyFormatKr(e.result)}` : undefined, e.ub ? `eget kapital ${moneyFormatKr(e.ub)}` : undefined, e.percent ? `${percentText(e.percent)} av tilldelade medel (${e.status})` : undefined].filter(Boolean);
      lines.push(`  ${e.label}: ${parts.join(', ')}`);
    }
    const passed = season.reconciliations.filter((r) => r.passed).length;
    lines.push(`  Kontroller:     ${passed} av ${season.reconciliations.length} godkända`);
  }
  lines.push(...findingLines(result.findings, written, result.written?.written.map((w) => w.name) ?? []));
  if (result.status === 'inget-att-rapportera') lines.push('Inget att rapportera: arbetsboken har ingen huvudbok.');
  return lines.join('\n');
}

export function goalsSummaryText(result: GoalsRunResult, written: string | undefined): string {
  const lines: string[] = [];
  const years = result.check?.years ?? [];
  lines.push(`${result.forbund ?? result.bokslut?.forbund ?? 'Förbundet'}${years.length > 0 ? `, mål ${years.join(', ')}${result.kind === 'budget' ? ' (budget och plan)' : ''}` : ''}`);
  for (const r of result.check?.results ?? []) {
    const value = r.value !== undefined && r.unit ? unitValueText(r.value, r.unit) : '–';
    lines.push(`  ${r.goal.id} ${r.year}: ${r.status.padEnd(15)} ${value.padStart(14)}  ${r.goal.measure || r.goal.text}`);
  }
  lines.push(...findingLines(result.findings, written, result.written?.written.map((w) => w.name) ?? []));
  return lines.join('\n');
}

export function granskaSummaryText(result: GranskaRunResult, written: string | undefined): string {
  const lines: string[] = [];
  const count = (s: string) => result.checks.filter((c) => c.status === s).length;
  lines.push(`${result.forbund ?? 'Förbundet'}, granskning`);
  if (result.tables.length > 0) lines.push(`  ${result.tables.length} tabeller, ${result.checks.length} kontroller: ${count('avvikelse')} avvikelser, ${count('avrundning')} avrundningsdifferenser, ${count('godkänd')} godkända`);
  const shown = granskaChecksOrdered(result.checks, result.sheets).filter((c) => c.status !== 'godkänd');
  for (const c of shown.slice(0, 40)) {
    lines.push(`  ${c.status === 'avvikelse' ? 'AVVIKELSE' : 'avrundning'} ${cellRefText(c.cell)} ${c.row} (${c.column}): tryckt ${amountText(c.actual)}, väntat ${amountText(c.expected)}, differens ${amountText(c.difference)} ${c.unit} — ${c.kontroll}`);
  }
  if (shown.length > 40) lines.push(`  … och ${shown.length - 40} till (se bladet Granskning).`);
  lines.push(...findingLines(result.findings, written, result.written?.written.map((w) => w.name) ?? []));
  return lines.join('\n');
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const args = argsParse(argv);
  if (typeof args === 'string') {
    (args === USAGE ? io.out : io.err)(args);
    return args === USAGE ? 0 : 2;
  }
  const output = args.output ?? defaultOutputPath(args.input, args.command);
  const refusal = outputRefusal(args.input, output);
  if (refusal) {
    io.err(refusal);
    return 2;
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(args.input);
  } catch (e) {
    io.err(`Kan inte läsa ${args.input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen finns inte' : (e as Error).message}`);
    return 2;
  }
  let workbook: XlsxFile;
  try {
    workbook = await xlsxOpen(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  } catch (e) {
    // Every load failure is a WorkbookFileError with a Swedish message; anything else is a defect.
    if (!(e instanceof WorkbookFileError)) throw e;
    io.err(terminalText(`${args.input}: ${e.message}`));
    return 2;
  }
  const version = packageVersion();
  const save = async (): Promise<string | undefined> => {
    try {
      outputWriteAtomic(output, await workbook.toBuffer());
      return output;
    } catch (e) {
      io.err(`Kan inte spara ${output}: ${(e as Error).message}`);
      return undefined;
    }
  };
  let summary: string;
  let json: unknown;
  let status: string;
  if (args.command === 'granska') {
    const result = await granskaRun(workbook, { version, contentsLost: workbook.contentsLost });
    const writtenTo = result.status === 'skrivet' ? await save() : undefined;
    if (result.status === 'skrivet' && !writtenTo) return 2;
    summary = granskaSummaryText(result, writtenTo);
    json = granskaJson(result);
    status = result.status;
  } else if (args.command === 'mal') {
    const result = await goalsRun(workbook, { version, contentsLost: workbook.contentsLost });
    const writtenTo = result.status === 'skrivet' ? await save() : undefined;
    if (result.status === 'skrivet' && !writtenTo) return 2;
    summary = goalsSummaryText(result, writtenTo);
    json = goalsJson(result);
    status = result.status;
  } else {
    const result = await reportsRun(workbook, { version, contentsLost: workbook.contentsLost });
    // A blocked run may still have written one sheet: the proposed Kontoplan.
    const writtenTo = result.written ? await save() : undefined;
    if (result.written && !writtenTo) return 2;
    summary = summaryText(result, writtenTo);
    json = reportsJson(result);
    status = result.status;
  }
  // Text from cells (a förbund's name, an account's) is never printed raw: no control characters or escape sequences.
  summary = terminalText(summary, { newlines: 'keep' });
  if (args.json) {
    io.err(summary);
    io.out(JSON.stringify(json, null, 2));
  } else {
    io.out(summary);
  }
  return status === 'blockerat' ? 1 : 0;
}
