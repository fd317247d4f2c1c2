// tarikh's timeline page: plain JavaScript, no build step, no request leaves this origin.
// Reads /api/timeline (see the README's JSON shapes), renders it grouped by month in the
// chosen calendar, and keeps the filters in the URL so a view can be shared.
'use strict';

(() => {
  const CAL_KEY = 'tarikh.calendar';
  const CALENDARS = ['persian', 'gregorian', 'hijri'];
  const CAL_NAMES = { persian: 'Solar Hijri', gregorian: 'Gregorian', hijri: 'Hijri' };
  const CAL_LANG = { persian: 'fa', gregorian: 'en', hijri: 'ar' };
  const FILTERS = ['from', 'to', 'lang', 'q', 'min_sources'];
  const PAGE = 500;
  const RTL_LANGS = new Set(['fa', 'ar', 'ur', 'ps', 'ckb', 'he']);

  const $ = (sel) => document.querySelector(sel);

  const state = {
    calendar: initialCalendar(),
    order: 'asc',
    filters: {},
    events: [],
    next: null,
    // Per calendar: every month the loaded pages span (key -> {key, label, short}), from the API.
    months: {},
    // The filters of the loaded view as the server wrote them back (the feed link uses it).
    feedQuery: null,
    seq: 0,
  };

  // ---------- small helpers ----------

  function initialCalendar() {
    let stored = null;
    try { stored = localStorage.getItem(CAL_KEY); } catch (_) { /* storage disabled */ }
    if (CALENDARS.includes(stored)) return stored;
    return (navigator.language || '').toLowerCase().startsWith('fa') ? 'persian' : 'gregorian';
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function dirOf(lang, dir) {
    if (dir === 'rtl' || dir === 'ltr') return dir;
    if (lang && RTL_LANGS.has(String(lang).toLowerCase())) return 'rtl';
    return 'auto';
  }

  /** A problem+json (RFC 9457) answer, or a network failure, as one error type. */
  class ApiProblem extends Error {
    constructor(status, title, detail, body) {
      super(detail || title || `HTTP ${status}`);
      this.status = status;
      this.title = title || '';
      this.detail = detail || '';
      this.body = body || null;
    }
    describe() {
      const head = this.status ? `${this.status} ${this.title}`.trim() : (this.title || 'Request failed');
      return this.detail && this.detail !== this.title ? `${head}: ${this.detail}` : head;
    }
  }

  async function fetchJson(url, init) {
    let res;
    try {
      res = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, init || {}));
    } catch (e) {
      throw new ApiProblem(0, 'The service could not be reached', String(e && e.message || e));
    }
    const type = res.headers.get('content-type') || '';
    let body = null;
    if (type.includes('json')) {
      try { body = await res.json(); } catch (_) { body = null; }
    } else {
      try { body = await res.text(); } catch (_) { body = null; }
    }
    if (!res.ok) {
      if (body && typeof body === 'object') {
        throw new ApiProblem(res.status, body.title || res.statusText, body.detail || '', body);
      }
      throw new ApiProblem(res.status, res.statusText, typeof body === 'string' ? body.slice(0, 300) : '');
    }
    return body;
  }

  function showError(box, problem) {
    box.replaceChildren();
    if (!problem) { box.hidden = true; return; }
    const p = problem instanceof ApiProblem ? problem : new ApiProblem(0, 'Error', String(problem));
    box.append(el('strong', null, p.status ? `${p.status} ${p.title}`.trim() : p.title));
    if (p.detail && p.detail !== p.title) box.append(' ', el('span', { dir: 'auto' }, p.detail));
    if (p.body && p.body.field) {
      const extra = [`field: ${p.body.field}`];
      if (p.body.value !== undefined) extra.push(`value: ${p.body.value}`);
      if (p.body.min !== undefined && p.body.max !== undefined) extra.push(`allowed: ${p.body.min}–${p.body.max}`);
      box.append(el('small', { class: 'problem-extra' }, extra.join(' · ')));
    }
    box.dataset.status = String(p.status || 0);
    box.hidden = false;
  }

  /** Splits `sentence` around the code-point span [start, end) (the API counts code points, JS strings are UTF-16). */
  function highlight(sentence, start, end, expression) {
    const cps = Array.from(sentence || '');
    let s = Number.isInteger(start) ? start : -1;
    let e = Number.isInteger(end) ? end : -1;
    if (!(s >= 0 && e > s && e <= cps.length)) {
      s = -1;
      if (expression) {
        const at = (sentence || '').indexOf(expression);
        if (at >= 0) {
          s = Array.from(sentence.slice(0, at)).length;
          e = s + Array.from(expression).length;
        }
      }
    }
    if (s < 0) return [cps.join('')];
    return [cps.slice(0, s).join(''), el('mark', null, cps.slice(s, e).join('')), cps.slice(e).join('')];
  }

  // ---------- month headings (from the server's calendars) ----------

  /** Month of an event's first day in `cal`, as the API computed it: {key: sortable "YYYY-MM", label, short}. */
  function monthOf(ev, cal) {
    const m = ev.months && ev.months[cal];
    return m ? { key: m.key, label: m.label, short: m.short } : { key: '0000-00', label: 'Undated', short: '' };
  }

  function firstDay(ev) {
    return (ev.date && (ev.date.first_day || String(ev.date.value || '').slice(0, 10))) || '';
  }

  // ---------- URL <-> filters ----------

  function readUrl() {
    const p = new URLSearchParams(location.search);
    state.filters = {};
    for (const k of FILTERS) {
      const v = (p.get(k) || '').trim();
      if (v) state.filters[k] = v;
    }
    state.order = p.get('order') === 'desc' ? 'desc' : 'asc';
    const form = $('#filters');
    for (const k of FILTERS) form.elements[k].value = state.filters[k] || '';
  }

  function filterParams() {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (state.filters[k]) p.set(k, state.filters[k]);
    return p;
  }

  /** Numeric dates below year 1600 are read in the chosen non-Gregorian calendar (1400-10-01 = 1 Dey 1400). */
  function calendarHint() {
    if (state.calendar === 'gregorian') return null;
    for (const k of ['from', 'to']) {
      const m = /^\s*(\d{3,4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(state.filters[k] || '');
      if (m && +m[1] < 1600) return state.calendar;
    }
    return null;
  }

  function apiParams() {
    const p = filterParams();
    const hint = calendarHint();
    if (hint) p.set('calendar', hint);
    return p;
  }

  function writeUrl(push) {
    const p = filterParams();
    if (state.order === 'desc') p.set('order', 'desc');
    const qs = p.toString();
    const url = location.pathname + (qs ? `?${qs}` : '') + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history[push ? 'pushState' : 'replaceState'](null, '', url);
    }
  }

  function updateSubscribe() {
    const qs = state.feedQuery !== null ? state.feedQuery : apiParams().toString();
    $('#subscribe').href = `/api/timeline.ics${qs ? `?${qs}` : ''}`;
  }

  // ---------- loading ----------

  async function load(append) {
    const seq = ++state.seq;
    const list = $('#timeline');
    list.setAttribute('aria-busy', 'true');
    const p = apiParams();
    p.set('order', state.order);
    p.set('limit', String(PAGE));
    if (append && state.next) p.set('cursor', state.next);
    try {
      const page = await fetchJson(`/api/timeline?${p}`);
      if (seq !== state.seq) return;
      const events = Array.isArray(page && page.events) ? page.events : [];
      state.events = append ? state.events.concat(events) : events;
      state.next = (page && page.next_cursor) || null;
      const runs = (page && page.months) || {};
      if (!append) state.months = {};
      for (const cal of CALENDARS) {
        const have = state.months[cal] || new Map();
        for (const m of runs[cal] || []) have.set(m.key, m);
        state.months[cal] = have;
      }
      state.feedQuery = (page && typeof page.filter_query === 'string') ? page.filter_query : null;
      showError($('#error'), null);
    } catch (e) {
      if (seq !== state.seq) return;
      if (!append) { state.events = []; state.next = null; state.months = {}; state.feedQuery = null; }
      showError($('#error'), e);
    } finally {
      if (seq === state.seq) list.setAttribute('aria-busy', 'false');
    }
    render();
  }

  // ---------- rendering ----------

  function dateLabel(ev, cal) {
    const v = ev[cal];
    if (typeof v === 'string' && v) return v;
    return (ev.date && ev.date.value) || '';
  }

  function conflictText(c) {
    if (!c) return '';
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) {
      if (c.every((x) => typeof x === 'string')) return `The sources give different dates: ${c.join(' vs ')}`;
      return c.map(conflictText).join('; ');
    }
    if (typeof c === 'object') {
      if (c.detail || c.reason || c.message) return c.detail || c.reason || c.message;
      return Object.entries(c).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
    }
    return 'The sources give different dates for this event.';
  }

  const MOD_WORDS = { START: 'early', MID: 'mid', END: 'late', APPROX: 'about', BEFORE: 'before', AFTER: 'after',
    ON_OR_BEFORE: 'on or before', ON_OR_AFTER: 'on or after', LESS_THAN: 'less than', MORE_THAN: 'more than' };

  function approxText(ev) {
    const d = ev.date || {};
    const bits = [];
    if (d.mod) bits.push(MOD_WORDS[String(d.mod).toUpperCase()] || String(d.mod).toLowerCase());
    if (d.grain && d.grain !== 'day') bits.push(`${d.grain}`);
    return `≈ approximate${bits.length ? ` (${bits.join(' ')})` : ''}`;
  }

  /** Whether the server calls the date approximate (one rule, is_fuzzy in the store). */
  function isFuzzy(ev) {
    return !!ev.fuzzy;
  }

  function sourceItem(src) {
    const lang = src.lang || '';
    const dir = dirOf(lang, src.dir);
    const sentence = el('blockquote', { class: 'sentence', lang: lang || null, dir },
      ...highlight(src.sentence || '', src.expression_start, src.expression_end, src.expression));
    const link = src.url
      ? el('a', { href: src.url, rel: 'noopener noreferrer', target: '_blank', dir: dirOf(lang, src.dir), lang: lang || null },
        src.title || src.url)
      : el('span', { dir: dirOf(lang, src.dir), lang: lang || null }, src.title || `document ${src.document_id}`);
    const cite = el('p', { class: 'cite' },
      el('span', { class: 'chip', title: 'language' }, lang || '?'), ' ', link,
      src.source ? ' · ' : null, src.source ? el('bdi', { class: 'outlet', lang: lang || null }, src.source) : null);
    const written = src.expression
      ? el('p', { class: 'written' }, 'written as ',
        el('q', null, el('bdi', { lang: lang || null }, src.expression)),
        src.calendar ? ` (${CAL_NAMES[src.calendar] || src.calendar})` : '',
        src.value ? ` → ${src.value}` : '')
      : null;
    return el('li', { class: 'source' }, sentence, cite, written);
  }

  function card(ev) {
    const cal = state.calendar;
    const fuzzy = isFuzzy(ev);
    const conflict = ev.conflict ? conflictText(ev.conflict) : '';
    const others = CALENDARS.filter((c) => c !== cal);
    const lang = ev.lang || '';
    const sources = Array.isArray(ev.sources) ? ev.sources : [];
    const langs = Array.isArray(ev.langs) ? ev.langs : [...new Set(sources.map((s) => s.lang).filter(Boolean))];
    const n = Number.isFinite(ev.n_sources) ? ev.n_sources : sources.length;
    const titleId = `t-${ev.id}`;

    const when = el('div', { class: 'when' },
      el('time', { class: 'date-main', datetime: firstDay(ev) || null, lang: CAL_LANG[cal], dir: cal === 'gregorian' ? 'ltr' : 'rtl', 'data-calendar': cal },
        dateLabel(ev, cal)),
      el('div', { class: 'date-other' }, ...others.map((c) =>
        el('span', { class: `date-${c}`, lang: CAL_LANG[c], dir: c === 'gregorian' ? 'ltr' : 'rtl', title: CAL_NAMES[c] }, dateLabel(ev, c)))),
      fuzzy ? el('span', { class: 'badge approx' }, approxText(ev)) : null);

    const what = el('div', { class: 'what' },
      el('h3', { class: 'title', id: titleId, lang: lang || null, dir: dirOf(lang, ev.dir) },
        ev.title || (sources[0] && sources[0].sentence) || `Event ${ev.id}`),
      el('p', { class: 'meta' },
        `${n} source${n === 1 ? '' : 's'}`,
        ...langs.map((l) => el('span', { class: 'chip', title: 'language' }, l)),
        conflict ? el('span', { class: 'badge conflict', title: conflict, role: 'note' }, el('span', { class: 'conflict-mark', 'aria-hidden': 'true' }, '!'), ' dates disagree') : null),
      conflict ? el('p', { class: 'conflict-detail', dir: 'auto' }, conflict) : null,
      sources.length
        ? el('details', { class: 'evidence' },
          el('summary', null, `Evidence (${sources.length})`),
          el('ol', null, ...sources.map(sourceItem)))
        : null);

    return el('article', {
      class: `event${fuzzy ? ' fuzzy' : ''}${conflict ? ' conflict' : ''}`,
      id: `event-${ev.id}`, 'aria-labelledby': titleId,
      'data-id': ev.id, 'data-first-day': firstDay(ev), 'data-last-day': (ev.date && ev.date.last_day) || '',
    }, when, what);
  }

  /** Year-long (or longer) events get a heading of their own instead of their first month's. */
  function isYearish(ev) {
    const g = ev.date && ev.date.grain;
    return g === 'year' || g === 'decade' || g === 'century';
  }

  function groups(events) {
    const out = [];
    for (const ev of events) {
      const m = isYearish(ev)
        ? { key: `${monthOf(ev, state.calendar).key}~${dateLabel(ev, state.calendar)}`, label: dateLabel(ev, state.calendar) }
        : monthOf(ev, state.calendar);
      // Keys repeat only if the API's order interleaves a month; keep one section per key.
      const same = out.find((g) => g.key === m.key);
      if (same) same.events.push(ev);
      else out.push({ key: m.key, label: m.label, short: m.short, events: [ev] });
    }
    return out;
  }

  function sectionId(key) { return `m-${state.calendar}-${key}`; }

  function render() {
    const list = $('#timeline');
    const gs = groups(state.events);
    state.renders = (state.renders || 0) + 1;
    list.replaceChildren(...gs.map((g) => {
      const hid = `${sectionId(g.key)}-h`;
      return el('section', { class: 'month', id: sectionId(g.key), 'aria-labelledby': hid },
        el('h2', { class: 'month-head', id: hid, tabindex: '-1' },
          el('span', { lang: CAL_LANG[state.calendar], dir: state.calendar === 'gregorian' ? 'ltr' : 'rtl' }, g.label),
          el('small', null, `${g.events.length} event${g.events.length === 1 ? '' : 's'}`)),
        el('ol', { class: 'events' }, ...g.events.map((ev) => el('li', null, card(ev)))));
    }));
    renderDensity(gs);
    const n = state.events.length;
    const active = FILTERS.filter((k) => state.filters[k]).length;
    $('#status').textContent = n
      ? `${n} event${n === 1 ? '' : 's'}${state.next ? ' (more available)' : ''}, ${state.order === 'asc' ? 'oldest' : 'newest'} first${active ? ` · ${active} filter${active === 1 ? '' : 's'} active` : ''}`
      : ($('#error').hidden ? 'No events match this view.' : '');
    $('#more').hidden = !state.next;
    const orderBtn = $('#order');
    orderBtn.textContent = state.order === 'asc' ? 'Newest first' : 'Oldest first';
    orderBtn.setAttribute('aria-pressed', state.order === 'desc' ? 'true' : 'false');
    $('#order-state').textContent = `Currently ${state.order === 'asc' ? 'oldest' : 'newest'} first`;
    updateSubscribe();
    // Lets tests (and scripts) wait for a finished render: bumped after every one.
    list.dataset.renders = String(state.renders);
  }

  function renderDensity(gs) {
    const box = $('#density');
    const counts = new Map(gs.map((g) => [g.key, g]));
    // Year-long events have no month to stand in; the strip counts the rest.
    const days = state.events.filter((ev) => !isYearish(ev)).map(firstDay).filter(Boolean).sort();
    if (!days.length) { box.replaceChildren(); return; }
    // Every month between the first and the last event, in the chosen calendar, as the API listed them.
    const listed = [...(state.months[state.calendar] || new Map()).values()].sort((a, b) => a.key.localeCompare(b.key));
    const months = [];
    const seen = new Set();
    for (const m of listed) { seen.add(m.key); months.push(m); }
    // Months with events the runs do not cover (a page spanning more than the API lists).
    for (const g of [...gs].filter((x) => !x.key.includes('~')).sort((a, b) => a.key.localeCompare(b.key))) {
      if (!seen.has(g.key)) { seen.add(g.key); months.push({ key: g.key, label: g.label, short: g.short || g.label }); }
    }
    months.sort((a, b) => a.key.localeCompare(b.key));
    const max = Math.max(1, ...months.map((m) => (counts.get(m.key) ? counts.get(m.key).events.length : 0)));
    box.replaceChildren(...months.map((m) => {
      const g = counts.get(m.key);
      const n = g ? g.events.length : 0;
      const h = n ? Math.max(12, Math.round((n / max) * 100)) : 3;
      return el('div', { role: 'listitem', class: 'density-item' },
        el('button', {
          type: 'button', class: 'bar', disabled: n ? null : true,
          'aria-label': `${m.label}: ${n} event${n === 1 ? '' : 's'}`, title: `${m.label}: ${n}`,
          'data-month': m.key,
          onclick: () => jumpTo(m.key),
        }, el('span', { class: 'track' }, el('span', { class: 'fill', style: `height:${h}%` })),
        el('span', { class: 'bar-label', lang: CAL_LANG[state.calendar], dir: state.calendar === 'gregorian' ? 'ltr' : 'rtl' }, m.short || m.label)));
    }));
  }


  function jumpTo(key) {
    const sec = document.getElementById(sectionId(key));
    if (!sec) return;
    sec.scrollIntoView({ behavior: 'smooth', block: 'start' });
    const h = sec.querySelector('.month-head');
    if (h) h.focus({ preventScroll: true });
  }

  // ---------- date hints (what the typed date means) ----------

  async function hintDate(input, out) {
    const v = input.value.trim();
    out.textContent = '';
    out.classList.remove('bad');
    if (!v) return;
    const p = new URLSearchParams({ date: v });
    const prev = state.filters[input.name];
    state.filters[input.name] = v;
    const hint = calendarHint();
    state.filters[input.name] = prev;
    if (hint && /^\s*\d/.test(v)) p.set('calendar', hint);
    try {
      const r = await fetchJson(`/api/convert?${p}`);
      if (input.value.trim() !== v) return;
      const parts = [r.gregorian, r.weekday, r.persian && r.persian.text, r.hijri && r.hijri.text].filter(Boolean);
      out.replaceChildren('= ', ...parts.flatMap((t, i) => [i ? ' · ' : '', el('bdi', null, t)]));
    } catch (e) {
      if (input.value.trim() !== v) return;
      if (e.status === 400 || e.status === 422) { out.textContent = e.detail || e.title; out.classList.add('bad'); }
    }
  }

  // ---------- SQL console ----------

  async function runSql(ev) {
    if (ev) ev.preventDefault();
    const q = $('#sql-q').value;
    const box = $('#sql-result');
    const meta = $('#sql-meta');
    const err = $('#sql-error');
    meta.textContent = 'running…';
    box.setAttribute('aria-busy', 'true');
    try {
      const r = await fetchJson('/api/sql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ q }),
      });
      showError(err, null);
      const cols = Array.isArray(r.columns) ? r.columns : [];
      const rows = Array.isArray(r.rows) ? r.rows : [];
      const table = el('table', null,
        el('thead', null, el('tr', null, ...cols.map((c) => el('th', { scope: 'col', dir: 'auto' }, c)))),
        el('tbody', null, ...rows.map((row) => el('tr', null, ...row.map((v) => {
          if (v === null) return el('td', { class: 'null' }, 'NULL');
          if (typeof v === 'number') return el('td', { class: 'num' }, String(v));
          return el('td', { dir: 'auto' }, typeof v === 'object' ? JSON.stringify(v) : String(v));
        })))));
      box.replaceChildren(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'query result' }, table));
      const ms = typeof r.elapsed_ms === 'number' ? `${r.elapsed_ms.toFixed(1)} ms` : '';
      meta.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}${r.truncated ? ' (truncated)' : ''}${ms ? ` · ${ms}` : ''}`;
    } catch (e) {
      box.replaceChildren();
      meta.textContent = '';
      showError(err, e);
      err.classList.toggle('refused', e.status === 403);
    } finally {
      box.setAttribute('aria-busy', 'false');
    }
  }

  function updateCsvLink() {
    $('#sql-csv').href = `/api/sql?${new URLSearchParams({ q: $('#sql-q').value, format: 'csv' })}`;
  }

  // ---------- wiring ----------

  function applyCalendarUi() {
    for (const r of document.querySelectorAll('input[name="calendar"]')) r.checked = r.value === state.calendar;
    document.documentElement.dataset.calendar = state.calendar;
  }

  function init() {
    readUrl();
    applyCalendarUi();

    $('#calendar-switch').addEventListener('change', (e) => {
      if (e.target.name !== 'calendar' || !CALENDARS.includes(e.target.value)) return;
      state.calendar = e.target.value;
      try { localStorage.setItem(CAL_KEY, state.calendar); } catch (_) { /* storage disabled */ }
      applyCalendarUi();
      render();
      // A numeric date filter may now mean another calendar.
      if (calendarHint() !== null || FILTERS.some((k) => /^\s*\d{3,4}[-/.]/.test(state.filters[k] || ''))) load(false);
    });

    $('#order').addEventListener('click', () => {
      state.order = state.order === 'asc' ? 'desc' : 'asc';
      writeUrl(true);
      load(false);
    });

    $('#filters').addEventListener('submit', (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      state.filters = {};
      for (const k of FILTERS) {
        const v = String(form.elements[k].value || '').trim();
        if (v && !(k === 'min_sources' && v === '1')) state.filters[k] = v;
      }
      writeUrl(true);
      load(false);
    });

    $('#reset').addEventListener('click', () => {
      for (const k of FILTERS) $('#filters').elements[k].value = '';
      for (const o of document.querySelectorAll('.hint')) if (o.tagName === 'OUTPUT') o.textContent = '';
      state.filters = {};
      writeUrl(true);
      load(false);
    });

    for (const name of ['from', 'to']) {
      const input = $(`#f-${name}`);
      const out = $(`#f-${name}-hint`);
      input.addEventListener('change', () => hintDate(input, out));
    }

    $('#more').addEventListener('click', () => load(true));

    window.addEventListener('popstate', () => { readUrl(); load(false); });

    document.addEventListener('keydown', (e) => {
      const t = e.target;
      const typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        $('#f-q').focus();
      }
    });

    $('#sql-form').addEventListener('submit', runSql);
    $('#sql-q').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runSql(e);
    });
    $('#sql-q').addEventListener('input', updateCsvLink);
    updateCsvLink();

    load(false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
