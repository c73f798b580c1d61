// app.js: the members' search page of Vindplaats.
//
// One state (query, filters, period, sort, page) that lives in the URL: the
// page reads it from location, asks the JSON API (/search, /facets/{name},
// /documents/{id}, /documents/{id}/related, /municipalities/{name},
// /speakers/{name}) and draws.  Besides the search there are three views:
// a report (/r/{id}) with its related reports, a municipality
// (/gemeente/{name}) and a speaker (/spreker/{name}).  history.pushState records every step, so
// back/forward and a shared link give the same view.  Everything from the
// index is put in with textContent; only `snippet` and `html`, which the API
// escapes by contract, go in as HTML.
'use strict';

(() => {
  const FACETS = [
    ['municipality', 'Gemeente'],
    ['speaker', 'Spreker'],
    ['theme', 'Thema'],
  ];
  const SORTS = [
    ['', 'Relevantie'],
    ['date', 'Nieuwste eerst'],
    ['date_asc', 'Oudste eerst'],
  ];
  const MULTI = FACETS.map(([name]) => name);
  const SINGLE = ['q', 'from', 'to', 'sort', 'page'];
  const FACET_SHOWN = 8;          // values shown before "Toon meer"
  const FACET_FETCHED = 60;       // values asked for (facet_limit)
  const TYPE_DELAY_MS = 250;      // debounce of search-as-you-type
  const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli',
    'augustus', 'september', 'oktober', 'november', 'december'];

  // ---- small helpers ------------------------------------------------------

  // An element with attributes and children; strings become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  // HTML that the API guarantees safe (snippet, html): the one place it is parsed.
  function safeHtml(tag, attrs, html) {
    const node = el(tag, attrs);
    node.innerHTML = html;
    return node;
  }

  function debounce(fn, ms) {
    let timer = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  function dutchDate(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-').map(Number);
    if (!m) return String(y);
    if (!d) return `${MONTHS[m - 1]} ${y}`;
    return `${d} ${MONTHS[m - 1]} ${y}`;
  }

  function themeLabel(id) {
    const words = id.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function plural(n, one, many) {
    return `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return body;
  }

  // ---- the state and the URL ------------------------------------------------

  function emptyState() {
    return { q: '', municipality: [], speaker: [], theme: [], from: '', to: '', sort: '', page: 1 };
  }

  function stateFromSearch(search) {
    const params = new URLSearchParams(search);
    const state = emptyState();
    for (const name of MULTI) state[name] = params.getAll(name).filter(Boolean);
    for (const name of SINGLE) if (params.has(name)) state[name] = params.get(name);
    state.page = Math.max(1, parseInt(state.page, 10) || 1);
    return state;
  }

  // The state as query parameters, only the ones that say something; the
  // API takes exactly these names.
  function stateParams(state, { withPage = true } = {}) {
    const params = new URLSearchParams();
    if (state.q.trim()) params.set('q', state.q.trim());
    for (const name of MULTI) for (const value of state[name]) params.append(name, value);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.sort) params.set('sort', state.sort);
    if (withPage && state.page > 1) params.set('page', String(state.page));
    return params;
  }

  function searchUrl(state) {
    const query = stateParams(state).toString();
    return query ? `/?${query}` : '/';
  }

  // The search's feed: what the search is, without paging and order (a
  // feed is newest first).
  function feedUrl(state) {
    const params = stateParams(state, { withPage: false });
    params.delete('sort');
    const query = params.toString();
    return query ? `/feed?${query}` : '/feed';
  }

  // The <link rel="alternate"> of the view's feed in the head (none: removed).
  function setFeedLink(href, title) {
    let link = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    if (!href) {
      link?.remove();
      return;
    }
    if (!link) {
      link = el('link', { rel: 'alternate', type: 'application/atom+xml' });
      document.head.append(link);
    }
    link.setAttribute('href', href);
    link.setAttribute('title', title);
  }

  const municipalityUrl = (name) => `/gemeente/${encodeURIComponent(name)}`;
  const speakerUrl = (name) => `/spreker/${encodeURIComponent(name)}`;

  function reportUrl(id, state) {
    const query = state && state.q.trim() ? `?${new URLSearchParams({ q: state.q.trim() })}` : '';
    return `/r/${encodeURIComponent(id)}${query}`;
  }

  // ---- navigation ------------------------------------------------------------

  let lastTyped = false;    // the current history entry was made by typing

  function go(url, { typing = false } = {}) {
    if (typing && lastTyped) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    lastTyped = typing;
    render();
  }

  function setState(change, options) {
    const state = Object.assign(stateFromSearch(location.search), change);
    if (!('page' in change)) state.page = 1;
    go(searchUrl(state), options);
  }

  // Same-origin links inside the app navigate without a reload.
  function onLinkClick(event) {
    const link = event.target.closest('a[data-nav]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    // An SVG link's href is an SVGAnimatedString.
    const url = new URL(link.href.baseVal ?? link.href, location.href);
    event.preventDefault();
    go(url.pathname + url.search + url.hash);
  }

  // ---- the search view ----------------------------------------------------------

  let requestSeq = 0;          // answers to older requests are dropped
  const ui = {};

  function buildSearchLayout() {
    ui.status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
    ui.suggestion = el('p', { class: 'suggestion', hidden: true });
    ui.chips = el('ul', { class: 'chips', 'aria-label': 'Actieve filters' });
    ui.sort = el('select', { id: 'sort', onchange: () => setState({ sort: ui.sort.value }) },
      SORTS.map(([value, label]) => el('option', { value }, label)));
    ui.downloads = el('p', { class: 'downloads', hidden: true });
    ui.follow = el('p', { class: 'follow' });
    ui.hits = el('ol', { class: 'hits', id: 'hits' });
    ui.pages = el('nav', { class: 'pages', 'aria-label': 'Pagina’s' });
    ui.facets = el('div', { class: 'facets' });
    ui.years = el('div', { class: 'years' });
    const results = el('section', { class: 'results', 'aria-labelledby': 'resultaten-kop' },
      el('h2', { id: 'resultaten-kop', class: 'visually-hidden', tabindex: '-1' }, 'Resultaten'),
      el('div', { class: 'toolbar' }, ui.status,
        el('span', { class: 'sorter' }, el('label', { for: 'sort' }, 'Sorteren '), ui.sort)),
      ui.suggestion, ui.chips, ui.downloads, ui.follow, ui.hits, ui.pages);
    const aside = el('aside', { class: 'sidebar', 'aria-label': 'Filters' },
      el('h2', {}, 'Filteren'), ui.facets,
      el('section', { class: 'facet', 'aria-labelledby': 'jaar-kop' },
        el('h3', { id: 'jaar-kop' }, 'Jaar'), ui.years, periodForm()));
    return el('div', { class: 'layout' }, aside, results);
  }

  function periodForm() {
    ui.from = el('input', { id: 'van', type: 'number', min: '1990', max: '2100', inputmode: 'numeric', placeholder: 'jjjj' });
    ui.to = el('input', { id: 'tot', type: 'number', min: '1990', max: '2100', inputmode: 'numeric', placeholder: 'jjjj' });
    return el('form', {
      class: 'period',
      onsubmit: (event) => {
        event.preventDefault();
        setState({ from: ui.from.value.trim(), to: ui.to.value.trim() });
      },
    }, el('label', { for: 'van' }, 'Van'), ui.from, el('label', { for: 'tot' }, 'tot en met'), ui.to,
    el('button', { type: 'submit' }, 'Toepassen'));
  }

  async function renderSearch(state) {
    const app = document.getElementById('app');
    if (!ui.layout) ui.layout = buildSearchLayout();
    if (ui.layout.parentNode !== app) app.replaceChildren(ui.layout);
    document.title = state.q ? `${state.q} – Vindplaats` : 'Vindplaats – verslagen van kennis- en netwerkdagen';
    ui.sort.value = state.sort;
    setFeedLink(feedUrl(state), 'Vindplaats: deze zoekopdracht als Atom-feed');
    ui.follow.replaceChildren(el('a', { href: feedUrl(state) }, 'Volg deze zoekopdracht (Atom-feed)'));
    ui.from.value = state.from.slice(0, 4);
    ui.to.value = state.to.slice(0, 4);
    const params = stateParams(state);
    params.set('facet_limit', String(FACET_FETCHED));
    const seq = ++requestSeq;
    ui.layout.setAttribute('aria-busy', 'true');
    let result;
    try {
      result = await getJson(`/search?${params}`);
    } catch (error) {
      if (seq !== requestSeq) return;
      ui.layout.removeAttribute('aria-busy');
      ui.status.textContent = `Zoeken lukte niet: ${error.message}`;
      ui.hits.replaceChildren();
      ui.pages.replaceChildren();
      return;
    }
    if (seq !== requestSeq) return;
    ui.layout.removeAttribute('aria-busy');
    drawResults(state, result);
  }

  function drawResults(state, result) {
    ui.status.textContent = result.total === 0
      ? 'Geen verslagen gevonden'
      : `${plural(result.total, 'verslag', 'verslagen')} gevonden`;
    drawSuggestion(state, result.suggestion, result.corrected);
    drawChips(state);
    drawDownloads(state);
    ui.hits.setAttribute('start', String((result.page - 1) * result.per_page + 1));
    ui.hits.replaceChildren(...result.hits.map((hit) => hitItem(state, hit)));
    drawPages(state, result);
    const restoreFocus = focusKeeper();
    ui.facets.replaceChildren(...FACETS.map(([name, label]) =>
      facetBlock(state, name, label, result.facets[name] || [])));
    drawYears(state, result.facets.year || []);
    restoreFocus();
  }

  // Redrawing the sidebar replaces its controls; a keyboard user keeps
  // focus on the same checkbox or year bar (found again by its value).
  function focusKeeper() {
    const active = document.activeElement;
    if (!active || !ui.layout.querySelector('.sidebar').contains(active)) return () => {};
    const facet = active.closest('[data-facet]')?.dataset.facet;
    const value = active.dataset?.value ?? active.getAttribute('data-year');
    return () => {
      const again = facet
        ? [...ui.facets.querySelectorAll(`[data-facet="${facet}"] input[type=checkbox]`)].find((x) => x.dataset.value === value)
        : [...ui.years.querySelectorAll('a')].find((a) => a.getAttribute('data-year') === value);
      if (again) again.focus();
    };
  }

  // A query that finds nothing is answered with its spelling correction
  // (corrected: true); say so, and link the correction either way.
  function drawSuggestion(state, suggestion, corrected) {
    ui.suggestion.replaceChildren();
    ui.suggestion.hidden = !suggestion;
    if (!suggestion) return;
    const target = Object.assign({}, state, { q: suggestion, page: 1 });
    if (corrected) ui.suggestion.append(`Niets gevonden voor “${state.q.trim()}”; dit zijn de resultaten voor “${suggestion}”. `);
    ui.suggestion.append('Bedoelde u: ',
      el('a', { href: searchUrl(target), 'data-nav': true, class: 'suggest-link' }, suggestion), '?');
  }

  function hitItem(state, hit) {
    const meta = [dutchDate(hit.date), hit.host].filter(Boolean).join(' · ');
    const section = hit.section && hit.section.anchor
      ? el('p', { class: 'section' }, 'In de sectie ',
        el('a', { href: `${reportUrl(hit.id, state)}#${encodeURIComponent(hit.section.anchor)}`, 'data-nav': true },
          hit.section.heading))
      : null;
    return el('li', { class: 'hit' },
      el('h3', {}, el('a', { href: reportUrl(hit.id, state), 'data-nav': true }, hit.title || hit.id)),
      meta ? el('p', { class: 'meta' }, meta) : null,
      hit.themes.length ? el('ul', { class: 'tags', 'aria-label': 'Thema’s' },
        hit.themes.map((t) => el('li', {}, themeLabel(t)))) : null,
      hit.snippet ? safeHtml('p', { class: 'snippet' }, hit.snippet) : null,
      section);
  }

  function drawPages(state, result) {
    const last = Math.max(1, Math.ceil(result.total / result.per_page));
    ui.pages.replaceChildren();
    if (last === 1) return;
    const link = (page, label, attrs = {}) => el('a', Object.assign({
      href: searchUrl(Object.assign({}, state, { page })), 'data-nav': true,
    }, attrs), label);
    const items = [];
    if (state.page > 1) items.push(link(state.page - 1, 'Vorige', { rel: 'prev' }));
    const first = Math.max(1, state.page - 2);
    for (let p = first; p <= Math.min(last, first + 4); p++) {
      items.push(p === state.page
        ? el('span', { 'aria-current': 'page', class: 'current' }, String(p))
        : link(p, String(p), { 'aria-label': `Pagina ${p}` }));
    }
    if (state.page < last) items.push(link(state.page + 1, 'Volgende', { rel: 'next' }));
    ui.pages.append(...items);
  }

  // ---- facets -----------------------------------------------------------------

  const facetOpen = {};        // facet name -> "show more" is on
  const facetFilter = {};      // facet name -> text in its filter box

  function facetBlock(state, name, label, values) {
    const selected = state[name];
    const list = el('ul', { class: 'facet-values' });
    const filterText = facetFilter[name] || '';
    const block = el('fieldset', { class: 'facet', 'data-facet': name },
      el('legend', {}, label));
    if (values.length > FACET_SHOWN || filterText) {
      const input = el('input', {
        type: 'search', class: 'facet-filter', value: filterText,
        'aria-label': `Filter ${label.toLowerCase()}`, placeholder: `Zoek ${label.toLowerCase()}…`,
      });
      input.addEventListener('input', debounce(() => {
        facetFilter[name] = input.value;
        filterFacet(state, name, input.value, list);
      }, TYPE_DELAY_MS));
      block.append(input);
    }
    block.append(list);
    if (filterText) {
      filterFacet(state, name, filterText, list);
      return block;
    }
    fillFacetList(list, state, name, values, facetOpen[name] ? values.length : FACET_SHOWN);
    if (values.length > FACET_SHOWN) {
      block.append(el('button', {
        type: 'button', class: 'more', 'aria-expanded': facetOpen[name] ? 'true' : 'false',
        onclick: () => {
          facetOpen[name] = !facetOpen[name];
          block.replaceWith(facetBlock(state, name, label, values));
          block.querySelector('.more')?.focus();
        },
      }, facetOpen[name] ? 'Toon minder' : `Toon meer (${values.length - FACET_SHOWN})`));
    }
    return block;
  }

  // The values of one facet, selected ones first (even when they fell outside
  // the counted values), as checkboxes.
  function fillFacetList(list, state, name, values, shown) {
    const selected = state[name];
    const counted = new Map(values.map((v) => [v.value, v.count]));
    const rows = selected.map((value) => ({ value, count: counted.get(value) }));
    for (const v of values) if (!selected.includes(v.value)) rows.push(v);
    list.replaceChildren(...rows.slice(0, Math.max(shown, selected.length)).map((row) =>
      facetCheckbox(state, name, row)));
    if (!rows.length) list.append(el('li', { class: 'none' }, 'Geen waarden'));
  }

  let checkboxSeq = 0;
  function facetCheckbox(state, name, row) {
    const id = `f-${name}-${++checkboxSeq}`;
    const checked = state[name].includes(row.value);
    const label = name === 'theme' ? themeLabel(row.value) : row.value;
    return el('li', {},
      el('input', {
        type: 'checkbox', id, checked, 'data-value': row.value,
        onchange: () => {
          const now = stateFromSearch(location.search)[name].filter((v) => v !== row.value);
          if (!checked) now.push(row.value);
          setState({ [name]: now });
        },
      }),
      el('label', { for: id }, label, ' ',
        el('span', { class: 'count' }, row.count === undefined ? '' : `(${row.count})`)));
  }

  // The filter box of a facet: its values starting with the text, counted by
  // the API under the current query and the other facets' filters.
  async function filterFacet(state, name, text, list) {
    const params = stateParams(state, { withPage: false });
    params.set('prefix', text.trim());
    params.set('facet_limit', String(FACET_FETCHED));
    try {
      const answer = await getJson(`/facets/${name}?${params}`);
      fillFacetList(list, state, name, answer.values, answer.values.length);
    } catch (error) {
      list.replaceChildren(el('li', { class: 'none' }, error.message));
    }
  }

  // The year facet as a small SVG bar chart of matches per year; each bar is
  // a link (focusable, keyboard-usable) that filters on its year, or, when
  // that year is the filter already, removes it.
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    node.append(...children);
    return node;
  }

  function drawYears(state, values) {
    ui.years.replaceChildren();
    const chart = yearChart(values, (year) => {
      const active = state.from === year && state.to === year;
      return {
        href: searchUrl(Object.assign({}, state, active ? { from: '', to: '' } : { from: year, to: year }, { page: 1 })),
        active,
      };
    }, 'Verslagen per jaar; een staaf filtert op dat jaar');
    if (chart) ui.years.append(chart);
  }

  // Matches per year as a small SVG bar chart; each bar is a link (focusable,
  // keyboard-usable) to target(year).href.
  function yearChart(values, target, label) {
    const years = values.slice().sort((a, b) => a.value.localeCompare(b.value));
    if (!years.length) return null;
    const W = 260, H = 110, TOP = 14, BOTTOM = 16;
    const step = W / years.length;
    const max = Math.max(1, ...years.map((y) => y.count));
    const chart = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'year-chart', role: 'group', 'aria-label': label,
    });
    for (const [i, y] of years.entries()) {
      const { href, active } = target(y.value);
      const h = Math.max(2, ((H - TOP - BOTTOM) * y.count) / max);
      const x = i * step;
      const title = svg('title', {});
      title.textContent = `${y.value}: ${plural(y.count, 'verslag', 'verslagen')}`;
      const count = svg('text', { x: x + step / 2, y: H - BOTTOM - h - 3, class: 'n' });
      count.textContent = String(y.count);
      const yearLabel = svg('text', { x: x + step / 2, y: H - 4, class: 'year' });
      yearLabel.textContent = years.length > 8 ? `’${y.value.slice(2)}` : y.value;
      chart.append(svg('a', {
        href, 'data-nav': '', 'data-year': y.value,
        class: active ? 'year-bar active' : 'year-bar', 'aria-label': title.textContent,
        'aria-current': active ? 'true' : 'false',
      }, title, svg('rect', { x: x + 2, y: H - BOTTOM - h, width: Math.max(2, step - 4), height: h, rx: 1 }),
      count, yearLabel));
    }
    return chart;
  }

  // ---- chips, clear all, downloads ------------------------------------------------

  function drawChips(state) {
    const chips = [];
    const chip = (text, change) => chips.push(el('li', {}, el('button', {
      type: 'button', class: 'chip', 'aria-label': `Verwijder filter ${text}`, onclick: () => setState(change),
    }, text, el('span', { 'aria-hidden': 'true' }, ' ×'))));
    for (const [name, label] of FACETS) {
      for (const value of state[name]) {
        const shown = name === 'theme' ? themeLabel(value) : value;
        chip(`${label}: ${shown}`, { [name]: state[name].filter((v) => v !== value) });
      }
    }
    if (state.from) chip(`Vanaf ${state.from}`, { from: '' });
    if (state.to) chip(`Tot en met ${state.to}`, { to: '' });
    if (chips.length) {
      chips.push(el('li', {}, el('button', {
        type: 'button', class: 'clear-all',
        onclick: () => setState({ municipality: [], speaker: [], theme: [], from: '', to: '' }),
      }, 'Alles wissen')));
    }
    ui.chips.replaceChildren(...chips);
  }

  // "Download these results" when the server has /export (issue 10).
  let exportAvailable = null;
  async function drawDownloads(state) {
    if (exportAvailable === null) {
      // A route that exists answers a bad format with 400; a missing one, 404.
      exportAvailable = fetch('/export?format=-').then((r) => r.status === 400).catch(() => false);
    }
    if (!(await exportAvailable)) return;
    const params = stateParams(state, { withPage: false });
    // An export is in date order (newest first unless date_asc): relevance
    // order cannot be streamed, and /export refuses it.
    if (params.get('sort') === 'relevance') params.delete('sort');
    const link = (format, label) => {
      const p = new URLSearchParams(params);
      p.set('format', format);
      return el('a', { href: `/export?${p}`, download: true }, label);
    };
    ui.downloads.replaceChildren('Download deze resultaten: ', link('csv', 'CSV'), ' · ', link('jsonl', 'JSON lines'));
    ui.downloads.hidden = false;
  }

  // ---- the report view --------------------------------------------------------------

  // Words of the query worth highlighting, as stems: "samenwerking" also
  // marks "samenwerken".
  function queryStems(q) {
    return q.toLowerCase()
      .replace(/\b(titel|spreker|gemeente|thema):/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 && !['and', 'or', 'not', 'near'].includes(w))
      .map((w) => w.slice(0, Math.max(4, w.length - 3)));
  }

  function markTerms(root, stems) {
    if (!stems.length) return;
    const pattern = new RegExp(`(${stems.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`, 'giu');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    for (const node of texts) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const parts = [];
      let at = 0;
      for (const m of text.matchAll(pattern)) {
        if (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1])) continue;
        parts.push(text.slice(at, m.index), el('mark', {}, m[0]));
        at = m.index + m[0].length;
      }
      parts.push(text.slice(at));
      node.replaceWith(...parts.filter((p) => p !== ''));
    }
  }

  // A fact of a report as links: a name to its page, a theme to the search
  // filtered on it.
  function factLinks(label, values, href, show) {
    if (!values.length) return null;
    return [el('dt', {}, label), el('dd', {}, el('ul', { class: 'links' }, values.map((v) =>
      el('li', {}, el('a', { href: href(v), 'data-nav': true }, show(v)))))),
    ];
  }

  // The reports most like this one, each with the reason.
  async function relatedSection(id) {
    let answer;
    try {
      answer = await getJson(`/documents/${encodeURIComponent(id)}/related`);
    } catch {
      return null;
    }
    if (!answer.related.length) return null;
    return el('section', { class: 'related', 'aria-labelledby': 'verwant-kop' },
      el('h2', { id: 'verwant-kop' }, 'Verwante verslagen'),
      el('ol', { class: 'related-list' }, answer.related.map((r) => el('li', {},
        el('a', { href: reportUrl(r.id), 'data-nav': true }, r.title || r.id), ' ',
        el('span', { class: 'meta' }, [dutchDate(r.date), r.host].filter(Boolean).join(' · ')),
        el('p', { class: 'reason' }, r.reason)))));
  }

  async function renderReport(id, state) {
    const app = document.getElementById('app');
    const seq = ++requestSeq;
    let doc, related;
    setFeedLink(null);
    try {
      [doc, related] = await Promise.all([getJson(`/documents/${encodeURIComponent(id)}`), relatedSection(id)]);
    } catch (error) {
      if (seq !== requestSeq) return;
      app.replaceChildren(el('p', { class: 'status', role: 'status' }, `Dit verslag is niet gevonden: ${error.message}`),
        el('p', {}, el('a', { href: '/', 'data-nav': true }, 'Naar de zoekpagina')));
      return;
    }
    if (seq !== requestSeq) return;
    document.title = `${doc.title} – Vindplaats`;
    const body = safeHtml('div', { class: 'report-body' }, doc.html);
    const first = body.firstElementChild;
    if (first && first.tagName === 'H1' && first.textContent.trim() === doc.title.trim()) first.remove();
    markTerms(body, queryStems(state.q));
    const back = el('a', {
      href: searchUrl(state), 'data-nav': true, class: 'back',
    }, '← Terug naar de zoekresultaten');
    const toc = doc.sections.length ? el('nav', { class: 'toc', 'aria-label': 'Inhoud van het verslag' },
      el('h2', {}, 'Inhoud'), el('ol', {}, doc.sections.map((s) =>
        el('li', {}, el('a', { href: `#${encodeURIComponent(s.anchor)}` }, s.heading))))) : null;
    const facts = el('dl', { class: 'facts' },
      doc.date ? [el('dt', {}, 'Datum'), el('dd', {}, dutchDate(doc.date))] : null,
      doc.host ? [el('dt', {}, 'Gastgemeente'), el('dd', {},
        el('a', { href: municipalityUrl(doc.host), 'data-nav': true }, doc.host))] : null,
      factLinks('Gemeenten', doc.municipalities, municipalityUrl, (m) => m),
      factLinks('Sprekers', doc.speakers, (s) => speakerUrl(s.name), (s) =>
        [s.name, s.role || s.organisation ? ` (${[s.role, s.organisation].filter(Boolean).join(', ')})` : '']),
      factLinks('Thema’s', doc.themes, (t) => searchUrl(Object.assign(emptyState(), { theme: [t] })), themeLabel));
    const article = el('article', { class: 'report' },
      back, el('h1', { id: 'verslag-titel', tabindex: '-1' }, doc.title), facts, toc, body, related);
    app.replaceChildren(article);
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.scrollIntoView();
    else {
      window.scrollTo(0, 0);
      article.querySelector('h1').focus({ preventScroll: true });
    }
  }

  // ---- a municipality's and a speaker's page ------------------------------------------

  const ENTITY = {
    municipality: { api: '/municipalities/', page: municipalityUrl, word: 'gemeente' },
    speaker: { api: '/speakers/', page: speakerUrl, word: 'spreker' },
  };

  // A list of links with counts, or a line saying there are none.
  function countList(items, none, link) {
    if (!items.length) return el('p', { class: 'meta' }, none);
    return el('ul', { class: 'counts' }, items.map((item) => el('li', {}, ...link(item))));
  }

  function part(title, ...content) {
    return el('section', { class: 'entity-part' }, el('h2', {}, title), ...content);
  }

  function yearsText(from, to) {
    if (!from && !to) return '';
    const a = (from || to).slice(0, 4), b = (to || from).slice(0, 4);
    return a === b ? a : `${a}–${b}`;
  }

  function municipalityParts(m, filtered) {
    const lede = [m.ended ? 'Voormalige gemeente' : 'Gemeente', m.province ? ` in ${m.province}` : ''];
    if (m.successor) lede.push(', opgegaan in ', el('a', { href: municipalityUrl(m.successor), 'data-nav': true }, m.successor));
    lede.push('.');
    const history = m.history ? el('p', { class: 'history' }, `${m.history}.`,
      m.predecessors.length ? [' Voorgangers: ', m.predecessors.flatMap((p, i) =>
        [i ? ', ' : '', el('a', { href: municipalityUrl(p.name), 'data-nav': true }, p.name)]), '.'] : null) : null;
    return {
      head: [el('p', { class: 'lede' }, ...lede), history],
      extra: m.hosted ? `, waarvan ${m.hosted} als gastgemeente` : '',
      parts: [
        part(`Sprekers uit ${m.name}`, countList(m.speakers, 'Geen sprekers van deze gemeente gevonden.', (sp) => [
          el('a', { href: speakerUrl(sp.name), 'data-nav': true }, sp.name),
          sp.role || sp.organisation ? [' ', el('span', { class: 'meta' }, [sp.role, sp.organisation].filter(Boolean).join(', '))] : '',
          ' ', el('span', { class: 'count' }, `(${sp.reports})`)])),
      ],
      filtered,
    };
  }

  function speakerParts(sp, filtered) {
    return {
      head: [],
      extra: '',
      parts: [
        part('Organisaties', el('ol', { class: 'timeline' }, sp.organisations.map((o) => el('li', {},
          el('span', { class: 'when' }, yearsText(o.from, o.to)), ' ',
          o.organisation || (o.role ? '' : 'zonder organisatie'),
          o.role ? (o.organisation ? ` (${o.role})` : o.role) : '',
          ' ', el('span', { class: 'count' }, `(${plural(o.reports, 'verslag', 'verslagen')})`))))),
        part(`Gemeenten waar ${sp.name} sprak`, countList(sp.municipalities, 'Geen gastgemeente bekend.', (m) => [
          el('a', { href: municipalityUrl(m.value), 'data-nav': true }, m.value), ' ',
          el('span', { class: 'count' }, `(${m.count})`)])),
      ],
      filtered,
    };
  }

  async function renderEntity(kind, name, state) {
    const app = document.getElementById('app');
    const seq = ++requestSeq;
    const { api, page: pageUrl, word } = ENTITY[kind];
    // The URL's paging, as the server's page links write it.
    const paging = new URLSearchParams(location.search);
    const perPage = paging.get('per_page');
    const query = state.page > 1 || perPage
      ? `?${new URLSearchParams(Object.assign({}, state.page > 1 ? { page: state.page } : {}, perPage ? { per_page: perPage } : {}))}`
      : '';
    let data;
    try {
      data = await getJson(`${api}${encodeURIComponent(name)}${query}`);
    } catch (error) {
      if (seq !== requestSeq) return;
      setFeedLink(null);
      app.replaceChildren(el('p', { class: 'status', role: 'status' }, `Niet gevonden: ${error.message}`),
        el('p', {}, el('a', { href: '/', 'data-nav': true }, 'Naar de zoekpagina')));
      return;
    }
    if (seq !== requestSeq) return;
    document.title = `${data.name} – Vindplaats`;
    const filtered = (more) => searchUrl(Object.assign(emptyState(), { [kind]: [data.name] }, more));
    const feed = `/feed?${new URLSearchParams({ [kind]: data.name })}`;
    setFeedLink(feed, `Vindplaats: verslagen met ${word} ${data.name}`);
    const view = kind === 'municipality' ? municipalityParts(data, filtered) : speakerParts(data, filtered);
    const chart = yearChart(data.years, (year) => ({ href: filtered({ from: year, to: year }), active: false }),
      'Verslagen per jaar; een staaf zoekt in dat jaar');
    const themes = countList(data.themes, 'Geen thema’s.', (t) => [
      el('a', { href: filtered({ theme: [t.value] }), 'data-nav': true }, t.label || themeLabel(t.value)), ' ',
      el('span', { class: 'count' }, `(${t.count})`)]);
    const last = Math.max(1, Math.ceil(data.total / data.per_page));
    const pageLink = (p, label, rel) => {
      const params = new URLSearchParams(Object.assign({}, p > 1 ? { page: p } : {}, perPage ? { per_page: perPage } : {}));
      return el('a', { href: `${pageUrl(data.name)}${params.toString() ? `?${params}` : ''}`, 'data-nav': true, rel }, label);
    };
    const pages = last > 1 ? el('nav', { class: 'pages', 'aria-label': 'Pagina’s' },
      data.page > 1 ? pageLink(data.page - 1, 'Vorige', 'prev') : null,
      el('span', { class: 'current', 'aria-current': 'page' }, `Pagina ${data.page}`),
      data.page < last ? pageLink(data.page + 1, 'Volgende', 'next') : null) : null;
    const hits = el('ol', { class: 'hits', start: String((data.page - 1) * data.per_page + 1) },
      data.reports.map((hit) => hitItem(emptyState(), hit)));
    const article = el('article', { class: 'entity', 'data-kind': kind },
      el('p', {}, el('a', { class: 'back', href: '/', 'data-nav': true }, '← Naar de zoekpagina')),
      el('h1', { tabindex: '-1' }, data.name), ...view.head,
      el('p', { class: 'summary' }, el('span', { class: 'total' }, plural(data.total, 'verslag', 'verslagen')), view.extra,
        ' · ', el('a', { href: filtered({}), 'data-nav': true }, 'Zoek in deze verslagen'),
        ' · ', el('a', { href: feed }, 'Volg als Atom-feed')),
      el('div', { class: 'entity-grid' },
        kind === 'speaker' ? view.parts[0] : null,
        part('Verslagen per jaar', chart),
        part('Thema’s', themes),
        kind === 'speaker' ? view.parts[1] : view.parts[0]),
      el('section', { class: 'entity-reports' }, el('h2', {}, 'Verslagen'), hits, pages));
    app.replaceChildren(article);
    window.scrollTo(0, 0);
    article.querySelector('h1').focus({ preventScroll: true });
  }

  // ---- start ----------------------------------------------------------------------

  function render() {
    const state = stateFromSearch(location.search);
    const input = document.getElementById('q');
    if (document.activeElement !== input) input.value = state.q;
    const report = location.pathname.match(/^\/r\/(.+)$/);
    if (report) return renderReport(decodeURIComponent(report[1]), state);
    const place = location.pathname.match(/^\/gemeente\/(.+)$/);
    if (place) return renderEntity('municipality', decodeURIComponent(place[1]), state);
    const speaker = location.pathname.match(/^\/spreker\/(.+)$/);
    if (speaker) return renderEntity('speaker', decodeURIComponent(speaker[1]), state);
    return renderSearch(state);
  }

  function start() {
    const form = document.getElementById('zoekform');
    const input = document.getElementById('q');
    // The plain form's extra fields (filters, sort) are for a page without
    // JavaScript; here the state lives in the URL.
    for (const extra of form.querySelectorAll('.form-extra')) extra.remove();
    const typed = debounce(() => {
      const onReport = location.pathname !== '/';
      setState(onReport ? Object.assign(emptyState(), { q: input.value }) : { q: input.value },
        { typing: !onReport });
    }, TYPE_DELAY_MS);
    input.addEventListener('input', typed);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      setState({ q: input.value });
      ui.layout?.querySelector('#resultaten-kop')?.focus();
    });
    document.addEventListener('click', onLinkClick);
    window.addEventListener('popstate', () => {
      lastTyped = false;
      render();
    });
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
