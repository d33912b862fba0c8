// The dashboard: the major-adjustment indicators (GET /api/v1/demand/indicators) and a school's
// teacher-grade distribution (GET /api/v1/teachers/grades), drawn as inline SVG with the figures
// in tables too, in Chinese and English. The token comes from the form or from #token=… (a
// fragment never reaches the server's logs); every other field from the form or the query string.
'use strict';

const LIGHT = {
  RED: ['■ 红色预警', 'RED'],
  YELLOW: ['▲ 黄色预警', 'YELLOW'],
  GREEN: ['● 绿色', 'GREEN'],
};
const DEMAND_COLOUR = '#2b5c8a';
const SUPPLY_COLOUR = '#c2410c';
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(tag, attributes, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The warning's reason in Chinese, from the sentence MajorIndicators.judge writes. */
function reasonZh(reason) {
  let m = /^supply\/demand (\d+)\/(\d+) is (below|above) ([\d.]+) \((red|yellow) (below|above)\)$/.exec(reason);
  if (m) {
    const bound = (m[5] === 'red' ? '红色' : '黄色') + (m[3] === 'below' ? '下限' : '上限');
    const meaning = m[3] === 'below' ? '培养人数不足' : '培养人数过多';
    return `供给/需求 ${m[1]}/${m[2]}，${m[3] === 'below' ? '低于' : '高于'}${bound} ${m[4]}（${meaning}）`;
  }
  m = /^supply\/demand (\d+)\/(\d+) is within ([\d.]+) to ([\d.]+)$/.exec(reason);
  if (m) return `供给/需求 ${m[1]}/${m[2]}，在 ${m[3]} 至 ${m[4]} 之间（供需匹配）`;
  if (reason === 'no demand and no supply') return '无需求，也无供给';
  m = /^supply of (\d+) with no demand$/.exec(reason);
  if (m) return `有 ${m[1]} 人供给，但无企业需求`;
  return reason;
}

/** A teacher's reason in Chinese, from the sentence TeacherGrading writes. */
function gradeReasonZh(reason) {
  if (reason === 'every criterion reaches green') return '各项指标均达到绿色';
  const unit = (n, what) => `${n} ${what === 'hour' ? '小时' : '项成果'}`;
  return reason.split('; ').map((part) => {
    const m = /^(.+): needs (\d+) more (hour|outcome)s? for green(?: \((\d+) more (hour|outcome)s? for yellow\))?$/.exec(part);
    if (!m) return part;
    return `${m[1]}：还需 ${unit(m[2], m[3])}达到绿色` + (m[4] ? `（${unit(m[4], m[5])}达到黄色）` : '');
  }).join('；');
}

function badge(light) {
  const b = el('span', 'badge ' + light, LIGHT[light][0] + ' ' + LIGHT[light][1]);
  return b;
}

function params() {
  const q = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) $('token').value = hash.get('token');
  for (const name of ['school', 'from', 'to', 'region']) {
    if (q.get(name) && !$(name).value) $(name).value = q.get(name);
  }
}

async function get(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + $('token').value.trim() } });
  const body = await response.json();
  // The title in words (Chinese / English), the detail, and the code for whoever helps.
  if (!response.ok) throw new Error(`${body.title || response.status}: ${body.detail || ''}${body.code ? ` [${body.code}]` : ''}`);
  return body;
}

function byMajor(rows) {
  const majors = new Map();
  for (const r of rows) {
    const key = r.school + ' ' + r.majorCode;
    if (!majors.has(key)) majors.set(key, []);
    majors.get(key).push(r);
  }
  return majors;
}

/** A step of 1, 2 or 5 times a power of ten, at least {@code raw} and at least 1: gridlines at round numbers. */
function niceStep(raw) {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

/** Demand as bars, supply as a line with square markers, next quarter's forecast as a dashed bar. */
function chart(rows) {
  const width = 720;
  const height = 250;
  const left = 44;
  const bottom = 36;
  const top = 30;
  const last = rows[rows.length - 1];
  const forecast = Number(last.forecastDemand);
  const highest = Math.max(1, forecast, ...rows.map((r) => Math.max(r.demand, r.supply)));
  const step = niceStep(highest / 4);
  const max = Math.ceil(highest / step) * step;
  const slots = rows.length + 1;
  const slot = (width - left - 8) / slots;
  const y = (v) => top + (height - top - bottom) * (1 - v / max);
  const s = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `需求与供给 demand and supply: ` + rows.map((r) => `${r.period} ${r.demand}/${r.supply}`).join(', ') });
  for (let v = 0; v <= max; v += step) {
    s.append(svg('line', { x1: left, x2: width - 8, y1: y(v), y2: y(v), stroke: '#dde2e8' }));
    s.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#4c5763' }, String(v)));
  }
  const points = [];
  rows.forEach((r, i) => {
    const x = left + slot * i;
    s.append(svg('rect', { x: x + slot * 0.2, y: y(r.demand), width: slot * 0.6, height: y(0) - y(r.demand), fill: DEMAND_COLOUR }));
    // The demand figure sits inside its bar (above it when the bar is too short), the supply figure above its marker.
    const inside = y(0) - y(r.demand) > 22;
    s.append(svg('text', { x: x + slot / 2, y: inside ? y(r.demand) + 16 : y(r.demand) - 4, 'text-anchor': 'middle',
      'font-size': 13, 'font-weight': 'bold', fill: inside ? '#fff' : '#1d2733' }, String(r.demand)));
    s.append(svg('text', { x: x + slot / 2, y: height - 14, 'text-anchor': 'middle', 'font-size': 12, fill: '#1d2733' }, r.period));
    points.push([x + slot / 2, y(r.supply), r.supply]);
  });
  const fx = left + slot * rows.length;
  s.append(svg('rect', { x: fx + slot * 0.2, y: y(forecast), width: slot * 0.6, height: y(0) - y(forecast), fill: 'none',
    stroke: DEMAND_COLOUR, 'stroke-width': 2, 'stroke-dasharray': '5 4' }));
  s.append(svg('text', { x: fx + slot / 2, y: y(forecast) - 4, 'text-anchor': 'middle', 'font-size': 12, fill: '#1d2733' }, String(forecast)));
  s.append(svg('text', { x: fx + slot / 2, y: height - 14, 'text-anchor': 'middle', 'font-size': 12, fill: '#1d2733' }, '预测 forecast'));
  s.append(svg('polyline', { points: points.map((p) => p[0] + ',' + p[1]).join(' '), fill: 'none', stroke: SUPPLY_COLOUR, 'stroke-width': 3 }));
  for (const [px, py, v] of points) {
    s.append(svg('rect', { x: px - 5, y: py - 5, width: 10, height: 10, fill: SUPPLY_COLOUR }));
    s.append(svg('text', { x: px + 8, y: py - 8, 'font-size': 13, fill: SUPPLY_COLOUR, 'font-weight': 'bold', stroke: '#fff',
      'stroke-width': 3, 'paint-order': 'stroke' }, String(v)));
  }
  s.append(svg('line', { x1: left, x2: width - 8, y1: y(0), y2: y(0), stroke: '#4c5763' }));
  const legend = svg('g', { 'font-size': 12, fill: '#1d2733' });
  legend.append(svg('rect', { x: left, y: 2, width: 14, height: 10, fill: DEMAND_COLOUR }));
  legend.append(svg('text', { x: left + 18, y: 11 }, '需求（柱）demand (bars)'));
  legend.append(svg('rect', { x: left + 190, y: 2, width: 10, height: 10, fill: SUPPLY_COLOUR }));
  legend.append(svg('text', { x: left + 204, y: 11 }, '供给（折线）supply (line)'));
  legend.append(svg('rect', { x: left + 380, y: 2, width: 14, height: 10, fill: 'none', stroke: DEMAND_COLOUR, 'stroke-dasharray': '3 2' }));
  legend.append(svg('text', { x: left + 398, y: 11 }, '下季度需求预测 forecast'));
  s.append(legend);
  return s;
}

function table(rows) {
  const t = el('table');
  t.append(el('caption', null, '逐季数据 Figures by quarter'));
  const head = el('tr');
  for (const h of ['季度 Quarter', '需求 Demand', '供给 Supply', '缺口 Gap', '供给/需求 S/D', '预警 Warning']) head.append(el('th', null, h));
  t.append(head);
  for (const r of rows) {
    const tr = el('tr');
    tr.dataset.period = r.period;
    const ratio = r.supplyRatio === undefined ? '–' : Number(r.supplyRatio).toFixed(2);
    for (const v of [r.period, r.demand, r.supply, r.gap, ratio]) tr.append(el('td', null, String(v)));
    const w = el('td');
    w.append(el('span', r.warning, LIGHT[r.warning][0]));
    tr.append(w);
    t.append(tr);
  }
  return t;
}

function majorCard(rows) {
  const last = rows[rows.length - 1];
  const card = el('article', 'card');
  card.dataset.major = last.majorCode;
  card.dataset.warning = last.warning;
  card.append(el('h3', null, `${last.majorName}（${last.majorCode}）· ${last.school}`));
  const verdict = el('div', 'reason');
  verdict.append(badge(last.warning));
  verdict.append(el('span', null, `${last.period}：${reasonZh(last.reason)}`));
  verdict.append(el('div', 'en', last.reason));
  card.append(verdict);
  const figures = el('div', 'figures');
  const gapWord = last.gap > 0 ? '缺口 shortage' : last.gap < 0 ? '过剩 surplus' : '缺口 gap';
  for (const [label, value] of [['需求 demand', last.demand], ['供给 supply', last.supply], [gapWord, Math.abs(last.gap)],
    ['需求趋势 demand trend', `${last.demandTrend} 人/季 per quarter`], ['下季度预测 forecast', last.forecastDemand]]) {
    const f = el('span', null, label + ' ');
    f.append(el('b', null, String(value)));
    figures.append(f);
  }
  card.append(figures);
  card.append(chart(rows));
  card.append(table(rows));
  return card;
}

function showIndicators(answer) {
  const t = answer.thresholds.thresholds;
  $('thresholds').textContent = `预警阈值 第 ${t.version} 版「${t.title}」：供给/需求低于 ${t.redBelow} 或高于 ${t.redAbove} 为红色，`
    + `低于 ${t.yellowBelow} 或高于 ${t.yellowAbove} 为黄色；趋势与预测取最近 ${t.trendPeriods} 个季度。`
    + ` Thresholds v${t.version}: red below ${t.redBelow} or above ${t.redAbove}, yellow below ${t.yellowBelow} or above ${t.yellowAbove}.`;
  const list = $('major-list');
  list.replaceChildren();
  const majors = byMajor(answer.indicators);
  if (majors.size === 0) list.append(el('p', 'note', '没有已发布的专业。No majors published.'));
  for (const rows of majors.values()) list.append(majorCard(rows));
}

function distributionBar(d) {
  const width = 720;
  const s = svg('svg', { viewBox: `0 0 ${width} 46`, role: 'img',
    'aria-label': `红色 red ${d.red}，黄色 yellow ${d.yellow}，绿色 green ${d.green}` });
  let x = 0;
  for (const [light, n, fill, text] of [['RED', d.red, '#b42318', '#fff'], ['YELLOW', d.yellow, '#f2c230', '#1d2733'],
    ['GREEN', d.green, '#1e7b3a', '#fff']]) {
    if (n === 0) continue;
    const w = width * n / Math.max(1, d.teachers);
    s.append(svg('rect', { x, y: 4, width: w, height: 38, fill }));
    s.append(svg('text', { x: x + w / 2, y: 29, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold', fill: text },
      `${LIGHT[light][0].split(' ')[1].replace('预警', '')} ${n}`));
    x += w;
  }
  return s;
}

function showTeachers(d) {
  const box = $('teacher-summary');
  box.replaceChildren();
  const card = el('article', 'card');
  card.dataset.warning = d.red > 0 ? 'RED' : d.yellow > 0 ? 'YELLOW' : 'GREEN';
  card.append(el('p', null, `${d.school}，评级办法第 ${d.ruleVersion} 版，截至 ${d.asOf}：共 ${d.teachers} 名教师。`
    + ` Rule v${d.ruleVersion}, as of ${d.asOf}: ${d.teachers} teachers.`));
  const counts = el('div', 'figures');
  counts.id = 'grade-counts';
  for (const [light, n] of [['RED', d.red], ['YELLOW', d.yellow], ['GREEN', d.green]]) {
    const c = el('span');
    c.dataset.light = light;
    c.append(badge(light));
    c.append(el('b', null, String(n)));
    counts.append(c);
  }
  card.append(counts);
  card.append(distributionBar(d));
  card.append(el('h3', null, `需要支持的教师 Who needs support（${d.needSupport.length}）`));
  const list = el('ul', 'support');
  list.id = 'need-support';
  for (const g of d.needSupport) {
    const li = el('li');
    li.dataset.account = g.accountNo;
    li.dataset.grade = g.grade;
    li.append(badge(g.grade));
    li.append(el('span', 'mono', g.accountNo));
    li.append(el('div', null, gradeReasonZh(g.reason)));
    li.append(el('div', 'en', g.reason));
    list.append(li);
  }
  if (d.needSupport.length === 0) list.append(el('li', null, '所有教师均为绿色。Every teacher is green.'));
  card.append(list);
  box.append(card);
}

async function show(event) {
  if (event) event.preventDefault();
  const started = performance.now();
  $('error').hidden = true;
  const q = new URLSearchParams();
  for (const name of ['school', 'from', 'to', 'region']) if ($(name).value.trim()) q.set(name, $(name).value.trim());
  const school = $('school').value.trim();
  try {
    const [indicators, grades] = await Promise.all([
      get('/api/v1/demand/indicators?' + q),
      school ? get('/api/v1/teachers/grades?school=' + encodeURIComponent(school)).catch((e) => e) : Promise.resolve(null),
    ]);
    showIndicators(indicators);
    if (grades instanceof Error) {
      $('teacher-summary').replaceChildren(el('p', 'note', '无法显示教师分级 Teacher grades unavailable: ' + grades.message));
    } else if (grades) {
      showTeachers(grades);
    } else {
      $('teacher-summary').replaceChildren(el('p', 'note', '请输入学校以查看教师分级。Enter a school to see its teachers.'));
    }
  } catch (e) {
    $('error').textContent = '无法加载 Could not load: ' + e.message;
    $('error').hidden = false;
  }
  document.body.dataset.renderMs = String(Math.round(performance.now() - started));
  document.body.dataset.loaded = 'true';
}

params();
$('query').addEventListener('submit', show);
if ($('token').value && $('from').value && $('to').value) show();
