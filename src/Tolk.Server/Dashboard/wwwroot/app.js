'use strict';
// Tolk's dashboard: plain JavaScript over the management API, no build step. Every value from the API is put on the
// page as text (never as HTML), so record contents cannot inject markup.

const $ = id => document.getElementById(id);

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { 'X-Requested-With': 'tolk', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (response.status === 401) { location.reload(); throw new Error('signed out'); }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.error || `${response.status} ${response.statusText}`);
  }
  return response.status === 204 ? null : response.json();
}

function ago(time) {
  if (!time) return 'never';
  const seconds = Math.max(0, (Date.now() - new Date(time).getTime()) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${Math.round(seconds)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(time).toLocaleString();
}

function system(name, datatype) {
  return h('span', { class: `sys ${name}` }, name, datatype ? h('span', { class: 'dt' }, datatype) : null);
}

function mapping(key) {
  const [sys, rest] = key.split('.');
  return system(sys, rest);
}

function show(value) {
  if (value === null || value === undefined) return h('span', { class: 'value' }, '∅');
  return h('span', { class: 'value' }, typeof value === 'string' ? value : JSON.stringify(value));
}

function recordLink(sys, datatype, id, label) {
  return h('button', { class: 'link', type: 'button', onclick: () => openRecord(sys, datatype, id) }, label || id);
}

// ---- status and summary -------------------------------------------------------------------------------------------

async function loadStatus() {
  try {
    const status = await api('/api/status');
    $('status').className = `status ${status.status}`;
    const problems = status.systems.filter(s => s.problem);
    $('status-text').textContent = status.status === 'ok'
      ? `syncing · last cycle ${status.lastCycle === null ? 'pending' : ago(Date.now() - status.lastCycle * 1000)}`
      : `${problems.length} system(s) need attention`;
    $('status').title = status.systems.map(s => `${s.system}: read ${ago(s.lastRead)}, webhooks ${s.webhooks}${s.problem ? ' — ' + s.problem : ''}`).join('\n');
  } catch (e) { $('status-text').textContent = e.message; }
}

function renderSummary(flows, conflicts, errors) {
  const links = flows.reduce((sum, f) => sum + f.links, 0);
  const totals = flows.reduce((t, f) => { for (const k of Object.keys(f.totals)) t[k] = (t[k] || 0) + f.totals[k]; return t; }, {});
  const stats = [
    [links.toLocaleString(), 'links'], [flows.filter(f => f.health === 'ok').length + ' / ' + flows.length, 'flows healthy'],
    [(totals.updated || 0).toLocaleString(), 'updates since start'], [(totals.inserted || 0).toLocaleString(), 'records created'],
    [conflicts.length, 'conflicts'], [errors.length, 'errors'],
  ];
  $('summary').replaceChildren(...stats.map(([value, label]) => h('div', { class: 'stat' }, h('b', {}, value), h('span', {}, label))));
}

// ---- flows ----------------------------------------------------------------------------------------------------------

function renderFlows(flows) {
  $('flows-count').textContent = flows.length;
  $('flows').replaceChildren(...flows.map(flow => h('div', { class: `flow-card ${flow.health}`, 'data-flow': flow.number },
    h('span', { class: 'num' }, `#${flow.number}`),
    h('div', { class: 'route' }, mapping(flow.source), h('span', { class: 'arrow' }, '⇄'), mapping(flow.target)),
    h('div', { class: 'links' }, flow.links.toLocaleString(), h('small', {}, 'links')),
    h('div', { class: `health ${flow.health === 'errors' || flow.health === 'blocked' ? 'bad' : ''}` }, flow.healthReason || `read ${ago(flow.sourceRead)}`),
    h('div', { class: 'row' },
      h('span', { class: 'figures' }, `${flow.totals.updated} updated · ${flow.totals.inserted} created · ${flow.totals.conflicts} conflicts`),
      h('button', { class: 'toggle', type: 'button', onclick: () => togglePause(flow) }, flow.paused ? 'Resume' : 'Pause')))));
}

async function togglePause(flow) {
  await api(`/api/flows/${flow.number}/${flow.paused ? 'resume' : 'pause'}`, { method: 'POST' });
  refresh();
}

// ---- conflicts and errors -------------------------------------------------------------------------------------------

function side(s, won) {
  return h('div', { class: won ? 'winner' : 'loser' },
    h('div', {}, system(s.system, s.datatype), ' ', h('span', { class: won ? 'won' : 'lost' }, won ? 'kept' : 'overwritten')),
    h('div', { style: 'margin-top:.3rem' }, show(s.value)),
    h('div', { class: 'hint', style: 'margin:.25rem 0 0' }, `changed ${ago(s.changedAt)}`));
}

function renderConflicts(conflicts) {
  $('conflicts-count').textContent = conflicts.length;
  if (conflicts.length === 0) { $('conflicts').replaceChildren(h('div', { class: 'empty' }, 'No conflicts.')); return; }
  $('conflicts').replaceChildren(h('table', {},
    h('tr', {}, h('th', {}, 'Record'), h('th', {}, 'Property'), h('th', {}, 'The two edits'), h('th', {}, 'Detected')),
    ...conflicts.map(c => h('tr', { class: 'conflict' },
      h('td', {}, recordLink(c.winner.system, c.winner.datatype, c.winner.recordId, c.title || `cluster ${c.clusterId}`)),
      h('td', {}, h('b', {}, c.property)),
      h('td', {}, h('div', { class: 'versus' }, side(c.winner, true), side(c.loser, false))),
      h('td', {}, ago(c.detectedAt))))));
}

function renderErrors(errors) {
  $('errors-count').textContent = errors.length;
  $('retry-all').hidden = errors.length === 0;
  if (errors.length === 0) { $('errors').replaceChildren(h('div', { class: 'empty' }, 'No errors: every record is in sync or on its way.')); return; }
  $('errors').replaceChildren(h('table', {},
    h('tr', {}, h('th', {}, 'Record'), h('th', {}, 'Stage'), h('th', {}, 'What went wrong'), h('th', {}, 'Seen'), h('th', {}, '')),
    ...errors.map(e => h('tr', { class: 'error-row', 'data-error': e.id },
      h('td', {}, system(e.system, e.datatype), ' ', recordLink(e.system, e.datatype, e.recordId)),
      h('td', {}, h('span', { class: 'stage' }, e.stage)),
      h('td', {}, e.field ? h('b', {}, `${e.field}: `) : null, e.message),
      h('td', {}, `${ago(e.lastSeen)}${e.attempts > 1 ? ` · ${e.attempts}×` : ''}`),
      h('td', {}, h('button', { class: 'retry', type: 'button', onclick: ev => retry(ev.target, e.id) }, 'Retry'))))));
}

async function retry(button, id) {
  button.disabled = true;
  button.textContent = 'Retrying…';
  try { await api(`/api/errors/${id}/retry`, { method: 'POST' }); } catch (e) { button.textContent = e.message; return; }
  refresh();
}

$('retry-all').addEventListener('click', async () => { await api('/api/errors/retry', { method: 'POST' }); refresh(); });

// ---- what needs a person --------------------------------------------------------------------------------------------

const enc = encodeURIComponent;
const label = r => `${r.system}/${r.datatype}${r.role ? ':' + r.role : ''}/${r.recordId}`;
const keyOf = r => ({ system: r.system, datatype: r.datatype, recordId: r.recordId, role: r.role || null });
const text = v => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function recordCard(r, keys, differs, action, anchor) {
  return h('div', { class: `candidate${anchor ? ' anchor' : ''}`, 'data-record': label(r) },
    h('div', {}, system(r.system, r.datatype), anchor ? h('span', { class: 'stage', style: 'margin-left:.4rem' }, 'has several matches') : null),
    h('div', { class: 'name' }, recordLink(r.system, r.datatype, r.recordId, r.title || r.recordId)),
    h('div', { class: 'id' }, `${r.recordId} · ${r.clusterId ? 'linked to other records' : 'not linked yet'}`),
    h('dl', {}, ...Object.entries(r.values).flatMap(([k, v]) => [
      h('dt', {}, k),
      h('dd', { class: [keys.includes(k) ? 'key' : '', differs.has(k) ? 'differs' : ''].join(' ').trim() || null, title: differs.has(k) ? 'the candidates differ here' : null }, text(v))])),
    action);
}

function ambiguity(a) {
  // The values the candidates do not share are what tells them apart: highlighted.
  const differs = new Set();
  for (const k of new Set(a.candidates.flatMap(c => Object.keys(c.values)))) {
    if (new Set(a.candidates.map(c => text(c.values[k]))).size > 1) differs.add(k);
  }
  const [sys, datatype] = a.side.split(/[.:]/);
  return h('div', { class: 'ambiguity', 'data-flow': a.flow, 'data-record': label(a.record) },
    h('div', { class: 'question' }, system(a.record.system, a.record.datatype), h('b', {}, a.record.title || a.record.recordId),
      `matches ${a.candidates.length} `, system(sys, datatype), ` records by ${a.keys.join(', ')}. Which one is the same?`),
    h('div', { class: 'route' }, `Flow ${a.flow}: ${a.route}. Until you choose, Tolk links neither and creates nothing in their place.`),
    h('div', { class: 'candidates' }, recordCard(a.record, a.keys, new Set(), null, true),
      ...a.candidates.map(c => recordCard(c, a.keys, differs, c.clusterId !== null && c.clusterId === a.record.clusterId
        ? h('span', { class: 'won' }, 'linked to it')
        : h('button', { class: 'choose', type: 'button', onclick: ev => link(ev.currentTarget, a.record, c) }, 'Link')))));
}

async function link(button, record, other) {
  button.disabled = true;
  button.textContent = 'Linking…';
  button.parentElement.querySelector('.problem')?.remove();
  try {
    await api('/api/links', { method: 'POST', body: JSON.stringify({ record: keyOf(record), other: keyOf(other) }) });
    button.textContent = 'Linked ✓';
    button.classList.add('done');
    setTimeout(refresh, 800);
  } catch (e) {
    button.disabled = false;
    button.textContent = 'Link';
    button.after(h('div', { class: 'problem' }, e.message));
  }
}

function block(b) {
  if (b.kind === 'waiting') {
    return h('li', { class: 'block waiting' }, h('span', { class: 'times' }, `${b.count}×`),
      h('span', {}, h('b', {}, b.target), ` waits: ${b.reason}`));
  }
  return h('li', { class: `block ${b.kind}` }, h('span', { class: 'stage' }, b.kind === 'held-deletes' ? 'deletions held' : b.kind),
    system(b.system, b.datatype), b.recordId ? recordLink(b.system, b.datatype, b.recordId) : null, h('span', {}, b.reason),
    b.errorId ? h('button', { class: 'retry', type: 'button', onclick: ev => retry(ev.currentTarget, b.errorId) }, b.kind === 'held-deletes' ? 'Confirm' : 'Retry') : null);
}

function renderAttention(attention) {
  const count = attention.ambiguities.length + attention.blocks.filter(b => b.kind !== 'waiting').length;
  $('attention-panel').hidden = attention.ambiguities.length + attention.blocks.length === 0;
  $('attention-count').textContent = count;
  $('ambiguities').replaceChildren(...attention.ambiguities.map(ambiguity));
  $('blocks').replaceChildren(...(attention.blocks.length === 0 ? [] : [
    h('h3', { style: 'margin:.6rem 0 .2rem;font-size:.9rem' }, 'Waiting'),
    h('ul', { class: 'blocks' }, ...attention.blocks.map(block))]));
}

async function loadAttention() {
  try { renderAttention(await api('/api/attention')); } catch (e) { /* shown again at the next refresh */ }
}

function unlinkButton(m, done) {
  return h('button', {
    class: 'unlink', type: 'button', title: 'Take this record out of its links; no merge criterion links it again',
    onclick: async ev => {
      const button = ev.currentTarget;
      if (!button.classList.contains('confirm')) { button.classList.add('confirm'); button.textContent = 'Unlink for good?'; return; }
      button.disabled = true;
      try {
        await api(`/api/records/${enc(m.system)}/${enc(m.datatype)}/${enc(m.recordId)}/unlink${m.role ? `?role=${enc(m.role)}` : ''}`, { method: 'POST' });
        done();
      } catch (e) { button.textContent = e.message; }
    },
  }, 'Unlink');
}

// ---- live feed ------------------------------------------------------------------------------------------------------

function feedItem(c) {
  const what = c.kind === 'created' ? 'created' : c.kind === 'deleted' ? 'deleted'
    : c.fields.length ? `changed ${c.fields.slice(0, 4).join(', ')}${c.fields.length > 4 ? ` +${c.fields.length - 4}` : ''}` : 'updated';
  const origin = c.origin === 'edit' ? h('span', { class: 'origin edit' }, `edited in ${c.system}`)
    : c.origin === 'tolk' ? h('span', { class: 'origin tolk' }, c.from ? `synced from ${c.from}` : 'written by Tolk') : null;
  return h('li', { 'data-seq': c.seq, onclick: () => openRecord(c.system, c.datatype, c.recordId) },
    h('div', { class: 'line1' }, system(c.system, c.datatype), h('span', { class: 'title' }, c.title || c.recordId), h('span', { class: 'when', 'data-time': c.at }, ago(c.at))),
    h('div', { class: 'line2' }, `${c.globalType ? c.globalType + ' ' : ''}${what} `, origin));
}

let lastSeq = 0;
function addChanges(changes) {
  const fresh = changes.filter(c => c.seq > lastSeq).sort((a, b) => a.seq - b.seq);
  for (const c of fresh) { $('feed').prepend(feedItem(c)); lastSeq = c.seq; }
  while ($('feed').children.length > 200) $('feed').lastChild.remove();
}

async function startFeed() {
  addChanges(await api('/api/changes?limit=100'));
  const source = new EventSource('/api/changes/stream');
  source.addEventListener('change', e => addChanges([JSON.parse(e.data)]));
  source.onopen = () => $('live').className = 'live';
  source.onerror = () => $('live').className = 'live off';
}

setInterval(() => document.querySelectorAll('[data-time]').forEach(el => el.textContent = ago(el.dataset.time)), 5000);

// ---- a record across its linked systems -----------------------------------------------------------------------------

async function openRecord(sys, datatype, id) {
  $('drawer').hidden = false;
  $('record').replaceChildren(h('div', { class: 'empty' }, 'Loading…'));
  try { renderRecord(await api(`/api/records/${encodeURIComponent(sys)}/${encodeURIComponent(datatype)}/${encodeURIComponent(id)}`)); }
  catch (e) { $('record').replaceChildren(h('div', { class: 'empty' }, e.message)); }
}

function bySystem(label) { return label ? label.split('/')[0] : null; }

function renderRecord(r) {
  const parts = [h('h2', { id: 'record-title' }, r.title || r.recordId), h('div', {}, system(r.system, r.datatype), ' ', h('span', { class: 'value' }, r.recordId))];
  if (r.clusters.length === 0) parts.push(h('p', { class: 'hint' }, 'Not linked to any record in another system (yet).'));
  for (const c of r.clusters) {
    parts.push(h('h3', {}, `${c.globalType} · linked in ${c.members.length} system${c.members.length === 1 ? '' : 's'}`));
    parts.push(h('div', { class: 'members' }, ...c.members.map(m => h('div', { class: 'member' },
      h('div', {}, system(m.system, m.datatype), ' ', m.role ? h('span', { class: 'stage' }, m.role) : null),
      h('div', { style: 'margin-top:.3rem;font-weight:600' }, m.title || m.recordId),
      h('div', { class: 'hint', style: 'margin:.15rem 0 0' }, `${m.recordId} · joined by ${m.joinedBy} ${ago(m.joinedAt)}${m.deleted ? ' · deleted' : ''}`),
      h('dl', {}, ...Object.entries(m.syncedValues || {}).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, show(v))])),
      unlinkButton(m, () => { openRecord(r.system, r.datatype, r.recordId); refresh(); })))));
    parts.push(h('h3', {}, 'Golden record'));
    parts.push(h('table', {}, h('tr', {}, h('th', {}, 'Property'), h('th', {}, 'Value'), h('th', {}, 'From'), h('th', {}, 'Changed')),
      ...c.golden.map(g => h('tr', {}, h('td', {}, g.property), h('td', {}, show(g.value)),
        h('td', {}, bySystem(g.by) ? system(bySystem(g.by)) : ''), h('td', {}, ago(g.changedAt))))));
  }
  parts.push(h('h3', {}, 'History'));
  parts.push(h('ol', { class: 'timeline' }, ...r.history.map(v => h('li', {},
    h('span', { class: 'seq' }, `#${v.seq}`), system(v.system, v.datatype),
    h('span', {}, v.deleted ? 'deleted' : v.changed.length ? `changed ${v.changed.join(', ')}` : 'first seen'),
    h('span', { class: 'when' }, ago(v.observedAt))))));
  $('record').replaceChildren(...parts);
}

$('drawer-close').addEventListener('click', () => $('drawer').hidden = true);
$('drawer').addEventListener('click', e => { if (e.target === $('drawer')) $('drawer').hidden = true; });
document.addEventListener('keydown', e => { if (e.key === 'Escape') $('drawer').hidden = true; });
$('find').addEventListener('submit', e => {
  e.preventDefault();
  const [sys, datatype, ...id] = $('find-input').value.trim().split('/');
  if (sys && datatype && id.length) openRecord(sys, datatype, id.join('/'));
});
$('logout').addEventListener('click', async () => { await api('/logout', { method: 'POST' }); location.reload(); });

// ---- refresh --------------------------------------------------------------------------------------------------------

async function refresh() {
  const [flows, conflicts, errors] = await Promise.all([api('/api/flows'), api('/api/conflicts'), api('/api/errors')]);
  renderFlows(flows);
  renderConflicts(conflicts);
  renderErrors(errors);
  renderSummary(flows, conflicts, errors);
  loadAttention();
}

refresh();
loadStatus();
startFeed();
setInterval(refresh, 5000);
setInterval(loadStatus, 5000);
