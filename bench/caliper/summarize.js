'use strict';

// Reads the log of a Caliper run (scripts/caliper) and writes summary.json and summary.md: the
// performance table of each round, where a resource monitor ran its table for that round, and the
// whole machine's CPU during the round from <out dir>/machine.tsv (written by scripts/caliper).
//   node summarize.js <caliper.log> <out dir> <run id> <commit> <cores>

const fs = require('fs');
const path = require('path');

const [logFile, outDir, runId, commit, cores] = process.argv.slice(2);
const text = fs.readFileSync(logFile, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');

// Caliper prints its tables with '|' between cells and '+---+' rules between rows.
const tables = [];
let current = null;
for (const line of text.split('\n')) {
    const at = line.indexOf('|');
    const rule = /^\s*\+[-+]+\+\s*$/.test(line);
    if (at >= 0 && line.trim().endsWith('|')) {
        const cells = line.slice(at + 1, line.lastIndexOf('|')).split('|').map((c) => c.trim());
        if (cells.every((c) => /^-+$/.test(c))) {
            continue; // the rule under the header
        }
        if (!current) {
            current = { header: cells, rows: [] };
            tables.push(current);
        } else {
            current.rows.push(cells);
        }
    } else if (!rule) {
        current = null;
    }
}

const number = (v) => (v === '-' || v === '' ? null : Number(v));
const rounds = new Map();
let lastLabel = null;
for (const t of tables) {
    if (t.header[0] === 'Name' && t.header.includes('Succ')) {
        for (const r of t.rows) {
            const row = Object.fromEntries(t.header.map((h, i) => [h, r[i]]));
            rounds.set(row.Name, {
                label: row.Name,
                succ: number(row.Succ),
                fail: number(row.Fail),
                sendRateTps: number(row['Send Rate (TPS)']),
                throughputTps: number(row['Throughput (TPS)']),
                latencyAvgS: number(row['Avg Latency (s)']),
                latencyMinS: number(row['Min Latency (s)']),
                latencyMaxS: number(row['Max Latency (s)']),
                resources: (rounds.get(row.Name) || {}).resources
            });
            lastLabel = row.Name;
        }
    } else if (t.header[0] === 'Name' && t.header.some((h) => h.startsWith('CPU%')) && lastLabel) {
        const resources = t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
        rounds.get(lastLabel).resources = resources;
    }
}
// Round start and end times, from lines such as
// "2026.11.29-01:04:05.890 info [caliper] [round-orchestrator] Started round 1 (issue-rate-50)".
const stamp = (d) => new Date(+d[1], +d[2] - 1, +d[3], +d[4], +d[5], +d[6]).getTime() / 1000;
for (const m of text.matchAll(/^(\d{4})\.(\d{2})\.(\d{2})-(\d{2}):(\d{2}):(\d{2})\.\d+.*(Started|Finished) round \d+ \(([^)]+)\)/gm)) {
    const r = rounds.get(m[8]);
    if (r) {
        r[m[7] === 'Started' ? 'startedAt' : 'finishedAt'] = stamp(m);
    }
}
const machineFile = path.join(outDir, 'machine.tsv');
const samples = fs.existsSync(machineFile)
    ? fs.readFileSync(machineFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(' ').map(Number))
    : [];
for (const r of rounds.values()) {
    // a sample covers the 5 s before its time stamp
    const inRound = samples.filter(([t]) => r.startedAt && t - 5 >= r.startedAt && t <= r.finishedAt);
    if (inRound.length > 0) {
        const busy = inRound.map(([, b]) => b);
        r.machineBusyPctAvg = Math.round(busy.reduce((a, b) => a + b, 0) / busy.length);
        r.machineBusyPctMax = Math.max(...busy);
        r.machineLoad1Max = Math.max(...inRound.map(([, , l]) => l));
    }
    delete r.startedAt;
    delete r.finishedAt;
}
if (rounds.size === 0) {
    console.error(`summarize: no performance table found in ${logFile}`);
    process.exit(1);
}

const summary = {
    tool: 'Hyperledger Caliper 0.6.0, fabric-gateway binding (@hyperledger/fabric-gateway 1.5.0)',
    operation: 'outcome:issue, one record per transaction, CollegeMSP registrar1, endorsement 2 of 3 orgs',
    run: runId,
    commit,
    cores: Number(cores),
    rounds: [...rounds.values()]
};
fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');

const md = [
    `Caliper run ${runId} (commit ${commit}, ${cores} cores)`,
    '',
    '| round | succ | fail | send rate tx/s | throughput tx/s | avg latency s | max latency s | machine CPU busy % avg / max | load (1 min) max |',
    '|---|---|---|---|---|---|---|---|---|'
];
const dash = (v) => (v === undefined || v === null ? '—' : v);
for (const r of summary.rounds) {
    md.push(`| ${r.label} | ${r.succ} | ${r.fail} | ${r.sendRateTps} | ${r.throughputTps} | ${r.latencyAvgS} | ${r.latencyMaxS} `
        + `| ${dash(r.machineBusyPctAvg)} / ${dash(r.machineBusyPctMax)} | ${dash(r.machineLoad1Max)} |`);
}
const withResources = summary.rounds.filter((r) => r.resources);
if (withResources.length > 0) {
    md.push('', 'CPU% of one core, summed over the processes of each kind (Caliper\'s process monitor):', '',
        '| round | process | CPU% avg | CPU% max |', '|---|---|---|---|');
    for (const r of withResources) {
        for (const p of r.resources) {
            md.push(`| ${r.label} | ${p.Name} | ${p['CPU%(avg)']} | ${p['CPU%(max)']} |`);
        }
    }
}
fs.writeFileSync(path.join(outDir, 'summary.md'), md.join('\n') + '\n');
