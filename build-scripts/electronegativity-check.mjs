// CI gate for @doyensec/electronegativity, which exits 0 even on HIGH findings: scans the app's
// main, preload and renderer, parses its CSV, and fails on any HIGH or MEDIUM finding that
// build-scripts/electronegativity-allowlist.json does not accept with a reason. Offline-safe: the
// one check that needs the network is skipped (see the allowlist), and the others never need it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const allow = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8'));
const electronVersion = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.electron;

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

// Only what ships: main, preload, shared code and the renderer, with package.json for the version.
const scan = mkdtempSync(join(tmpdir(), 'spendbar-electronegativity-'));
for (const part of ['app', 'renderer', 'package.json']) cpSync(part, join(scan, part), { recursive: true });
const csv = join(scan, 'findings.csv');
const bin = process.env.ELECTRONEGATIVITY_BIN ?? join('node_modules', '.bin', 'electronegativity');
if (!existsSync(bin)) {
  console.error('electronegativity is not installed: run `npm ci` (it is a devDependency)');
  process.exit(1);
}
const run = spawnSync(
  bin,
  ['-i', scan, '-r', '-v', 'false', '-e', electronVersion, '-x', Object.keys(allow.skipped).join(','), '-o', csv],
  { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
);
if (run.status !== 0 || !existsSync(csv)) {
  console.error(run.stdout, run.stderr);
  console.error(`electronegativity did not produce its report (exit ${run.status})`);
  process.exit(1);
}
const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8')).filter((r) => r.length > 1);
const col = (name) => header.indexOf(name);
const findings = rows.map((r) => ({
  issue: r[col('issue')],
  severity: r[col('severity')],
  file: r[col('filename')],
  location: r[col('location')],
}));
rmSync(scan, { recursive: true, force: true });

const accepted = (f) => allow.accepted.some((a) => a.issue === f.issue && a.file === f.file);
const blocking = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !accepted(f));
const stale = allow.accepted.filter((a) => !findings.some((f) => f.issue === a.issue && f.file === a.file));
for (const f of findings)
  console.log(`electronegativity: ${f.severity} ${f.issue} ${f.file}:${f.location}${accepted(f) ? ' (accepted)' : ''}`);
for (const a of stale) console.log(`electronegativity: allowlist entry no longer needed: ${a.issue} in ${a.file}`);
if (blocking.length > 0) {
  console.error(
    `electronegativity: ${blocking.length} high or medium finding(s) not in build-scripts/electronegativity-allowlist.json: fix them, or accept each there with the reason`,
  );
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), none blocking`);
