// The status page: polls the JSON API and draws it. Everything from the server goes into the page as text
// nodes or attributes (never innerHTML), so no value can become markup.
'use strict';

const REFRESH_MS = 3000;
const STORE_KEY = 'camelbyte.authorization';
const COLORS = {
  succeeded: '#2e9d5b', failed: '#d64545', cancelled: '#9a6fb0', timed_out: '#e08a1e', running: '#3577d4',
  queued: '#9aa5b5', post_sync: '#2aa7b8', skipped: '#c5cad3', waiting: '#e3e6eb'
};
const $ = (id) => document.getElementById(id);
let timer = null;

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  });
  children.flat().forEach((c) => {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

async function api(method, path) {
  const headers = {};
  const auth = sessionStorage.getItem(STORE_KEY);
  if (auth) headers.Authorization = auth;
  const response = await fetch(path, { method, headers, cache: 'no-store' });
  if (response.status === 401) {
    sessionStorage.removeItem(STORE_KEY);
    askForCredentials(response.headers.get('WWW-Authenticate') || 'Bearer', auth !== null);
    throw new Error('signed out');
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

function askForCredentials(challenge, refused) {
  clearTimeout(timer);
  const basic = challenge.toLowerCase().startsWith('basic');
  $('content').hidden = true;
  $('login').hidden = false;
  $('user-row').hidden = !basic;
  $('secret-label').textContent = basic ? 'Password' : 'API token';
  $('login-why').textContent = refused
    ? 'Those credentials were not accepted; try again.'
    : 'This API needs credentials. They are kept for this browser tab only.';
  $('refreshed').textContent = 'signed out';
  $('login').dataset.scheme = basic ? 'Basic' : 'Bearer';
  (basic ? $('user') : $('secret')).focus();
}

function signIn(event) {
  event.preventDefault();
  const scheme = $('login').dataset.scheme;
  const secret = $('secret').value.trim();
  const value = scheme === 'Basic'
    ? 'Basic ' + btoa(unescape(encodeURIComponent($('user').value + ':' + secret)))
    : 'Bearer ' + secret;
  sessionStorage.setItem(STORE_KEY, value);
  $('secret').value = '';
  $('login').hidden = true;
  refresh();
}

// ---- formatting ----

function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm ' + String(s % 60).padStart(2, '0') + 's';
  return Math.floor(s / 3600) + 'h ' + String(Math.floor((s % 3600) / 60)).padStart(2, '0') + 'm';
}

function runDuration(run, now) {
  const end = run.endedAt ? Date.parse(run.endedAt) : now;
  return duration(end - Date.parse(run.startedAt));
}

function when(iso, now) {
  const diff = Date.parse(iso) - now;
  const text = duration(Math.abs(diff));
  return diff >= 0 ? 'in ' + text : text + ' ago';
}

const number = (n) => Number(n || 0).toLocaleString('en');
const badge = (status) => el('span', { class: 'badge s-' + status }, status.replace('_', ' '));

// ---- sections ----

function activeSection(runs, now) {
  if (runs.length === 0) return el('p', { class: 'empty' }, 'Nothing is running.');
  const rows = runs.map((run) => el('tr', { 'data-run': run.runId },
    el('td', { 'data-label': 'Pipeline' }, el('strong', {}, run.pipeline)),
    el('td', { 'data-label': 'Status' }, badge(run.status)),
    el('td', { 'data-label': 'Airbyte job' }, run.jobId ? '#' + run.jobId + ' ' + (run.jobStatus || '') : '–'),
    el('td', { 'data-label': 'Elapsed' }, runDuration(run, now)),
    el('td', { 'data-label': 'Rows so far' }, number(run.rowsSynced)),
    el('td', { 'data-label': 'Trigger' }, run.trigger),
    // a queued run (held behind another too) ends before its job starts; a post-sync run has no job left
    el('td', {}, (run.status === 'running' && run.jobId) || run.status === 'queued'
      ? el('button', { class: 'danger', 'data-post': '/api/runs/' + encodeURIComponent(run.runId) + '/cancel',
        'data-confirm': 'Cancel run ' + run.runId + ' of ' + run.pipeline + '?' }, 'Cancel')
      : null)));
  return el('table', {},
    el('thead', {}, el('tr', {}, ['Pipeline', 'Status', 'Airbyte job', 'Elapsed', 'Rows so far', 'Trigger', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

function strip(runs, now) {
  // oldest left, newest right, as a timeline reads
  return el('div', { class: 'strip' }, runs.slice().reverse().map((run) => el('span', {
    class: 's-' + run.status,
    title: [run.status + ' · ' + new Date(run.startedAt).toLocaleString(), 'took ' + runDuration(run, now) + ' · '
      + number(run.rowsSynced) + ' rows', run.error || ''].filter(Boolean).join('\n')
  })));
}

const OPEN = ['queued', 'running', 'post_sync'];
const JOB_GOING = ['pending', 'running', 'incomplete'];

/** What the pipeline's newest run is doing, in words: waiting to retry, behind an open breaker, or a cancel the job outlived. */
function pipelineState(p, breaker, now) {
  const run = p.recentRuns[0];
  if (!run) return null;
  if (OPEN.includes(run.status)) {
    const parts = [];
    if (breaker === 'open' || breaker === 'forced_open') parts.push('Airbyte circuit breaker open');
    if (run.waiting) {
      const at = Date.parse(run.waiting.nextAttemptAt);
      parts.push('waiting: retry ' + (at > now ? 'in ' + duration(at - now) : 'now') + ' (' + run.waiting.step
        + ', attempt ' + run.waiting.attempt + ')' + (run.waiting.error ? ': ' + run.waiting.error : ''));
    }
    return parts.length ? el('p', { class: 'state waiting', 'data-state': 'waiting' }, parts.join(' · ')) : null;
  }
  if (run.status === 'cancelled' && run.jobId && JOB_GOING.includes(run.jobStatus)) {
    return el('p', { class: 'state warn', 'data-state': 'job-outlived-cancel' },
      'Run cancelled while Airbyte job #' + run.jobId + ' was still ' + run.jobStatus
        + '; Airbyte was asked to stop it, so check the job there if it goes on.');
  }
  return null;
}

function pipelineCard(p, breaker, now) {
  const schedule = p.schedule
    ? 'cron ' + p.schedule.cron + ' (' + p.schedule.timeZone + ')' + (p.nextFireTime ? ' · next ' + when(p.nextFireTime, now) : '')
    : 'no schedule';
  const going = p.recentRuns[0] && OPEN.includes(p.recentRuns[0].status) ? p.recentRuns[0] : null;
  // a second run would follow the same Airbyte job: the button says the pipeline runs instead of starting one
  const run = going
    ? el('button', { disabled: true, title: 'Run ' + going.runId + ' is ' + going.status.replace('_', ' ')
        + '; a new run can start when it ends.' }, going.status === 'queued' ? 'Queued' : 'Running')
    : el('button', { 'data-post': '/api/pipelines/' + encodeURIComponent(p.name) + '/runs' }, 'Run');
  return el('div', { class: 'card pipeline', 'data-pipeline': p.name },
    el('h3', {}, el('span', {}, p.name), run),
    el('div', { class: 'meta muted' }, p.connectionName, el('br'), schedule),
    pipelineState(p, breaker, now),
    p.recentRuns.length ? strip(p.recentRuns, now) : el('span', { class: 'empty' }, 'no runs yet'));
}

function failedChecks(run) {
  const checks = ((run.postSync && run.postSync.checks) || []).filter((c) => !c.passed);
  if (checks.length === 0) return null;
  return el('table', { class: 'checks' },
    el('thead', {}, el('tr', {}, ['Check', 'Observed', 'Expected', 'Severity'].map((h) => el('th', {}, h)))),
    el('tbody', {}, checks.map((c) => el('tr', { class: 'check' },
      el('td', {}, c.name), el('td', {}, c.error ? 'could not run: ' + c.error : c.observed),
      el('td', {}, c.expected), el('td', {}, c.severity)))));
}

/** The newest failure of each pipeline (runs come newest first), with how many earlier ones are listed. */
function failuresSection(runs, now) {
  if (runs.length === 0) return el('p', { class: 'empty' }, 'No failed runs.');
  const newest = new Map();
  runs.forEach((run) => (newest.has(run.pipeline) ? newest.get(run.pipeline).earlier++ : newest.set(run.pipeline, { run, earlier: 0 })));
  return [...newest.values()].map(({ run, earlier }) => el('div', { class: 'failure', 'data-run': run.runId },
    el('div', {}, el('strong', {}, run.pipeline), ' ', badge(run.status), ' ',
      el('span', { class: 'muted' }, when(run.startedAt, now) + ' · job ' + (run.jobId || '–')
        + (earlier ? ' · ' + earlier + ' earlier failure' + (earlier > 1 ? 's' : '') + ' recently' : ''))),
    el('p', { class: 'sentence' }, run.error || 'no reason recorded'),
    failedChecks(run)));
}

/** Columns by dependency depth, one row per pipeline within its column; edges from upstream to downstream. */
function groupGraph(group) {
  const deps = group.dependsOn;
  const depth = {};
  const depthOf = (p) => depth[p] ?? (depth[p] = Math.max(-1, ...(deps[p] || []).map(depthOf)) + 1);
  group.order.forEach(depthOf);
  const columns = [];
  group.order.forEach((p) => (columns[depth[p]] = columns[depth[p]] || []).push(p));
  const W = 130, H = 34, GX = 50, GY = 16, PAD = 8;
  const pos = {};
  columns.forEach((col, x) => col.forEach((p, y) => (pos[p] = { x: PAD + x * (W + GX), y: PAD + y * (H + GY) })));
  const width = PAD * 2 + columns.length * W + (columns.length - 1) * GX;
  const height = PAD * 2 + Math.max(...columns.map((c) => c.length)) * (H + GY) - GY;
  const status = {};
  ((group.latestRun && group.latestRun.pipelines) || []).forEach((n) => (status[n.pipeline] = n));
  const id = 'arrow-' + group.name.replace(/[^a-zA-Z0-9_-]/g, '_');
  const root = svg('svg', { class: 'graph', width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'dependency graph of ' + group.name },
    svg('defs', {}, svg('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8a93a3' }))));
  group.order.forEach((p) => (deps[p] || []).forEach((up) => root.append(svg('line', {
    x1: pos[up].x + W, y1: pos[up].y + H / 2, x2: pos[p].x - 2, y2: pos[p].y + H / 2,
    stroke: '#8a93a3', 'stroke-width': 1.4, 'marker-end': 'url(#' + id + ')'
  }))));
  group.order.forEach((p) => {
    const node = status[p];
    const s = node ? node.status : 'waiting';
    const light = s === 'waiting' || s === 'skipped';
    const title = svg('title', {}, p + ': ' + s + (node && node.error ? '\n' + node.error : ''));
    root.append(svg('g', { class: 'node', 'data-pipeline': p, 'data-status': s }, title,
      svg('rect', { x: pos[p].x, y: pos[p].y, width: W, height: H, rx: 6, fill: COLORS[s] || COLORS.waiting, stroke: '#00000022' }),
      svg('text', { x: pos[p].x + W / 2, y: pos[p].y + H / 2 + 4, 'text-anchor': 'middle', fill: light ? '#1d2330' : '#fff' }, p)));
  });
  return root;
}

function groupCard(group, nextFire, now) {
  const run = group.latestRun;
  return el('div', { class: 'card group', 'data-group': group.name },
    el('h3', {}, el('span', {}, group.name),
      el('button', { 'data-post': '/api/groups/' + encodeURIComponent(group.name) + '/runs' }, 'Run group')),
    el('div', { class: 'meta muted' },
      run ? ['latest run ', badge(run.status), ' ' + when(run.startedAt, now)] : 'never run',
      group.schedule ? ' · cron ' + group.schedule.cron + (nextFire ? ' · next ' + when(nextFire, now) : '') : ''),
    groupGraph(group),
    el('div', { class: 'legend' }, Object.keys(COLORS).map((s) => el('span', {}, el('i', { class: 's-' + s }), s.replace('_', ' ')))));
}

// ---- actions and refresh ----

async function act(method, path, confirmText) {
  if (confirmText && !window.confirm(confirmText)) return;
  try {
    await api(method, path);
    showProblem(null);
  } catch (e) {
    if (e.message !== 'signed out') showProblem(e.message, e instanceof TypeError ? 'connection' : 'action');
  }
  refresh();
}

/** The banner: an action's refusal, or the app out of reach; the latter clears itself once the app answers. */
function showProblem(text, kind) {
  $('problem').hidden = !text;
  $('problem').textContent = text || '';
  $('problem').dataset.kind = text ? kind : '';
}

/**
 * Brings the children of the element with this id in line with the new ones, changing only what differs, so
 * the element with keyboard focus, the scroll position and an open tooltip survive each refresh. Children
 * with a key (a run, pipeline or group) are matched by it, others by position and tag.
 */
function replace(id, ...children) {
  morphChildren($(id), children.flat());
}

const keyOf = (n) => (n.nodeType === Node.ELEMENT_NODE
  ? n.getAttribute('data-run') || n.getAttribute('data-pipeline') || n.getAttribute('data-group') : null);

function morphChildren(parent, wanted) {
  const old = [...parent.childNodes];
  const byKey = new Map(old.filter(keyOf).map((n) => [keyOf(n), n]));
  wanted.forEach((next, i) => {
    const key = keyOf(next);
    const at = parent.childNodes[i];
    const match = key ? byKey.get(key) : at;
    if (match && match.nodeName === next.nodeName && keyOf(match) === key) {
      if (match !== at) parent.insertBefore(match, at || null);
      morph(match, next);
    } else {
      parent.insertBefore(next, at || null);
    }
  });
  while (parent.childNodes.length > wanted.length) parent.lastChild.remove();
}

function morph(node, next) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    if (node.nodeValue !== next.nodeValue) node.nodeValue = next.nodeValue;
    return;
  }
  [...node.attributes].forEach((a) => next.hasAttribute(a.name) || node.removeAttribute(a.name));
  [...next.attributes].forEach((a) => node.getAttribute(a.name) === a.value || node.setAttribute(a.name, a.value));
  morphChildren(node, [...next.childNodes]);
}

async function refresh() {
  clearTimeout(timer);
  try {
    const [overview, groups] = await Promise.all([api('GET', '/api/overview'), api('GET', '/api/groups')]);
    const now = Date.parse(overview.now);
    const breaker = overview.airbyte ? overview.airbyte.breaker : null;
    replace('active', activeSection(overview.active, now));
    replace('pipelines', overview.pipelines.map((p) => pipelineCard(p, breaker, now)));
    replace('failures', failuresSection(overview.failures, now));
    replace('groups', groups.length ? groups.map((g) => groupCard(g, overview.groupNextFireTimes[g.name], now))
      : el('p', { class: 'empty' }, 'No groups configured.'));
    $('content').hidden = false;
    $('signout').hidden = sessionStorage.getItem(STORE_KEY) === null;
    $('refreshed').textContent = 'updated ' + new Date(now).toLocaleTimeString();
    // outcome events safe in the state database that the broker has not taken yet (docs/queue.md)
    $('outbox').hidden = !overview.outcomesWaiting;
    $('outbox').textContent = overview.outcomesWaiting
      ? overview.outcomesWaiting + ' outcome events wait for the broker; none is lost, they go out once it takes them.'
      : '';
    if ($('problem').dataset.kind === 'connection') showProblem(null);
  } catch (e) {
    if (e.message === 'signed out') return;
    $('refreshed').textContent = 'cannot reach the app (' + e.message + '); retrying';
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

/** Asks for credentials before the first call when the app wants them and this tab has none yet. */
async function start() {
  let auth;
  try {
    auth = (await (await fetch('/page/auth.json', { cache: 'no-store' })).json()).auth;
  } catch (e) {
    $('refreshed').textContent = 'cannot reach the app (' + e.message + '); retrying';
    timer = setTimeout(start, REFRESH_MS);
    return;
  }
  if (auth !== 'none' && sessionStorage.getItem(STORE_KEY) === null) {
    askForCredentials(auth === 'basic' ? 'Basic' : 'Bearer', false);
  } else {
    refresh();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('login').addEventListener('submit', signIn);
  // one listener for every action button, so a button updated in place keeps working
  $('content').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-post]');
    if (button && !button.disabled) act('POST', button.dataset.post, button.dataset.confirm);
  });
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem(STORE_KEY);
    start();
  });
  start();
});
