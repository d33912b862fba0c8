// The verification page (/verify) and a learner's share page (/s/{id}): each record shown as a
// document a person reads (institution, learner, achievement, credits, result, dates, evidence),
// then the verdict in plain words, with the technical checks folded away. Chinese or English,
// starting with the browser's language. /verify?credential=<zlib + base64url JSON> opens a credential.
'use strict';

const T = {
  title: ['学分银行 · 记录验证', 'CreditBank · record check'],
  introVerify: ['粘贴凭证（JSON）或上传文件，即可核验它是否真实、是否仍然有效。', 'Paste a credential (JSON) or upload its file to check that it is genuine and still valid.'],
  introShare: ['学习者向您出示了以下 {0} 条学习记录。学分银行已逐条核验签名，并与区块链上的记录核对。', 'A learner has shown you the {0} learning record(s) below. CreditBank checked each signature and compared it with the record on the ledger.'],
  sharedWith: ['分享对象：{0}。', 'Shared with: {0}. '],
  linkUntil: ['此链接有效至 {0}。', 'This link works until {0}.'],
  pasteLabel: ['凭证 JSON', 'Credential JSON'],
  verifyButton: ['验证', 'Verify'],
  fileLabel: ['或上传文件：', 'or upload a file:'],
  other: ['English', '中文'],
  valid: ['✔ 这份记录是真实有效的', '✔ This record is genuine and valid'],
  invalid: ['✘ 这份记录无效', '✘ This record is not valid'],
  validWhy: ['由{0}签发，签发后未被改动，在学分银行区块链上仍然有效。核验时间：{1}。', 'Issued by {0}, unchanged since, and still in force on the CreditBank ledger. Checked {1}.'],
  REVOKED: ['{0}已于{1}撤销这份记录。原因：{2}', '{0} revoked this record{1}. Reason: {2}'],
  SUSPENDED: ['{0}已于{1}暂停这份记录，目前不能作为依据。原因：{2}', '{0} suspended this record{1}; it cannot be relied on for now. Reason: {2}'],
  EXPIRED: ['这份记录已过有效期（有效至 {0}）。', 'This record has expired (it was valid until {0}).'],
  TAMPERED: ['这份记录在签发后被改动过，内容不可信。', 'This record was altered after it was issued: its content cannot be trusted.'],
  UNTRUSTED: ['签发机构不在学分银行的可信名单中。', 'The issuer is not a trusted member of the credit bank.'],
  NO_MATCH: ['区块链上没有与这份内容相符的记录。', 'The ledger holds no record with this content.'],
  UNCHECKED: ['这份记录暂时无法完整核验：{0}', 'This record could not be fully checked: {0}'],
  onDate: ['{0}', ' on {0}'],
  unknownDate: ['此前', ''],
  noReason: ['未说明', 'not given'],
  institution: ['签发机构', 'Institution'],
  learner: ['学习者', 'Learner'],
  pseudonymous: ['匿名学习者', 'Pseudonymous learner'],
  account: ['学分银行账户 {0}', 'CreditBank account {0}'],
  achievement: ['学习成果', 'Achievement'],
  type: ['类型', 'Type'],
  field: ['专业领域', 'Field'],
  credits: ['学分', 'Credits'],
  hours: ['学时', 'Hours'],
  hoursValue: ['{0} 学时', '{0} hours'],
  level: ['等级', 'Level'],
  levelValue: ['第 {0} 级（资历框架）', 'Level {0} (qualifications framework)'],
  result: ['成绩', 'Result'],
  period: ['学习时间', 'Study period'],
  awarded: ['授予日期', 'Awarded on'],
  recognised: ['认定日期', 'Recognised on'],
  validUntil: ['有效期至', 'Valid until'],
  noEnd: ['长期有效', 'No end date'],
  evidence: ['证明材料', 'Evidence'],
  evidenceLink: ['查看证明材料', 'View the evidence'],
  evidenceKept: ['已存档，指纹 {0}…', 'Kept on file, fingerprint {0}…'],
  basedOn: ['依据：{0}', 'Based on: {0}'],
  justification: ['认定说明', 'Justification'],
  recognition: ['学分互认', 'Credit recognition'],
  technical: ['技术细节（供专业人员查看）', 'Technical details (for specialists)'],
  credentialId: ['凭证编号', 'Credential id'],
  issuerDid: ['签发机构标识（DID）', 'Issuer id (DID)'],
  keys: ['签名密钥', 'Signing keys'],
  recordId: ['区块链记录', 'Ledger record'],
  contentHash: ['内容哈希', 'Content hash'],
  checkedAt: ['核验时间', 'Checked at'],
  qrShare: ['扫码即可在手机上打开此页，并重新核验。', 'Scan to open this page on a phone and check again.'],
  qrVerify: ['扫码即可在手机上重新核验此凭证。', 'Scan to check this credential again on a phone.'],
  linkText: ['此页的链接', 'Link to this page'],
  print: ['打印 / 保存为 PDF', 'Print / save as PDF'],
  qrAlt: ['二维码：打开此页的链接', 'QR code: the link to this page'],
  paste: ['请先粘贴或上传凭证。', 'Paste or upload a credential first.'],
  failed: ['验证服务出错：{0}', 'The verification service failed: {0}'],
  unreachable: ['无法连接验证服务：{0}', 'Cannot reach the verification service: {0}'],
  badLink: ['链接中的凭证无法读取。', 'The credential in this link cannot be read.'],
  shareGone: ['这个分享链接已被学习者撤回、已过期，或不存在。请向学习者索取新的链接。', 'This share link was withdrawn by the learner, has expired, or does not exist. Ask the learner for a new link.'],
  PASSED: ['✔ 通过', '✔ Passed'], FAILED: ['✘ 未通过', '✘ Failed'], NOT_CHECKED: ['– 未检查', '– Not checked'],
};
const TYPES = {
  Course: ['课程', 'Course'], MicroCredential: ['微证书', 'Micro-credential'], Certification: ['职业技能证书', 'Skill certificate'],
  LearningProgram: ['企业培训', 'Enterprise training'], Award: ['竞赛获奖', 'Competition award'], Fieldwork: ['工作经历', 'Work experience'],
  Achievement: ['学分', 'Credit'],
};
const CHECKS = {
  WELL_FORMED: ['格式完整', 'Well-formed'], SIGNATURE: ['数字签名', 'Signature'], ISSUER_TRUSTED: ['签发机构可信', 'Trusted issuer'],
  VALIDITY_PERIOD: ['有效期', 'Validity period'], EDDSA_SIGNATURE: ['第二签名（Ed25519）', 'Second signature (Ed25519)'],
  EDDSA_KEY_REGISTERED: ['签名密钥已登记', 'Registered signing key'], REVOCATION: ['未被撤销', 'Not revoked'],
  SUSPENSION: ['未被暂停', 'Not suspended'], DISCLOSED_ENTRIES: ['成绩单条目', 'Transcript entries'], LEDGER_RECORD: ['区块链记录', 'Ledger record'],
};

// 0 Chinese, 1 English: ?lang=en or ?lang=zh, else the first of the browser's languages that is one of the two.
const asked = new URLSearchParams(location.search).get('lang');
let lang = asked ? (asked.startsWith('zh') ? 0 : 1)
  : ((navigator.languages || [navigator.language]).find((l) => /^(zh|en)/i.test(l)) || 'zh').toLowerCase().startsWith('zh') ? 0 : 1;
let view = null; // what is shown, re-rendered when the language changes

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => (T[key] || [key, key])[lang].replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
const pick = (pair) => (pair ? pair[lang] : '');

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/** A ledger or credential date as people write it ("2026年7月1日", "1 July 2026"); the day in UTC, as recorded. */
function day(iso) {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return isNaN(d) ? iso : d.toLocaleDateString(lang ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function moment(iso) {
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(lang ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' });
}

/** "中文名 (English name)" as the ledger registers it: the Chinese name, the English one below it. */
function institution(name) {
  const m = /^(.*) \((.*)\)$/.exec(name || '');
  const dd = el('dd', null, m ? m[1] : name);
  if (m) dd.append(el('div', 'sub', m[2]));
  return dd;
}

/**
 * The issuer's name: as the ledger registers it for the organisation that signed (the verdict's,
 * once that organisation is trusted), else as the credential writes it.
 */
function registeredName(vc, verdict) {
  return verdict.issuerName || (vc.issuer && vc.issuer.name) || '';
}

/** The issuer's name in the page's language: the English name of "中文名 (English name)" in English, when there is one. */
function issuerName(vc, verdict) {
  const name = registeredName(vc, verdict);
  const m = /^(.*) \((.*)\)$/.exec(name);
  return m ? m[1 + lang] : name;
}

/** What the verdict means for a person: [state, sentence]. The ledger's answer decides revoked, suspended, expired. */
function meaning(vc, verdict, standing) {
  const issuer = issuerName(vc, verdict);
  if (verdict.verdict === 'VALID') return ['VALID', t('validWhy', issuer, moment(verdict.checkedAt))];
  const ledger = (verdict.ledger || []).find((a) => a.verdict !== 'VALID');
  const failed = verdict.checks.find((c) => c.status === 'FAILED') || {};
  const state = ledger ? ledger.verdict
    : failed.check === 'REVOCATION' ? 'REVOKED'
    : failed.check === 'SUSPENSION' ? 'SUSPENDED'
    : failed.check === 'VALIDITY_PERIOD' ? 'EXPIRED'
    : ['WELL_FORMED', 'SIGNATURE', 'EDDSA_SIGNATURE', 'DISCLOSED_ENTRIES'].includes(failed.check) ? 'TAMPERED'
    : ['ISSUER_TRUSTED', 'EDDSA_KEY_REGISTERED'].includes(failed.check) ? 'UNTRUSTED' : 'UNCHECKED';
  const reason = (standing && standing.reason) || (ledger && ledger.statusReason) || t('noReason');
  const when = standing && standing.changedAt ? t('onDate', day(standing.changedAt)) : t('unknownDate');
  switch (state) {
    case 'REVOKED': case 'SUSPENDED': return [state, t(state, issuer, when, reason)];
    case 'EXPIRED': return [state, t('EXPIRED', day((standing && standing.lastValidDay) || lastDay(vc.validUntil)))];
    case 'TAMPERED': case 'UNTRUSTED': case 'NO_MATCH': return [state, t(state)];
    default: return [state, t('UNCHECKED', verdict.summary)];
  }
}

/** A credential's validUntil is the first instant after the last valid day. */
function lastDay(validUntil) {
  return validUntil ? new Date(Date.parse(validUntil) - 1).toISOString() : null;
}

function result(subject, achievement) {
  const r = (subject.result || [])[0];
  if (!r) return null;
  const scale = ((achievement.resultDescription || [])[0] || {}).name;
  if (scale === 'PASS_FAIL') return r.value === 'PASS' ? pick(['通过', 'Pass']) : pick(['未通过', 'Fail']);
  if (scale === 'PERCENTAGE') return r.value + ' / 100';
  if (scale === 'GRADE_POINT') return pick(['绩点 ', 'GPA ']) + r.value;
  return r.value;
}

function facts(vc, verdict, standing) {
  const subject = vc.credentialSubject || {};
  const a = subject.achievement || {};
  const evidence = Array.isArray(vc.evidence) ? vc.evidence : [];
  const isRecognition = evidence.some((e) => [].concat(e.type).includes('RecognisedOutcome'));
  const dl = el('dl', 'facts');
  const row = (key, value) => {
    if (value === null || value === undefined || value === '') return;
    dl.append(el('dt', null, t(key)), value instanceof Node ? value : el('dd', null, String(value)));
  };
  row('institution', institution(registeredName(vc, verdict)));
  const account = (subject.id || '').startsWith('urn:creditbank:account:') ? subject.id.slice(23)
    : ((subject.identifier || [])[0] || {}).identityHash;
  if (subject.name) {
    row('learner', subject.name);
  } else {
    const dd = el('dd', null, t('pseudonymous'));
    if (account) dd.append(el('div', 'sub', t('account', account)));
    row('learner', dd);
  }
  const type = pick(TYPES[a.achievementType]) || a.achievementType;
  row('type', isRecognition ? t('recognition') + (type ? (lang ? ' (' + type + ')' : '（' + type + '）') : '') : type);
  row('field', a.fieldOfStudy);
  row('credits', subject.creditsEarned);
  if (standing && standing.hours) row('hours', t('hoursValue', standing.hours));
  if (standing && standing.level) row('level', t('levelValue', standing.level));
  row('result', result(subject, a));
  if (subject.activityStartDate) row('period', day(subject.activityStartDate) + ' – ' + day(subject.activityEndDate));
  row(isRecognition ? 'recognised' : 'awarded', day(vc.validFrom));
  row('validUntil', vc.validUntil ? day((standing && standing.lastValidDay) || lastDay(vc.validUntil)) : t('noEnd'));
  const proofs = el('dd');
  evidence.forEach((e) => {
    const types = [].concat(e.type);
    if (types.includes('RecognisedOutcome')) {
      proofs.append(el('div', null, t('basedOn', e.description || e.name)));
    } else if (!types.includes('LedgerRecord')) {
      const item = el('div');
      if (/^https?:\/\//.test(e.id || '')) {
        const link = el('a', null, t('evidenceLink'));
        link.href = e.id;
        link.rel = 'noopener noreferrer';
        item.append(link);
      } else if (e.evidenceHash) {
        item.textContent = t('evidenceKept', e.evidenceHash.slice(0, 12));
      }
      proofs.append(item);
    } else if (e.narrative) {
      row('justification', e.narrative);
    }
  });
  if (proofs.childNodes.length) row('evidence', proofs);
  return dl;
}

function technical(vc, verdict, single) {
  const details = el('details');
  details.append(el('summary', null, t('technical')));
  const dl = el('dl', 'facts');
  const ledgerRecord = (Array.isArray(vc.evidence) ? vc.evidence : []).find((e) => e.ledgerRecordId) || {};
  const keys = [].concat(vc.proof || []).map((p) => p.verificationMethod + ' (' + p.cryptosuite + ')').join('\n');
  [['credentialId', vc.id], ['issuerDid', vc.issuer && vc.issuer.id], ['keys', keys],
    ['recordId', ledgerRecord.ledgerRecordId], ['contentHash', ledgerRecord.contentHash], ['checkedAt', verdict.checkedAt]]
    .filter(([, v]) => v).forEach(([k, v]) => dl.append(el('dt', null, t(k)), el('dd', 'mono', v)));
  const table = el('table');
  const body = el('tbody', 'checks');
  if (single) body.id = 'checks';
  verdict.checks.forEach((c) => {
    const tr = el('tr');
    tr.dataset.check = c.check;
    tr.dataset.status = c.status;
    tr.append(el('td', null, pick(CHECKS[c.check]) || c.check), el('td', 'status ' + c.status, t(c.status)),
      el('td', 'mono', c.reason));
    body.append(tr);
  });
  table.append(body);
  details.append(dl, table);
  return details;
}

function record(vc, verdict, standing, single) {
  const article = el('article', 'record');
  const [state, sentence] = meaning(vc, verdict, standing);
  const box = el('div', 'verdict');
  box.dataset.verdict = verdict.verdict;
  box.dataset.state = state;
  box.setAttribute('role', 'status');
  const why = el('div', 'why', sentence);
  if (single) {
    box.id = 'verdict';
    why.id = 'summary';
  }
  box.append(el('div', 'headline', t(verdict.verdict === 'VALID' ? 'valid' : 'invalid')), why);
  const a = (vc.credentialSubject || {}).achievement || {};
  const title = el('h2', null, a.name || vc.name || '');
  if (a.humanCode) title.append(' ', el('span', 'sub', a.humanCode));
  article.append(box, title, facts(vc, verdict, standing), technical(vc, verdict, single));
  return article;
}

function render() {
  document.documentElement.lang = lang ? 'en' : 'zh-CN';
  document.title = t('title');
  $('title').textContent = t('title');
  $('lang').textContent = t('other');
  $('lang').lang = lang ? 'zh-CN' : 'en';
  $('paste-label').textContent = t('pasteLabel');
  $('verify-button').textContent = t('verifyButton');
  $('file-label').textContent = t('fileLabel');
  $('print').textContent = t('print');
  $('qr').alt = t('qrAlt');
  $('link').textContent = t('linkText');
  if (!view) {
    $('intro').textContent = shareId ? '' : t('introVerify');
    return;
  }
  if (view.error) {
    $('error').textContent = t(view.error, view.detail);
    $('error').hidden = false;
    $('records').replaceChildren();
    $('qr-box').hidden = true;
    return;
  }
  $('error').hidden = true;
  const doc = view.document;
  $('intro').textContent = doc.id ? (doc.recipient ? t('sharedWith', doc.recipient) : '')
    + t('introShare', doc.records.length) + (doc.expiresAt ? ' ' + t('linkUntil', moment(doc.expiresAt)) : '') : t('introVerify');
  const single = doc.records.length === 1;
  $('records').replaceChildren(...doc.records.map((r) => record(r.credential, r.verdict, r.standing, single)));
  $('qr-text').textContent = t(doc.id ? 'qrShare' : 'qrVerify');
}

function showError(key, detail) {
  view = { error: key, detail };
  render();
}

async function verify() {
  const text = $('credential-input').value.trim();
  if (!text) return showError('paste');
  let vc;
  try {
    vc = JSON.parse(text);
  } catch (e) {
    vc = {};
  }
  try {
    const response = await fetch('/api/v1/credentials/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
    const verdict = await response.json();
    if (!response.ok) return showError('failed', verdict.detail || response.status);
    const records = vc.transcript ? (vc.disclosures || []).map((d) => ({ credential: entryAsCredential(vc, d),
      verdict: entryVerdict(verdict, (d.entry || {}).recordId) })) : [{ credential: vc, verdict }];
    view = { document: { records } };
    render();
    showQr(text, verdict.link);
  } catch (e) {
    showError('unreachable', e.message);
  }
}

/** The verdict on one disclosed entry: the transcript's own checks, and the ledger's answer on this entry's record. */
function entryVerdict(verdict, recordId) {
  const checks = verdict.checks.filter((c) => c.check !== 'LEDGER_RECORD' || c.reason.startsWith(recordId + ':'));
  const valid = checks.every((c) => c.status !== 'FAILED') && checks.some((c) => c.check === 'LEDGER_RECORD' && c.status === 'PASSED');
  return { ...verdict, verdict: valid ? 'VALID' : 'INVALID', checks, ledger: (verdict.ledger || []).filter((a) => a.recordId === recordId) };
}

/** A disclosed transcript entry shown like a credential: its content, signed by the transcript's issuer. */
function entryAsCredential(presentation, disclosure) {
  const signed = presentation.transcript || {};
  const content = ((disclosure.entry || {}).content) || {};
  const draft = content.draft || {};
  return {
    id: signed.id, issuer: signed.issuer, proof: signed.proof, validFrom: signed.validFrom,
    credentialSubject: {
      id: signed.credentialSubject && signed.credentialSubject.id,
      creditsEarned: draft.credits ?? content.credits,
      achievement: { name: draft.achievementTitle || (content.target || {}).title, humanCode: draft.achievementCode },
    },
    evidence: [{ type: ['Evidence', 'LedgerRecord'], ledgerRecordId: disclosure.entry && disclosure.entry.recordId, contentHash: disclosure.entry && disclosure.entry.contentHash }],
  };
}

async function showQr(text, link) {
  $('qr-box').hidden = true;
  if (!link) return;
  const response = await fetch('/api/v1/credentials/qr', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
  if (!response.ok) return; // too large for a QR code: the check itself is still shown
  $('qr').src = URL.createObjectURL(await response.blob());
  $('link').href = link;
  $('qr-box').hidden = false;
}

async function openShare(id) {
  try {
    const response = await fetch('/api/v1/shares/' + encodeURIComponent(id) + '/document');
    const body = await response.json();
    if (response.status === 404) return showError('shareGone');
    if (!response.ok) return showError('failed', body.detail || response.status);
    view = { document: body };
    render();
    $('qr').src = '/api/v1/shares/' + encodeURIComponent(id) + '/qr';
    $('link').href = body.link;
    $('qr-box').hidden = false;
  } catch (e) {
    showError('unreachable', e.message);
  }
}

async function fromLink(encoded) {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Response(stream).text();
}

const shareId = (/^\/s\/([A-Za-z0-9_-]+)$/.exec(location.pathname) || [])[1];
$('lang').addEventListener('click', () => { lang = 1 - lang; render(); });
$('print').addEventListener('click', () => window.print());
$('verify-button').addEventListener('click', verify);
$('credential-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  $('credential-input').value = await file.text();
  verify();
});
render();
if (shareId) {
  openShare(shareId);
} else {
  $('paste').hidden = false;
  const encoded = new URLSearchParams(location.search).get('credential');
  if (encoded) {
    fromLink(encoded)
      .then((json) => { $('credential-input').value = json; return verify(); })
      .catch(() => showError('badLink'));
  }
}
