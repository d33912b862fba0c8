// The verification page: sends the document to POST /api/v1/credentials/verify and shows each check
// in Chinese and English. A link /verify?credential=<zlib + base64url JSON> opens with it filled in.
'use strict';

const CHECKS = {
  WELL_FORMED: ['格式完整', 'Well-formed', '是一份完整的可验证凭证', 'a complete verifiable credential'],
  SIGNATURE: ['数字签名', 'Signature', '内容自签发后未被改动', 'the content is exactly what the issuer signed'],
  ISSUER_TRUSTED: ['签发机构可信', 'Trusted issuer', '签名密钥由学分银行成员机构的 CA 认证', 'the signing key is certified by a member institution\'s CA'],
  VALIDITY_PERIOD: ['有效期', 'Validity period', '当前在有效期内', 'it is within its validity period'],
  EDDSA_SIGNATURE: ['第二签名（Ed25519）', 'Second signature (Ed25519)', '钱包常用的 eddsa-rdfc-2022 签名同样有效', 'the eddsa-rdfc-2022 signature wallets use is valid too'],
  EDDSA_KEY_REGISTERED: ['签名密钥已登记', 'Registered signing key', 'Ed25519 密钥由该机构管理员登记在区块链上，签名时有效', 'the Ed25519 key was registered on the ledger by the institution\'s admin and in force when it signed'],
  REVOCATION: ['未被撤销', 'Not revoked', '签发机构的撤销列表中没有此凭证', 'the issuer\'s revocation list does not include it'],
  SUSPENSION: ['未被暂停', 'Not suspended', '签发机构的暂停列表中没有此凭证', 'the issuer\'s suspension list does not include it'],
  DISCLOSED_ENTRIES: ['成绩单条目', 'Transcript entries', '出示的条目都属于签名的成绩单，签发时有效', 'every shown entry belongs to the signed transcript and was in force when signed'],
  LEDGER_RECORD: ['区块链记录', 'Ledger record', '与区块链上的记录一致且仍然有效', 'it matches the record on the ledger, which is still in force'],
};
const FAILED_MEANING = {
  WELL_FORMED: ['这不是一份完整的凭证', 'This is not a complete credential'],
  SIGNATURE: ['凭证内容在签发后被篡改，或并非由该机构签发', 'The credential was altered after signing, or not signed by this institution'],
  ISSUER_TRUSTED: ['签发机构不在学分银行的信任名单中', 'The issuer is not a trusted member of the credit bank'],
  VALIDITY_PERIOD: ['凭证已过期或尚未生效', 'The credential has expired or is not yet valid'],
  EDDSA_SIGNATURE: ['Ed25519 签名与内容不符', 'The Ed25519 signature does not match the credential'],
  EDDSA_KEY_REGISTERED: ['Ed25519 密钥未在区块链上登记，或签名时已停用', 'The Ed25519 key is not registered on the ledger, or was retired when it signed'],
  REVOCATION: ['签发机构已撤销此凭证', 'The issuer has revoked this credential'],
  SUSPENSION: ['签发机构已暂停此凭证', 'The issuer has suspended this credential'],
  DISCLOSED_ENTRIES: ['出示的条目不属于签名的成绩单，或已失效', 'A shown entry is not part of the signed transcript, or is not in force'],
  LEDGER_RECORD: ['区块链上的记录不支持此凭证', 'The record on the ledger does not support this credential'],
};
const STATUS = { PASSED: '✔ 通过 Passed', FAILED: '✘ 未通过 Failed', NOT_CHECKED: '– 未检查 Not checked' };

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

async function verify() {
  const text = $('credential-input').value.trim();
  $('error').hidden = true;
  if (!text) {
    showError('请先粘贴或上传凭证。 Paste or upload a credential first.');
    return;
  }
  try {
    const response = await fetch('/api/v1/credentials/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
    const body = await response.json();
    if (!response.ok) {
      showError('验证服务出错 The verification service failed: ' + (body.detail || response.status));
      return;
    }
    show(body);
    showQr(text, body.link);
  } catch (e) {
    showError('无法连接验证服务 Cannot reach the verification service: ' + e.message);
  }
}

function show(report) {
  const valid = report.verdict === 'VALID';
  const verdict = $('verdict');
  verdict.dataset.verdict = report.verdict;
  verdict.textContent = valid ? '✔ 有效 VALID' : '✘ 无效 INVALID';
  const firstFailed = report.checks.find((c) => c.status === 'FAILED');
  const summary = $('summary');
  summary.replaceChildren();
  if (firstFailed && FAILED_MEANING[firstFailed.check]) {
    const [zh, en] = FAILED_MEANING[firstFailed.check];
    summary.append(el('div', null, zh), el('div', 'en', en));
  } else if (valid) {
    summary.append(el('div', null, '由可信机构签发，内容未被改动，区块链记录仍然有效。'),
      el('div', 'en', 'Issued by a trusted institution, unchanged, and still in force on the ledger.'));
  }
  summary.append(el('div', 'reason', report.summary));
  const rows = report.checks.map((c) => {
    const [zh, en, zhPassed, enPassed] = CHECKS[c.check] || [c.check, c.check, '', ''];
    const [zhMeaning, enMeaning] = c.status === 'PASSED' ? [zhPassed, enPassed]
      : c.status === 'FAILED' ? (FAILED_MEANING[c.check] || ['', ''])
      : ['无法检查，原因如下', 'Could not be checked, because'];
    const tr = el('tr');
    tr.dataset.check = c.check;
    tr.dataset.status = c.status;
    const name = el('td');
    name.append(el('div', null, zh), el('div', 'en', en));
    const detail = el('td');
    detail.append(el('div', null, zhMeaning), el('div', 'en', enMeaning), el('div', 'reason', c.reason));
    tr.append(name, el('td', 'status ' + c.status, STATUS[c.status] || c.status), detail);
    return tr;
  });
  $('checks').replaceChildren(...rows);
  $('result').hidden = false;
}

async function showQr(text, link) {
  $('share').hidden = true;
  if (!link) return;
  const response = await fetch('/api/v1/credentials/qr', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
  if (!response.ok) return; // too large for a QR code: the check itself is still shown
  $('qr').src = URL.createObjectURL(await response.blob());
  $('link').href = link;
  $('share').hidden = false;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
  $('result').hidden = true;
}

async function fromLink(encoded) {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Response(stream).text();
}

$('verify-button').addEventListener('click', verify);
$('credential-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  $('credential-input').value = await file.text();
  verify();
});

const encoded = new URLSearchParams(location.search).get('credential');
if (encoded) {
  fromLink(encoded)
    .then((json) => { $('credential-input').value = json; return verify(); })
    .catch(() => showError('链接中的凭证无法读取。 The credential in this link cannot be read.'));
}
