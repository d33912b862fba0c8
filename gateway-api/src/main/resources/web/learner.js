// The learner's pages: /activate redeems a code for a token kept in this browser; /account shows the
// account with that token. Everything is built with textContent (never HTML from data), and the
// whole account comes from one transcript request plus one per institution and per followed
// qualification, never one per record; the share and application lists are one request each.
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
    if (p && p.title) { return p.title + (p.detail ? ' (' + p.detail + ')' : ''); }
    return '出错了 Something went wrong: HTTP ' + status;
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
    Promise.all([api('GET', '/api/v1/learners/' + encodeURIComponent(s.accountNo) + '/transcript'),
      api('GET', '/api/v1/institutions/me')]).then(function (answers) {
      var t = answers[0];
      var own = answers[1].mspId;
      var ids = {};
      t.outcomes.forEach(function (o) { ids[o.issuer] = true; });
      t.recognitions.forEach(function (r) { ids[r.recognition.recogniser] = true; });
      var names = {};
      names[own] = institutionName(answers[1], own);
      return Promise.all(Object.keys(ids).filter(function (id) { return id !== own; }).map(function (id) {
        return api('GET', '/api/v1/institutions/' + encodeURIComponent(id))
          .then(function (i) { names[id] = institutionName(i, id); })
          .catch(function () { names[id] = id; });
      })).then(function () {
        show(t, names);
        var view = { accountNo: s.accountNo, own: own, transcript: t, names: names };
        sharing(view);
        applying(view);
      });
    }).catch(function (e) {
      showError(e.message);
      if (e.status === 401) { localStorage.removeItem(KEY); $('signed-out').hidden = false; }
    });
    showProgress(s.accountNo);
  }

  function institutionName(i, id) { return i.profile && i.profile.name ? i.profile.name : id; }

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

  /** The name is on a credential only when the learner ticks the box (downloads and wallet offers alike). */
  function nameChoice() {
    return $('with-name').checked ? '?withName=true' : '';
  }
  var NO_NAME_HELD = '学校没有保存你的姓名（或已按你的要求删除）。请取消勾选“写我的姓名”后再试。'
    + ' Your institution holds no name for you (or erased it at your request): untick the box and try again.';

  function downloadCredential(id) {
    var named = nameChoice();
    api('GET', '/api/v1/outcomes/' + encodeURIComponent(id) + '/credential' + named).then(function (credential) {
      var blob = new Blob([JSON.stringify(credential, null, 1)], { type: 'application/json' });
      var a = el('a');
      a.href = URL.createObjectURL(blob);
      a.download = id.replace(/[^A-Za-z0-9._-]/g, '_') + '.credential.json';
      document.body.appendChild(a);
      a.click();
      a.remove();
    }).catch(function (e) {
      showError(named && e.status === 404 ? NO_NAME_HELD : e.message);
    });
  }

  function walletOffer(id, box) {
    var named = nameChoice();
    api('POST', '/api/v1/outcomes/' + encodeURIComponent(id) + '/wallet-offers' + named).then(function (offer) {
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
    }).catch(function (e) { showError(named && e.status === 404 ? NO_NAME_HELD : e.message); });
  }

  // ---- sharing: this institution signs only its own records, so only those can be chosen.
  var SHARE_STATE = { OPEN: '有效 Open', EXPIRED: '已过期 Expired', WITHDRAWN: '已撤回 Withdrawn' };
  var APPLICATION_STATUS = { PENDING: '待审核 Pending', APPROVED: '已认定 Approved', REJECTED: '未通过 Rejected',
    WITHDRAWN: '已撤回 Withdrawn' };

  /** A checkbox with its label, for one record the learner may choose; value is the record's id. */
  function choice(name, id, text) {
    var label = el('label', 'choice');
    var box = el('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = id;
    label.appendChild(box);
    label.appendChild(el('span', null, text));
    return label;
  }
  function chosen(form, name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name=' + name + ']:checked'))
      .map(function (b) { return b.value; });
  }
  function formProblem(form, text) {
    var p = form.querySelector('.error');
    p.textContent = text || '';
    p.hidden = !text;
  }
  function ownNames(view) {
    Array.prototype.forEach.call(document.querySelectorAll('.own-name'), function (e) {
      e.textContent = ' ' + view.names[view.own] + ' ';
    });
  }

  function sharing(view) {
    ownNames(view);
    var t = view.transcript;
    var form = $('share-form');
    var box = $('share-choices');
    t.outcomes.filter(function (o) { return o.issuer === view.own && o.status === 'ACTIVE'; }).forEach(function (o) {
      box.appendChild(choice('outcome', o.id, o.draft.achievementTitle + ' · ' + credits(o.draft.credits) + ' 学分 · '
        + date(o.awardedAt)));
    });
    t.recognitions.filter(function (v) {
      return v.recognition.recogniser === view.own && v.effectiveStatus === 'ACTIVE';
    }).forEach(function (v) {
      var r = v.recognition;
      box.appendChild(choice('recognition', r.id, '认定 Recognition: ' + ((r.target && (r.target.title || r.target.category))
        || r.id) + ' · ' + credits(r.credits) + ' 学分'));
    });
    if (!box.childNodes.length) {
      box.appendChild(el('p', 'meta', '本机构还没有可分享的记录。 No record of this institution to share yet.'));
      form.querySelector('button[type=submit]').disabled = true;
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { outcomeIds: chosen(form, 'outcome'), recognitionIds: chosen(form, 'recognition') };
      if (!body.outcomeIds.length && !body.recognitionIds.length) {
        formProblem(form, '请至少选择一条记录。 Choose at least one record.');
        return;
      }
      var recipient = $('share-recipient').value.trim();
      if (recipient) { body.recipient = recipient; }
      formProblem(form, null);
      api('POST', '/api/v1/shares', body).then(function (created) {
        $('share-link').value = created.link;
        $('copied').textContent = '';
        $('share-qr').src = '/api/v1/shares/' + encodeURIComponent(created.share.id) + '/qr';
        $('share-made').hidden = false;
        $('share-link').focus();
        $('share-link').select();
        listShares();
      }).catch(function (e) { formProblem(form, e.message); });
    });
    $('copy-link').addEventListener('click', function () {
      var link = $('share-link');
      var done = function () { $('copied').textContent = '已复制 Copied'; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link.value).then(done, function () { link.select(); });
      } else {
        link.select(); // plain http: the learner copies the selected link with the phone's own menu
        $('copied').textContent = document.execCommand('copy') ? '已复制 Copied' : '请长按复制 Press and hold to copy';
      }
    });
    listShares();
  }

  function listShares() {
    var box = $('shares');
    api('GET', '/api/v1/shares').then(function (shares) {
      box.textContent = '';
      if (!shares.length) { box.appendChild(el('p', 'meta', '还没有分享。 Nothing shared yet.')); }
      shares.forEach(function (sh) {
        var card = el('article', 'card record');
        card.dataset.share = sh.id;
        card.appendChild(el('h3', null, sh.recipient || '未注明对象 No recipient given'));
        card.appendChild(el('span', 'status ' + sh.state, SHARE_STATE[sh.state] || sh.state));
        var count = sh.outcomeIds.length + sh.recognitionIds.length;
        card.appendChild(el('div', 'meta', count + ' 条记录 records · 创建 created ' + date(sh.createdAt) + ' · '
          + (sh.expiresAt ? '到期 expires ' + date(sh.expiresAt) : '撤回前有效 until withdrawn')));
        card.appendChild(el('div', 'meta', '已被打开 ' + sh.openCount + ' 次 · opened ' + sh.openCount + ' times'
          + (sh.lastOpenedAt ? ' · 最近 last ' + date(sh.lastOpenedAt) : '')
          + (sh.withdrawnAt ? ' · 撤回 withdrawn ' + date(sh.withdrawnAt) : '')));
        if (sh.state === 'OPEN') {
          var a = el('a', 'link', sh.link);
          a.href = sh.link;
          card.appendChild(a);
          var withdraw = el('button', 'quiet', '撤回分享 Withdraw');
          withdraw.type = 'button';
          withdraw.addEventListener('click', function () {
            withdraw.disabled = true;
            api('POST', '/api/v1/shares/' + encodeURIComponent(sh.id) + '/withdraw').then(listShares)
              .catch(function (e) { withdraw.disabled = false; card.appendChild(el('p', 'error', e.message)); });
          });
          card.appendChild(withdraw);
        }
        box.appendChild(card);
      });
    }).catch(function (e) { box.textContent = ''; box.appendChild(el('p', 'error', e.message)); });
  }

  // ---- applying: the learner asks this institution to recognise outcomes earned elsewhere.
  function applying(view) {
    var t = view.transcript;
    var form = $('apply-form');
    var box = $('apply-choices');
    t.outcomes.filter(function (o) { return o.issuer !== view.own && o.status === 'ACTIVE'; }).forEach(function (o) {
      box.appendChild(choice('source', o.id, o.draft.achievementTitle + ' · ' + view.names[o.issuer] + ' · '
        + credits(o.draft.credits) + ' 学分'));
    });
    if (!box.childNodes.length) {
      box.appendChild(el('p', 'meta', '没有其他机构的有效成果可申请认定。 No valid outcome from another institution to apply with.'));
      form.querySelector('button[type=submit]').disabled = true;
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { sourceOutcomeIds: chosen(form, 'source') };
      if (!body.sourceOutcomeIds.length) {
        formProblem(form, '请至少选择一项成果。 Choose at least one outcome.');
        return;
      }
      var statement = $('apply-statement').value.trim();
      if (statement) { body.statement = statement; }
      formProblem(form, null);
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      api('POST', '/api/v1/recognition-applications', body).then(function () {
        form.reset();
        listApplications(view);
      }).catch(function (e) { formProblem(form, e.message); }).then(function () { button.disabled = false; });
    });
    listApplications(view);
  }

  /** An outcome already in a pending or approved application is not offered again: it says so instead. */
  function applied(list) {
    var taken = {};
    list.filter(function (a) { return a.status === 'PENDING' || a.status === 'APPROVED'; }).forEach(function (a) {
      a.request.sourceOutcomeIds.forEach(function (id) { taken[id] = APPLICATION_STATUS[a.status]; });
    });
    Array.prototype.forEach.call(document.querySelectorAll('#apply-choices input[name=source]'), function (box) {
      var label = box.parentNode;
      var note = label.querySelector('.note');
      box.disabled = !!taken[box.value];
      if (box.disabled) { box.checked = false; }
      if (!note) { note = label.appendChild(el('span', 'status note')); }
      note.textContent = taken[box.value] || '';
      note.hidden = !taken[box.value];
    });
  }

  function listApplications(view) {
    var box = $('applications');
    var titles = {};
    view.transcript.outcomes.forEach(function (o) { titles[o.id] = o.draft.achievementTitle + ' · ' + view.names[o.issuer]; });
    var recognitions = {};
    view.transcript.recognitions.forEach(function (v) { recognitions[v.recognition.id] = v.recognition; });
    api('GET', '/api/v1/learners/' + encodeURIComponent(view.accountNo) + '/recognition-applications').then(function (list) {
      box.textContent = '';
      applied(list);
      if (!list.length) { box.appendChild(el('p', 'meta', '还没有申请。 No applications yet.')); }
      list.forEach(function (a) {
        var card = el('article', 'card record');
        card.dataset.application = a.id;
        card.appendChild(el('h3', null, (view.names[a.institution] || a.institution) + ' · 认定申请 Recognition application'));
        card.appendChild(el('span', 'status ' + a.status, APPLICATION_STATUS[a.status] || a.status));
        card.appendChild(el('div', 'meta', '申请 applied ' + date(a.appliedAt)
          + (a.decidedAt ? ' · 决定 decided ' + date(a.decidedAt) : '')));
        var src = el('ul', 'meta');
        a.request.sourceOutcomeIds.forEach(function (id) { src.appendChild(el('li', null, '成果 Outcome: ' + (titles[id] || id))); });
        card.appendChild(src);
        if (a.request.statement) { card.appendChild(el('p', 'meta', '我的说明 My statement: ' + a.request.statement)); }
        var r = a.recognitionId && recognitions[a.recognitionId];
        if (r) {
          card.appendChild(el('p', 'decision', '认定为 Recognised as: ' + ((r.target && (r.target.title || r.target.category))
            || r.id) + ' · ' + credits(r.credits) + ' 学分 credits'));
        }
        if (a.decisionReason) {
          card.appendChild(el('p', 'decision', (a.status === 'WITHDRAWN' ? '撤回原因 Reason: ' : '教务处意见 Registrar: ')
            + a.decisionReason));
        }
        if (a.status === 'PENDING') {
          var withdraw = el('button', 'quiet', '撤回申请 Withdraw application');
          withdraw.type = 'button';
          withdraw.addEventListener('click', function () {
            withdraw.disabled = true;
            api('POST', '/api/v1/recognition-applications/' + encodeURIComponent(a.id) + '/withdraw',
              { reason: '学习者撤回 Withdrawn by the learner' }).then(function () { listApplications(view); })
              .catch(function (e) { withdraw.disabled = false; card.appendChild(el('p', 'error', e.message)); });
          });
          card.appendChild(withdraw);
        }
        box.appendChild(card);
      });
    }).catch(function (e) { box.textContent = ''; box.appendChild(el('p', 'error', e.message)); });
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
