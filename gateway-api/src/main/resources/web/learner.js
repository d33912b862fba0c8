// The learner's pages: /activate redeems a code for a token kept in this browser; /account shows the
// account with that token. Everything is built with textContent (never HTML from data), and the
// whole account comes from one transcript request plus one per institution and per followed
// qualification, never one per record.
(function () {
  'use strict';
  var KEY = 'creditbank.learner';
  var FOLLOWED = 'creditbank.followed';
  var STATUS = { ACTIVE: '有效 Active', SUSPENDED: '暂停 Suspended', REVOKED: '已撤销 Revoked' };
  var KIND = { COURSE: '课程 Course', MICRO_CREDENTIAL: '微证书 Micro-credential',
    SKILL_CERTIFICATE: '职业技能证书 Skill certificate', ENTERPRISE_TRAINING: '企业培训 Enterprise training',
    COMPETITION_AWARD: '竞赛获奖 Competition award', WORK_EXPERIENCE: '工作经历 Work experience' };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function saved() {
    try { return JSON.parse(localStorage.getItem(KEY)); } catch (e) { return null; }
  }
  function showError(text) { var e = $('error'); e.textContent = text; e.hidden = false; }
  function problemText(p, status) {
    if (p && p.code === 'ACTIVATION_NOT_VALID') {
      return '激活码无效、已使用或已过期，请向学校索取新的激活码。 This code is unknown, already used or expired: ask your institution for a new one.';
    }
    if (p && p.code === 'RATE_LIMITED') {
      return '尝试次数过多，请稍后再试。 Too many attempts; try again later. (' + (p.detail || '') + ')';
    }
    if (status === 401) { return '此设备的令牌已失效，请重新激活。 The token on this device no longer works; activate again.'; }
    return '出错了 Something went wrong: ' + ((p && p.detail) || ('HTTP ' + status));
  }
  function api(method, path, body, anonymous) {
    var s = anonymous ? null : saved();
    var headers = { Accept: 'application/json' };
    if (s) { headers.Authorization = 'Bearer ' + s.token; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = null;
          try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
          if (!r.ok) { var err = new Error(problemText(json, r.status)); err.status = r.status; throw err; }
          return json;
        });
      });
  }

  // ---- /activate
  function activatePage() {
    var form = $('activate-form');
    function redeem(code) {
      $('error').hidden = true;
      $('activate-button').disabled = true;
      // A spent link opened again must not sign out the learner who already used it: replaced only on success.
      api('POST', '/api/v1/activations/redeem', { code: code }, true).then(function (signIn) {
        localStorage.setItem(KEY, JSON.stringify(signIn));
        $('token').textContent = signIn.token;
        form.hidden = true;
        $('done').hidden = false;
        $('open-account').focus();
      }).catch(function (e) { showError(e.message); }).then(function () { $('activate-button').disabled = false; });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); redeem($('code').value); });
    var fromLink = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (fromLink) {
      history.replaceState(null, '', location.pathname); // the code is spent: keep it out of history
      $('code').value = fromLink;
      redeem(fromLink);
    }
  }

  // ---- /account
  function followed() {
    try { return JSON.parse(localStorage.getItem(FOLLOWED)) || []; } catch (e) { return []; }
  }
  function date(text) { return text ? String(text).substring(0, 10) : ''; }
  function credits(n) { return (n === null || n === undefined) ? '—' : String(n); }

  function accountPage() {
    var s = saved();
    if (!s) { $('signed-out').hidden = false; return; }
    $('account-no').textContent = s.accountNo;
    $('sign-out').addEventListener('click', function () { localStorage.removeItem(KEY); location.href = '/activate'; });
    $('revoke').addEventListener('click', function () {
      api('POST', '/api/v1/tokens/me/revoke').then(function () {
        localStorage.removeItem(KEY);
        location.href = '/activate';
      }).catch(function (e) { showError(e.message); });
    });
    $('follow-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var list = followed();
      var owner = $('follow-owner').value.trim();
      var code = $('follow-code').value.trim();
      if (!list.some(function (q) { return q.owner === owner && q.code === code; })) {
        list.push({ owner: owner, code: code });
        localStorage.setItem(FOLLOWED, JSON.stringify(list));
      }
      showProgress(s.accountNo);
    });
    api('GET', '/api/v1/learners/' + encodeURIComponent(s.accountNo) + '/transcript').then(function (t) {
      var ids = {};
      t.outcomes.forEach(function (o) { ids[o.issuer] = true; });
      t.recognitions.forEach(function (r) { ids[r.recognition.recogniser] = true; });
      var names = {};
      return Promise.all(Object.keys(ids).map(function (id) {
        return api('GET', '/api/v1/institutions/' + encodeURIComponent(id))
          .then(function (i) { names[id] = i.profile && i.profile.name ? i.profile.name : id; })
          .catch(function () { names[id] = id; });
      })).then(function () { show(t, names); });
    }).catch(function (e) {
      showError(e.message);
      if (e.status === 401) { localStorage.removeItem(KEY); $('signed-out').hidden = false; }
    });
    showProgress(s.accountNo);
  }

  function show(t, names) {
    function name(id) { return names[id] || id; }
    $('earned').textContent = credits(t.totals.earnedCredits);
    $('recognised').textContent = credits(t.totals.recognisedCredits);
    $('count').textContent = t.outcomes.length;
    var rows = $('by-institution').tBodies[0];
    Object.keys(t.totals.byInstitution).forEach(function (id) {
      var tr = el('tr');
      var b = t.totals.byInstitution[id];
      tr.appendChild(el('td', null, name(id)));
      tr.appendChild(el('td', null, '获得 earned ' + credits(b.earned)));
      tr.appendChild(el('td', null, '认定 recognised ' + credits(b.recognised)));
      rows.appendChild(tr);
    });
    var titles = {};
    var list = $('outcomes');
    if (!t.outcomes.length) { list.appendChild(el('p', 'meta', '还没有学习成果。 No outcomes yet.')); }
    var fragment = document.createDocumentFragment();
    t.outcomes.forEach(function (o) {
      titles[o.id] = o.draft.achievementTitle + ' · ' + name(o.issuer);
      fragment.appendChild(outcomeCard(o, name(o.issuer)));
    });
    list.appendChild(fragment);
    var recs = $('recognitions');
    if (!t.recognitions.length) { recs.appendChild(el('p', 'meta', '还没有学分认定。 No recognitions yet.')); }
    t.recognitions.forEach(function (v) {
      var r = v.recognition;
      var card = el('article', 'card record');
      card.appendChild(el('span', 'credits', credits(r.credits) + ' 学分'));
      card.appendChild(el('h3', null, (r.target && (r.target.title || r.target.category)) || r.id));
      card.appendChild(el('div', 'meta', '认定机构 Recognised by ' + name(r.recogniser) + ' · ' + date(r.recognisedAt)));
      card.appendChild(el('span', 'status ' + v.effectiveStatus, STATUS[v.effectiveStatus] || v.effectiveStatus));
      var src = el('ul', 'meta');
      r.request.sourceOutcomeIds.forEach(function (id) {
        src.appendChild(el('li', null, '来源 Source: ' + (titles[id] || id) + ' (' + (STATUS[v.sourceStatus[id]] || v.sourceStatus[id]) + ')'));
      });
      card.appendChild(src);
      recs.appendChild(card);
    });
    $('account').hidden = false;
  }

  function outcomeCard(o, institution) {
    var d = o.draft;
    var card = el('article', 'card record');
    card.dataset.outcome = o.id;
    card.appendChild(el('span', 'credits', credits(d.credits) + ' 学分'));
    card.appendChild(el('h3', null, d.achievementTitle));
    card.appendChild(el('div', 'meta', institution + ' · ' + (KIND[d.kind] || d.kind) + ' · ' + date(o.awardedAt)
      + (d.result ? ' · ' + d.result.value + (d.result.scale === 'PERCENTAGE' ? '%' : '') : '')));
    card.appendChild(el('span', 'status ' + o.status, STATUS[o.status] || o.status));
    if (o.statusReason) { card.appendChild(el('div', 'meta', o.statusReason)); }
    if (o.status === 'ACTIVE') {
      var row = el('div');
      var download = el('button', 'quiet', '下载凭证 Download credential');
      download.type = 'button';
      download.addEventListener('click', function () { downloadCredential(o.id); });
      var wallet = el('button', 'quiet', '添加到钱包 Add to wallet');
      wallet.type = 'button';
      var links = el('div', 'wallet');
      links.hidden = true;
      wallet.addEventListener('click', function () { walletOffer(o.id, links); });
      row.appendChild(download);
      row.appendChild(wallet);
      card.appendChild(row);
      card.appendChild(links);
    }
    return card;
  }

  function downloadCredential(id) {
    api('GET', '/api/v1/outcomes/' + encodeURIComponent(id) + '/credential').then(function (credential) {
      var blob = new Blob([JSON.stringify(credential, null, 1)], { type: 'application/json' });
      var a = el('a');
      a.href = URL.createObjectURL(blob);
      a.download = id.replace(/[^A-Za-z0-9._-]/g, '_') + '.credential.json';
      document.body.appendChild(a);
      a.click();
      a.remove();
    }).catch(function (e) { showError(e.message); });
  }

  function walletOffer(id, box) {
    api('POST', '/api/v1/outcomes/' + encodeURIComponent(id) + '/wallet-offers').then(function (offer) {
      box.textContent = '';
      var until = new Date(offer.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      box.appendChild(el('p', 'meta', '在手机上用钱包应用打开（' + until + ' 前有效，只能领取一次）。'
        + ' Open it with your wallet app (one-time, valid until ' + until + ').'));
      [['OpenID4VCI 钱包 wallet', offer.credentialOffer], ['Learner Credential Wallet', offer.learnerCredentialWallet]]
        .forEach(function (link) {
          var a = el('a', null, link[0]);
          a.href = link[1];
          box.appendChild(a);
        });
      box.hidden = false;
    }).catch(function (e) { showError(e.message); });
  }

  function showProgress(accountNo) {
    var box = $('progress');
    var list = followed();
    box.textContent = '';
    if (!list.length) {
      box.appendChild(el('p', 'meta', '尚未关注任何资格：填写学校给出的资格代码。 No qualification followed yet: enter the code your institution gives.'));
    }
    list.forEach(function (q) {
      var card = el('article', 'card record');
      card.appendChild(el('h3', null, q.code + ' · ' + q.owner));
      box.appendChild(card);
      var base = '/api/v1/qualifications/' + encodeURIComponent(q.owner) + '/' + encodeURIComponent(q.code);
      Promise.all([api('GET', base), api('GET', base + '/progress/' + encodeURIComponent(accountNo))]).then(function (r) {
        var terms = r[0].terms;
        var p = r[1];
        card.firstChild.textContent = terms.title + ' (' + q.code + ')';
        card.dataset.qualification = q.code;
        var bar = el('progress');
        bar.max = Number(terms.totalCredits);
        bar.value = Math.min(Number(p.totalCredits), Number(terms.totalCredits));
        bar.setAttribute('aria-label', p.totalCredits + ' / ' + terms.totalCredits);
        card.appendChild(bar);
        card.appendChild(el('div', 'meta', (p.complete ? '已满足全部要求 Complete' : '已累计 Accumulated') + ': '
          + p.totalCredits + ' / ' + terms.totalCredits + ' 学分 credits'));
        var missing = el('ul', 'meta');
        p.missing.forEach(function (m) {
          missing.appendChild(el('li', null, '尚缺 Missing: ' + m.requirement + ' — ' + m.have + ' / ' + m.required));
        });
        card.appendChild(missing);
      }).catch(function (e) { card.appendChild(el('p', 'error', e.message)); });
    });
  }

  if (document.body.dataset.page === 'activate') { activatePage(); } else { accountPage(); }
}());
