// The registrar's console (教务处工作台): imports a term's spreadsheet, finds a learner and corrects
// their records, decides recognition applications. Every call carries the registrar's bearer token
// from sessionStorage (never a cookie), so another site cannot make this browser act for them.
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'creditbank.registrar.token';
const LANG_KEY = 'creditbank.lang';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT = {
  title: ['学分银行 · 教务处工作台', 'CreditBank · Registrar console'],
  signOut: ['退出', 'Sign out'],
  signInTitle: ['登录', 'Sign in'],
  signInHelp: ['输入本校网关发给教务处的访问令牌。令牌只保存在此浏览器标签页中，关闭后即清除。',
    'Enter the registrar token this institution\'s gateway gave you. It is kept in this browser tab only and gone when the tab closes.'],
  token: ['访问令牌', 'Token'],
  signIn: ['登录', 'Sign in'],
  badToken: ['令牌无效或已撤销，或不是教务处令牌。', 'The token is unknown, revoked, or not a registrar\'s.'],
  tabImport: ['成绩导入', 'Import'],
  tabLearners: ['学生记录', 'Learners'],
  tabApplications: ['认定申请', 'Applications'],
  importTitle: ['导入一学期的成绩（CSV 或 Excel）', 'Import a term\'s results (CSV or Excel)'],
  importHelp: ['先检查：系统逐行核对并在区块链上模拟，不写入任何记录。全部通过后再导入。',
    'Check first: every row is checked and simulated on the ledger, nothing is written. Import once every row passes.'],
  file: ['成绩文件（.csv 或 .xlsx）', 'Results file (.csv or .xlsx)'],
  dryRun: ['检查文件', 'Check file'],
  import: ['导入', 'Import'],
  download: ['下载报告（CSV）', 'Download report (CSV)'],
  reportCaption: ['按表格行号列出；第 1 行是表头。被拒绝的行标红并写明原因。',
    'By spreadsheet row; row 1 is the header. Refused rows are marked and say why.'],
  colRow: ['行号', 'Row'], colStatus: ['结果', 'Status'], colProblem: ['问题', 'Problem'],
  noFile: ['请先选择文件。', 'Choose a file first.'],
  checking: ['正在检查 {0} …', 'Checking {0} …'],
  importing: ['正在导入 {0}：逐批写入区块链，请勿关闭页面 …', 'Importing {0}: writing batches to the ledger, keep this page open …'],
  dryRunSummary: ['检查结果：共 {0} 行，可新增 {1} 行，已存在 {2} 行，拒绝 {3} 行。', 'Check: {0} rows, {1} would be created, {2} already on the ledger, {3} refused.'],
  importSummary: ['导入完成：共 {0} 行，新增 {1} 行，已存在 {2} 行，{3} 个批次。', 'Imported: {0} rows, {1} created, {2} already on the ledger, {3} batches.'],
  fixFirst: ['有 {0} 行被拒绝。请在表格中修改这些行后重新选择文件并检查；修改前无法导入。',
    '{0} rows are refused. Fix those rows in the spreadsheet, choose the file again and check it; it cannot be imported until then.'],
  importDone: ['已写入区块链。学生和其他院校现在可以看到这些记录。', 'Written to the ledger. Learners and other institutions can see these records now.'],
  readyToImport: ['全部通过，可以导入。', 'Every row passed; you can import.'],
  incomplete: ['导入中断：已写入的行不会重复写入，请稍后用同一文件再次导入。', 'The import stopped part-way: rows on the ledger are not written twice; import the same file again later.'],
  moreRows: ['另有 {0} 行通过检查，未逐行列出。', '{0} more rows passed and are not listed one by one.'],
  created: ['可新增', 'to create'], createdDone: ['已新增', 'created'], existing: ['已存在', 'already on ledger'],
  refused: ['✖ 拒绝', '✖ refused'], notImported: ['未导入', 'not imported'],
  findTitle: ['查找学生', 'Find a learner'],
  findBy: ['学号或学分银行账号', 'Student number or account number'],
  find: ['查找', 'Find'],
  notFound: ['没有找到：本校没有这个学号或账号。', 'Not found: no such student number or account here.'],
  learnerSummary: ['账号 {0}{1}：本校及他校记录 {2} 条，获得学分 {3}，认定学分 {4}。', 'Account {0}{1}: {2} records, {3} credits earned, {4} recognised.'],
  studentNo: ['（学号 {0}）', ' (student number {0})'],
  eraseOpen: ['删除个人信息（应学生要求）', 'Erase personal data (at the learner\'s request)'],
  eraseAsk: ['将从本校各节点永久删除该学生的姓名、出生日期、证件号和学号；记录保留且仍可验证。',
    'This erases the learner\'s name, birth date, id number and student number from every peer of this institution for good; the records stay and still verify.'],
  eraseDo: ['确认删除', 'Erase'],
  erased: ['已删除账号 {0} 的个人信息。记录保留且仍可验证。', 'The personal data of account {0} is erased. The records stay and still verify.'],
  nothingToErase: ['本校没有保存账号 {0} 的个人信息。', 'This institution holds no personal data for account {0}.'],
  colRecord: ['记录', 'Record'], colCredits: ['学分', 'Credits'], colResult: ['成绩', 'Result'], colActions: ['操作', 'Actions'],
  colTitle: ['课程名称', 'Title'],
  suspend: ['暂停', 'Suspend'], reinstate: ['恢复', 'Reinstate'], revoke: ['撤销', 'Revoke'], reissue: ['更正重发', 'Reissue'],
  otherInstitution: ['他校记录', 'another institution\'s'],
  reason: ['原因（学生和验证方都会看到）', 'Reason (the learner and verifiers see it)'],
  newLocalId: ['新记录编号', 'New record number'],
  confirm: ['确认', 'Confirm'], cancel: ['取消', 'Cancel'],
  changeLegend: ['{0}：{1}', '{0}: {1}'],
  changed: ['已完成：{0}', 'Done: {0}'],
  reissued: ['已撤销 {0}，并签发更正后的记录 {1}。', 'Revoked {0} and issued the corrected record {1}.'],
  learnerApplications: ['此学生的认定申请', 'This learner\'s applications'],
  colApplication: ['申请', 'Application'],
  none: ['无', 'none'],
  applicationTitle: ['审核学分认定申请', 'Review a recognition application'],
  applicationId: ['申请编号', 'Application id'],
  pendingTitle: ['待审核的申请（最早的在前）', 'Waiting for a decision (oldest first)'],
  colApplied: ['申请时间', 'Applied'], colLearner: ['学生账号', 'Learner'], colSources: ['来源记录', 'Source records'],
  colStatement: ['说明', 'Statement'],
  noPending: ['没有待审核的申请。', 'No application is waiting.'],
  noQueue: ['此网关未启用读模型，无法列出申请；请按申请编号打开。', 'This gateway keeps no read model, so it cannot list applications: open one by its number.'],
  pendingMore: ['另有 {0} 份待审核，处理完上面的会显示。', '{0} more are waiting; they show once these are decided.'],
  open: ['打开', 'Open'],
  approveRule: ['按规则批准', 'Approve by the rule'],
  approveManual: ['人工认定…', 'Approve manually…'],
  approve: ['批准', 'Approve'],
  reject: ['驳回…', 'Reject…'],
  targetCode: ['本校课程代码', 'Our course code'], category: ['类别', 'Category'], justification: ['认定理由', 'Justification'],
  aStatus: ['状态', 'Status'], aLearner: ['学生账号', 'Learner'], aSources: ['来源记录', 'Source records'],
  aStatement: ['学生说明', 'Learner\'s statement'], aRule: ['匹配规则', 'Matching rule'], aTarget: ['认定为', 'Recognised as'],
  aCredits: ['规则计算学分', 'Credits by the rule'], aProblem: ['规则不适用', 'The rule does not apply'],
  aDecision: ['决定', 'Decision'], noRule: ['未指定规则：请人工认定或驳回。', 'No rule named: approve manually or reject.'],
  decided: ['申请已{0}。', 'The application is {0}.'],
  status_PENDING: ['待审核', 'pending'], status_APPROVED: ['已批准', 'approved'], status_REJECTED: ['已驳回', 'rejected'],
  status_WITHDRAWN: ['已撤回', 'withdrawn'], status_ACTIVE: ['有效', 'active'], status_SUSPENDED: ['已暂停', 'suspended'],
  status_REVOKED: ['已撤销', 'revoked'],
  failed: ['未完成：{0}', 'Not done: {0}'],
};

let lang = sessionStorage.getItem(LANG_KEY)
  || (((navigator.languages && navigator.languages[0]) || navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en');
let institution = null;
let lastReport = null;
let checkedFile = null;
let learnerState = null;
let assessment = null;

const $ = id => document.getElementById(id);
function t(key, ...args) {
  const pair = TEXT[key] || [key, key];
  return pair[lang === 'zh' ? 0 : 1].replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}
function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}
function badge(status, label) {
  return el('span', label, { class: 'badge st-' + status });
}
function show(id, on) { $(id).hidden = !on; }
/** A ledger time as a registrar reads it: to the second, in UTC (the ledger's nanoseconds say nothing to a person). */
function when(instant) { return instant.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC'); }
function message(id, kind, text) {
  const box = $(id);
  box.className = 'message ' + kind;
  box.textContent = text;
  box.hidden = !text;
}

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  $('lang-switch').textContent = lang === 'zh' ? 'English' : '中文';
  $('lang-switch').lang = lang === 'zh' ? 'en' : 'zh-CN';
  document.title = t('title');
  if (lastReport) renderReport(lastReport);
  if (learnerState) renderLearner();
  if (assessment) renderAssessment();
}

/** A call with the registrar's token; resolves to {status, body} (body parsed when JSON). */
async function call(method, path, body, contentType) {
  const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) };
  if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
  const response = await fetch(path, { method, headers, body: typeof body === 'object' && !(body instanceof Blob) ? JSON.stringify(body) : body, credentials: 'omit' });
  const text = await response.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: response.status, body: parsed };
}
function problemText(reply) {
  const b = reply.body || {};
  const details = (b.violations || []).map(v => (v.field ? v.field + ': ' : '') + v.message).join('; ');
  // The title says what went wrong in words (Chinese / English); the detail and code are for whoever fixes it.
  return (b.title ? b.title + ' — ' : '') + (b.detail || ('HTTP ' + reply.status)) + (details ? ' (' + details + ')' : '')
    + (b.code ? ' [' + b.code + ']' : '');
}

// ---- sign-in ----
async function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  const reply = await call('GET', API + '/institutions/me');
  if (reply.status === 401 || reply.status === 403) {
    sessionStorage.removeItem(TOKEN_KEY);
    message('sign-in-error', 'error', t('badToken'));
    return;
  }
  institution = reply.status === 200 ? reply.body : null;
  $('institution').textContent = institution ? institution.profile.name + ' · ' + institution.mspId : '';
  show('sign-in', false);
  show('console', true);
  show('sign-out', true);
  message('sign-in-error', 'error', '');
}
$('sign-in-form').addEventListener('submit', e => { e.preventDefault(); signIn($('token-input').value.trim()); });
$('sign-out').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); location.reload(); });
$('lang-switch').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  sessionStorage.setItem(LANG_KEY, lang);
  applyLanguage();
});

// ---- tabs (arrow keys move between them, as the ARIA tabs pattern has it) ----
const tabs = ['tab-import', 'tab-learners', 'tab-applications'].map($);
function selectTab(tab) {
  tabs.forEach(other => {
    const on = other === tab;
    other.setAttribute('aria-selected', String(on));
    other.tabIndex = on ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !on;
  });
  tab.focus();
  if (tab.id === 'tab-applications') loadPending();
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', e => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      selectTab(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
    }
  });
});

// ---- import ----
function rowsOf(set) {
  const rows = [];
  ((set && set.spans) || []).forEach(s => { for (let n = s.first; n <= s.last; n++) rows.push(n); });
  return rows;
}
/** Every row of a report with its status and problems, in row order. */
function reportRows(report) {
  const byRow = new Map();
  const done = !report.dryRun;
  [['created', done ? 'createdDone' : 'created'], ['existing', 'existing'], ['notImported', 'notImported'], ['refused', 'refused']]
    .forEach(([set, label]) => rowsOf(report[set]).forEach(n => byRow.set(n, { row: n, status: set, label, problems: [] })));
  (report.problems || []).forEach(p => {
    const entry = byRow.get(p.index) || { row: p.index, status: 'refused', label: 'refused', problems: [] };
    entry.problems.push((p.field ? p.field + ': ' : '') + p.message + ' [' + p.code + ']');
    byRow.set(p.index, entry);
  });
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}
function renderReport(report) {
  const body = $('report-table').tBodies[0];
  body.replaceChildren();
  const all = reportRows(report);
  const listed = all.length <= 500 ? all : all.filter(r => r.status !== 'created' && r.status !== 'existing');
  listed.forEach(r => {
    const tr = el('tr', null, { 'data-row': r.row, 'data-status': r.status });
    tr.append(el('td', r.row), el('td'), el('td', r.problems.join('；')));
    tr.cells[1].append(badge(r.status, t(r.label)));
    body.append(tr);
  });
  if (listed.length < all.length) {
    const tr = el('tr');
    tr.append(el('td', t('moreRows', all.length - listed.length), { colspan: '3' }));
    body.append(tr);
  }
  show('report-table', true);
  const summary = report.dryRun
    ? t('dryRunSummary', report.rows, report.created.count, report.existing.count, report.refused.count)
    : t('importSummary', report.rows, report.created.count, report.existing.count, (report.batches || []).length);
  $('import-summary').textContent = summary;
  show('import-summary', true);
}
function spreadsheetType(file) {
  return /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
}
async function runImport(dryRun) {
  const file = $('file-input').files[0];
  if (!file) { message('import-message', 'error', t('noFile')); return; }
  $('import-progress-text').textContent = t(dryRun ? 'checking' : 'importing', file.name);
  show('import-progress', true);
  message('import-message', 'ok', '');
  ['dry-run-button', 'import-button'].forEach(id => { $(id).disabled = true; });
  try {
    const reply = await call('POST', API + '/imports/outcomes?dryRun=' + dryRun, file, spreadsheetType(file));
    const report = reply.status === 200 ? reply.body : reply.body && reply.body.report;
    if (report) {
      lastReport = report;
      renderReport(report);
      $('download-report').disabled = false;
    }
    if (reply.status !== 200) {
      message('import-message', 'error', reply.status === 409 ? t('incomplete') + ' ' + problemText(reply) : problemText(reply));
    } else if (dryRun && report.refused.count > 0) {
      message('import-message', 'error', t('fixFirst', report.refused.count));
    } else if (dryRun) {
      message('import-message', 'ok', t('readyToImport'));
      checkedFile = file;
    } else {
      message('import-message', 'ok', t('importDone'));
      checkedFile = null;
    }
  } catch (e) {
    message('import-message', 'error', t('failed', e.message));
  } finally {
    show('import-progress', false);
    $('dry-run-button').disabled = false;
    $('import-button').disabled = checkedFile !== file;
  }
}
$('file-input').addEventListener('change', () => { checkedFile = null; $('import-button').disabled = true; });
$('dry-run-button').addEventListener('click', () => runImport(true));
$('import-button').addEventListener('click', () => runImport(false));
function csvCell(value) {
  const s = String(value);
  // A leading = + - @ would be a formula when the report is opened in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? '\'' + s : s;
  return /[",\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}
$('download-report').addEventListener('click', () => {
  const lines = [['row', 'status', 'problems'].join(',')];
  reportRows(lastReport).forEach(r => lines.push([r.row, r.status, r.problems.join('; ')].map(csvCell).join(',')));
  const link = el('a', null, { download: 'import-report.csv' });
  link.href = URL.createObjectURL(new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
  document.body.append(link);
  link.click();
  link.remove();
});

// ---- learners ----
/**
 * A student number first (the school's own 学号), else an account number: the page does not repeat
 * the account number's format, which the model defines; the gateway answers 404 to either.
 */
async function findLearner(query) {
  message('learner-message', 'ok', '');
  show('erase-confirm', false);
  let account = query;
  let studentNumber = null;
  const match = await call('GET', API + '/learners?studentNumber=' + encodeURIComponent(query));
  if (match.status === 200) {
    account = match.body.accountNo;
    studentNumber = match.body.studentNumber;
  } else if (match.status !== 404 && match.status !== 400) {
    show('learner', false);
    message('learner-message', 'error', problemText(match));
    return;
  }
  const transcript = await call('GET', API + '/learners/' + encodeURIComponent(account) + '/transcript');
  if (transcript.status !== 200) {
    show('learner', false);
    message('learner-message', 'error', transcript.status === 404 ? t('notFound') : problemText(transcript));
    return;
  }
  const applications = await call('GET', API + '/learners/' + encodeURIComponent(account) + '/recognition-applications');
  learnerState = { account, studentNumber, transcript: transcript.body, applications: applications.status === 200 ? applications.body : [] };
  renderLearner();
}
function renderLearner() {
  const s = learnerState;
  const totals = s.transcript.totals || {};
  $('learner-summary').textContent = t('learnerSummary', s.account, s.studentNumber ? t('studentNo', s.studentNumber) : '',
    s.transcript.outcomes.length, totals.earnedCredits, totals.recognisedCredits);
  const body = $('records').tBodies[0];
  body.replaceChildren();
  s.transcript.outcomes.forEach(o => {
    const tr = el('tr', null, { 'data-id': o.id, 'data-status': o.status });
    const d = o.draft;
    const record = el('td');
    record.append(el('strong', d.achievementTitle), el('br'), el('span', o.id + ' · ' + d.activityStart + '–' + d.activityEnd, { class: 'muted' }));
    if (o.statusReason) record.append(el('br'), el('span', o.statusReason, { class: 'muted' }));
    const status = el('td');
    status.append(badge(o.status, t('status_' + o.status)));
    const actions = el('td');
    if (institution && o.issuer !== institution.mspId) {
      actions.append(el('span', t('otherInstitution'), { class: 'muted' }));
    } else {
      const allowed = o.status === 'ACTIVE' ? ['suspend', 'revoke', 'reissue'] : o.status === 'SUSPENDED' ? ['reinstate', 'revoke'] : [];
      allowed.forEach(action => {
        const b = el('button', t(action), { type: 'button', class: 'secondary', 'data-action': action });
        b.setAttribute('aria-label', t(action) + ' ' + d.achievementTitle + ' ' + o.id);
        b.addEventListener('click', () => openChange(action, o));
        actions.append(b, ' ');
      });
    }
    tr.append(record, el('td', d.credits), el('td', d.result ? d.result.value : ''), status, actions);
    body.append(tr);
  });
  const apps = $('learner-applications').tBodies[0];
  apps.replaceChildren();
  s.applications.forEach(a => {
    const tr = el('tr', null, { 'data-id': a.id });
    const open = el('button', t('open'), { type: 'button', class: 'secondary' });
    open.addEventListener('click', () => { $('application-id').value = a.id; selectTab($('tab-applications')); openApplication(a.id); });
    const status = el('td');
    status.append(badge(a.status, t('status_' + a.status)));
    const actions = el('td');
    actions.append(open);
    tr.append(el('td', a.id + ' · ' + when(a.appliedAt)), status, actions);
    apps.append(tr);
  });
  if (!s.applications.length) {
    const tr = el('tr');
    tr.append(el('td', t('none'), { colspan: '3' }));
    apps.append(tr);
  }
  show('learner', true);
}
let change = null;
function openChange(action, outcome) {
  change = { action, outcome };
  $('change-legend').textContent = t('changeLegend', t(action), outcome.draft.achievementTitle + ' (' + outcome.id + ')');
  $('change-reason').value = '';
  show('reissue-fields', action === 'reissue');
  if (action === 'reissue') {
    $('reissue-localId').value = outcome.draft.localId + '-R1';
    $('reissue-title').value = outcome.draft.achievementTitle;
    $('reissue-credits').value = outcome.draft.credits;
    $('reissue-result').value = outcome.draft.result ? outcome.draft.result.value : '';
  }
  show('change-form', true);
  $('change-reason').focus();
}
$('change-cancel').addEventListener('click', () => show('change-form', false));
$('change-form').addEventListener('submit', async e => {
  e.preventDefault();
  const { action, outcome } = change;
  const reason = $('change-reason').value.trim();
  const path = API + '/outcomes/' + encodeURIComponent(outcome.id) + '/';
  let reply;
  let done;
  if (action === 'reissue') {
    // The corrected record first: if it is refused, the old one stays as it was.
    const draft = Object.assign({}, outcome.draft, {
      localId: $('reissue-localId').value.trim(), achievementTitle: $('reissue-title').value.trim(),
      credits: Number($('reissue-credits').value), result: Object.assign({}, outcome.draft.result, { value: $('reissue-result').value.trim() }),
    });
    const issued = await call('POST', API + '/outcomes', draft);
    if (issued.status !== 201 && issued.status !== 200) {
      message('learner-message', 'error', t('failed', problemText(issued)));
      return;
    }
    const newId = issued.body.record.id;
    reply = await call('POST', path + 'revoke', { reason: reason + ' → ' + newId });
    done = t('reissued', outcome.id, newId);
  } else {
    reply = await call('POST', path + action, { reason });
    done = t('changed', t(action) + ' ' + outcome.id);
  }
  if (reply.status === 201 || reply.status === 200) {
    show('change-form', false);
    await findLearner(learnerState.studentNumber || learnerState.account);
    message('learner-message', 'ok', done);
  } else {
    message('learner-message', 'error', t('failed', problemText(reply)));
  }
});
$('find-form').addEventListener('submit', e => { e.preventDefault(); findLearner($('find-input').value.trim()); });
$('erase-open').addEventListener('click', () => show('erase-confirm', true));
$('erase-button').addEventListener('click', async () => {
  const account = learnerState.account;
  const reply = await call('POST', API + '/learners/' + encodeURIComponent(account) + '/personal-data/purge');
  show('erase-confirm', false);
  if (reply.status === 201 || reply.status === 200) {
    await findLearner(account);
    message('learner-message', 'ok', t('erased', account));
  } else {
    message('learner-message', 'error', reply.status === 404 ? t('nothingToErase', account) : t('failed', problemText(reply)));
  }
});

// ---- applications ----
/** The queue: applications made to this institution and still pending, from the read model. */
async function loadPending() {
  const reply = await call('GET', API + '/recognition-applications?status=PENDING&size=50');
  const body = $('pending-applications').tBodies[0];
  body.replaceChildren();
  show('pending-applications', reply.status === 200);
  if (reply.status !== 200) {
    // The queue is the read model's; opening an application by its number still works without it.
    $('pending-more').textContent = reply.status === 501 ? t('noQueue') : problemText(reply);
    show('pending-more', true);
    return;
  }
  reply.body.items.forEach(a => {
    const tr = el('tr', null, { 'data-id': a.id });
    const open = el('button', t('open'), { type: 'button', class: 'secondary' });
    open.setAttribute('aria-label', t('open') + ' ' + a.id);
    open.addEventListener('click', () => { $('application-id').value = a.id; openApplication(a.id); });
    const actions = el('td');
    actions.append(open);
    tr.append(el('td', when(a.appliedAt)), el('td', a.request.learner),
      el('td', a.request.sourceOutcomeIds.join(', ')), el('td', a.request.statement || ''), actions);
    body.append(tr);
  });
  if (!reply.body.items.length) {
    const tr = el('tr');
    tr.append(el('td', t('noPending'), { colspan: '5' }));
    body.append(tr);
  }
  const more = reply.body.total - reply.body.items.length;
  $('pending-more').textContent = more > 0 ? t('pendingMore', more) : '';
  show('pending-more', more > 0);
}
async function openApplication(id) {
  message('application-message', 'ok', '');
  const reply = await call('GET', API + '/recognition-applications/' + encodeURIComponent(id));
  if (reply.status !== 200) {
    show('assessment', false);
    assessment = null;
    message('application-message', 'error', reply.status === 404 ? t('notFound') : problemText(reply));
    return;
  }
  assessment = reply.body;
  renderAssessment();
}
function renderAssessment() {
  const a = assessment;
  const app = a.application;
  const details = $('assessment-details');
  details.replaceChildren();
  const add = (key, value, status) => {
    const dd = el('dd');
    if (status) dd.append(badge(status, value)); else dd.textContent = value;
    details.append(el('dt', t(key)), dd);
  };
  add('aStatus', t('status_' + app.status), app.status);
  add('aLearner', app.request.learner);
  add('aSources', app.request.sourceOutcomeIds.join('，'));
  if (app.request.statement) add('aStatement', app.request.statement);
  if (a.ruleCode) add('aRule', a.ruleCode + ' v' + a.ruleVersion);
  if (a.target) add('aTarget', [a.target.courseCode, a.target.title, a.target.category].filter(Boolean).join(' · '));
  if (a.credits !== null && a.credits !== undefined) add('aCredits', a.credits);
  if (a.problem) add('aProblem', a.problem);
  if (!a.ruleCode) add('aRule', t('noRule'));
  if (app.decisionReason) add('aDecision', app.decisionReason);
  const pending = app.status === 'PENDING';
  show('decision', pending);
  $('approve-rule').disabled = !(a.ruleCode && a.credits !== null && a.credits !== undefined && !a.problem);
  if (!pending) { show('manual-form', false); show('reject-form', false); }
  show('assessment', true);
}
async function decide(path, body) {
  const reply = await call('POST', API + '/recognition-applications/' + encodeURIComponent(assessment.application.id) + '/' + path, body);
  if (reply.status !== 201 && reply.status !== 200) {
    message('application-message', 'error', t('failed', problemText(reply)));
    return;
  }
  await openApplication(assessment.application.id);
  await loadPending(); // without the decided one: the queue waits for this gateway's newest write
  message('application-message', 'ok', t('decided', t('status_' + reply.body.record.status)));
}
$('application-form').addEventListener('submit', e => { e.preventDefault(); openApplication($('application-id').value.trim()); });
$('approve-rule').addEventListener('click', () => decide('approve', { method: 'RULE', ruleCode: assessment.ruleCode, ruleVersion: assessment.ruleVersion }));
$('approve-manual-open').addEventListener('click', () => { show('reject-form', false); show('manual-form', true); $('manual-title').focus(); });
$('reject-open').addEventListener('click', () => { show('manual-form', false); show('reject-form', true); $('reject-reason').focus(); });
$('manual-form').addEventListener('submit', e => {
  e.preventDefault();
  const target = { title: $('manual-title').value.trim() };
  if ($('manual-course').value.trim()) target.courseCode = $('manual-course').value.trim();
  if ($('manual-category').value.trim()) target.category = $('manual-category').value.trim();
  decide('approve', { method: 'MANUAL', target, credits: Number($('manual-credits').value), justification: $('manual-justification').value.trim() });
});
$('reject-form').addEventListener('submit', e => { e.preventDefault(); decide('reject', { reason: $('reject-reason').value.trim() }); });

applyLanguage();
if (sessionStorage.getItem(TOKEN_KEY)) {
  signIn(sessionStorage.getItem(TOKEN_KEY));
}
