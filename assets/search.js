// Directory search for clustersite: loads the search index the build
// wrote (see generator/site/search.go for its format), then filters,
// counts and lists clusters in the page as the visitor types. The state
// (query, facets, sort) lives in the URL, so a search can be shared and
// the back button works. Without this script the page keeps its
// server-rendered list; nothing here is needed to reach any cluster.
'use strict';

(() => {
  const finder = document.querySelector('.finder');
  if (!finder || !window.fetch) return;

  const PAGE = 25; // results shown at first and added by "Show more"
  const FACETS = ['country', 'label', 'portfolio', 'status'];
  const SORTS = ['', 'valid', 'newest'];

  // Folding: the same rule as generator/fold (read its doc comment);
  // generator/fold/testdata/fold.json holds cases both must pass.
  const SPECIAL = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h', 'ς': 'σ' };

  function fold(s) {
    const mapped = s.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase()
      .replace(/[ßæœøłđðþıħς]/g, (c) => SPECIAL[c])
      .replace(/[’‘ʼ]/g, "'")
      .replace(/[·\p{Cf}]/gu, '');
    return mapped.split(/[^\p{L}\p{N}']+/u)
      .map((w) => w.replace(/'{2,}/g, "'").replace(/^'+|'+$/g, ''))
      .filter((w) => w !== '')
      .join(' ');
  }

  // searchable returns the words a query word may match the start of,
  // padded with spaces so that " " + word finds a word start. A word with
  // apostrophes counts as its parts and as the parts written together.
  function searchable(text) {
    const out = [];
    for (const w of fold(text).split(' ')) {
      if (w.includes("'")) out.push(...w.split("'"), w.replaceAll("'", ''));
      else if (w) out.push(w);
    }
    return ' ' + out.join(' ') + ' ';
  }

  // queryWords splits a query at spaces and apostrophes, each word
  // prefixed with the space that marks a word start.
  function queryWords(q) {
    return fold(q).split(/[ ']+/).filter((w) => w !== '').map((w) => ' ' + w);
  }

  // idOf is the id the build leaves out of the index when it can be
  // derived from the name (see derivedID in generator/site/search.go).
  function idOf(name) {
    return fold(name).split(/[ ']+/).filter((w) => w !== '').join('-');
  }

  window.clustersiteFold = fold; // for the browser test of the shared table

  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const digit = new Int8Array(128);
  for (let i = 0; i < 64; i++) digit[DIGITS.charCodeAt(i)] = i;

  // column decodes one integer per cluster: width base-64 digits each,
  // most significant digits of every cluster first.
  function column(c, n) {
    const out = new Int32Array(n);
    for (let k = 0; k < c.width; k++) {
      for (let i = 0; i < n; i++) out[i] = out[i] * 64 + digit[c.data.charCodeAt(k * n + i)];
    }
    for (let i = 0; i < n; i++) out[i] += c.base;
    return out;
  }

  // load turns the index file into arrays indexed by cluster number.
  function load(ix) {
    const n = ix.clusters;
    const col = (name) => column(ix.columns[name], n);
    const d = {
      n, ix,
      place: col('place'), portfolio: col('portfolio'), label: col('label'), status: col('status'),
      newest: col('newest'), valid: col('valid'),
      country: new Int32Array(n),
      names: [], ids: [],
      sectorSet: null, sectorWords: null, // until the sectors file is loaded
    };
    const words = [];
    let prev = '';
    ix.names.split('\n').forEach((line, i) => {
      const name = prev.slice(0, digit[line.charCodeAt(0)]) + line.slice(1);
      const native = ix.nativeNames[i] || '';
      d.names.push(name);
      d.ids.push(ix.ids[i] || idOf(name));
      words.push(searchable(name + ' ' + native));
      d.country[i] = ix.places[d.place[i]][0];
      d.valid[i] += d.newest[i]; // stored as days after the newest assessment
      prev = name;
    });
    d.nameWords = joined(words);
    d.placeWords = joined(ix.places.map(([c, region]) => searchable(region + ' ' + ix.countries[c].name)));
    d.portfolioWords = joined(ix.portfolios.map((p) => searchable(p.name)));
    const identity = Array.from({ length: n }, (_, i) => i);
    d.orders = {
      '': identity,
      valid: identity.slice().sort((a, b) => d.valid[b] - d.valid[a] || a - b),
      newest: identity.slice().sort((a, b) => d.newest[b] - d.newest[a] || a - b),
    };
    // Facet values as the form names them, in index order.
    d.values = {
      country: ix.countries.map((c) => c.code),
      label: ix.labels,
      portfolio: ix.portfolios.map((p) => p.slug),
      status: ix.statuses,
    };
    return d;
  }

  // addSectors adds the second file of the index to the data.
  function addSectors(d, sx) {
    d.sectorSet = column(sx.column, d.n);
    d.sectorWords = joined(sx.sectorSets.map((set) => searchable(set.map((s) => sx.sectors[s]).join(' '))));
  }

  // joined puts searchable strings end to end and notes where each
  // starts, so that hits finds a query word in all of them with a few
  // indexOf calls: at 10,000 clusters most words take 0.1 ms to find in
  // the names, where includes on each name took 0.3 to 0.4 ms.
  function joined(list) {
    const starts = new Int32Array(list.length + 1);
    list.forEach((text, i) => { starts[i + 1] = starts[i] + text.length; });
    return { text: list.join(''), starts };
  }

  // hits marks the strings of a joined list that hold the query word w (a
  // space, then the start of a word). It looks for w without its space,
  // whose letters are rarer in the text than spaces and so quicker for
  // indexOf to find, and keeps the places that follow a space. No match
  // spans two strings, since every string starts with a space (see
  // searchable).
  function hits(list, w) {
    const found = new Uint8Array(list.starts.length - 1);
    const { text, starts } = list, start = w.slice(1);
    let k = 0;
    for (let at = text.indexOf(start, 1); at !== -1;) {
      if (text.charCodeAt(at - 1) !== 32) {
        at = text.indexOf(start, at + 1);
        continue;
      }
      while (starts[k + 1] <= at) k++;
      found[k] = 1;
      at = text.indexOf(start, starts[k + 1] + 1);
    }
    return found;
  }

  // search returns the matching clusters in display order and the count
  // of each facet value under the query and the other facets.
  function search(d, state) {
    const words = queryWords(state.q);
    const nameHits = words.map((w) => hits(d.nameWords, w));
    const placeHits = words.map((w) => hits(d.placeWords, w));
    const portfolioHits = words.map((w) => hits(d.portfolioWords, w));
    const sectorHits = d.sectorWords === null ? null : words.map((w) => hits(d.sectorWords, w));
    const facetOf = [d.country, d.label, d.portfolio, d.status];
    const selected = FACETS.map((f) => {
      if (state[f].size === 0) return null;
      return Uint8Array.from(d.values[f], (v) => (state[f].has(v) ? 1 : 0));
    });
    const counts = FACETS.map((f) => new Int32Array(d.values[f].length));
    // Sorted by name, clusters whose name holds every query word come
    // first; each part keeps the order it is walked in.
    const first = [], rest = [];
    for (const i of d.orders[state.sort]) {
      let inName = true, all = true;
      for (let j = 0; j < words.length && all; j++) {
        if (nameHits[j][i] === 1) continue;
        inName = false;
        all = placeHits[j][d.place[i]] === 1 || portfolioHits[j][d.portfolio[i]] === 1 ||
          (sectorHits !== null && sectorHits[j][d.sectorSet[i]] === 1);
      }
      if (!all) continue;
      let failed = -1, failures = 0;
      for (let f = 0; f < 4; f++) {
        const sel = selected[f];
        if (sel !== null && sel[facetOf[f][i]] !== 1) { failed = f; failures++; }
      }
      if (failures === 0) {
        for (let f = 0; f < 4; f++) if (facetOf[f][i] >= 0) counts[f][facetOf[f][i]]++;
        (inName || state.sort !== '' ? first : rest).push(i);
      } else if (failures === 1 && facetOf[failed][i] >= 0) {
        counts[failed][facetOf[failed][i]]++;
      }
    }
    return { results: first.concat(rest), counts };
  }

  // The page.
  const root = finder.dataset.root;
  const text = JSON.parse(document.getElementById('search-text').textContent);
  const lang = document.documentElement.lang || 'en';
  const number = new Intl.NumberFormat(lang);
  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const sortSelect = document.getElementById('sort');
  const tbody = finder.querySelector('.results tbody');
  const countLine = document.getElementById('result-count');
  const noResults = finder.querySelector('.no-results');
  const shownLine = finder.querySelector('.shown');
  const moreButton = finder.querySelector('.more');
  const clearButton = finder.querySelector('.clear-all');
  const details = finder.querySelector('.facets');
  const table = finder.querySelector('.results');
  const validHeader = table.tHead.rows[0].cells[4].textContent;
  const activeCount = finder.querySelector('.active-count');
  const boxes = {}; // facet → its checkboxes
  for (const f of FACETS) boxes[f] = Array.from(finder.querySelectorAll(`input[name="${f}"]`));

  // Display names of labels and statuses come from the form, which the
  // template translates; they are read once, not for every row shown.
  const displayNames = {};
  for (const f of ['label', 'status']) {
    displayNames[f] = new Map(boxes[f].map((b) => [b.value, b.parentElement.querySelector('.facet-name').textContent]));
  }
  const nameOf = (facet, key) => displayNames[facet].get(key) ?? key;

  function stateFromURL() {
    const p = new URLSearchParams(location.search);
    const state = { q: p.get('q') || '', sort: SORTS.includes(p.get('sort')) ? p.get('sort') : '' };
    for (const f of FACETS) state[f] = new Set(p.getAll(f));
    return state;
  }

  function stateFromForm() {
    const state = { q: input.value, sort: sortSelect.value };
    for (const f of FACETS) state[f] = new Set(boxes[f].filter((b) => b.checked).map((b) => b.value));
    return state;
  }

  function showState(state) {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const f of FACETS) for (const b of boxes[f]) b.checked = state[f].has(b.value);
  }

  function urlOf(state) {
    const p = new URLSearchParams();
    if (state.q.trim() !== '') p.set('q', state.q);
    for (const f of FACETS) for (const b of boxes[f]) if (state[f].has(b.value)) p.append(f, b.value);
    if (state.sort !== '') p.set('sort', state.sort);
    const query = p.toString();
    return location.pathname + (query ? '?' + query : '') + location.hash;
  }

  function saveState(state, push) {
    const url = urlOf(state);
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // Typing writes the URL once it pauses, not at every keystroke: a
  // history update cost a keystroke 2 to 3 ms in Chromium, as much as
  // laying out its new results, and browsers limit how often a page may
  // make one. The typed state is written before any other change of the
  // URL, and when the search box loses focus, so that the back button
  // from a result comes back to it.
  const TYPING_PAUSE = 300; // ms
  let typed = null, typedTimer = 0; // the typed state not yet in the URL

  function typing(state) {
    typed = state;
    clearTimeout(typedTimer);
    typedTimer = setTimeout(saveTyped, TYPING_PAUSE);
  }

  function saveTyped() {
    clearTimeout(typedTimer);
    if (typed !== null) saveState(typed, false);
    typed = null;
  }

  function isoDate(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  // readableDate writes a date as the page does (see dateStyle in
  // generator/render/dates.go).
  function readableDate(day) {
    const style = text.dates;
    if (!style) return isoDate(day);
    const t = new Date(day * 86400000);
    const d = t.getUTCDate();
    return style.pattern.replace('%d', d === 1 && style.first ? style.first : d)
      .replace('%m', style.months[t.getUTCMonth()]).replace('%y', t.getUTCFullYear());
  }

  function el(tag, className, content) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  // A result row is made once and then refilled (see fill): a keystroke
  // rewrites only the cells whose text changes. Building 25 new rows, and
  // working out the style of their elements, cost the first letter typed
  // about 1.5 ms more at 10,000 clusters in Chromium.
  function rowView() {
    const tr = document.createElement('tr');
    const th = el('th');
    th.scope = 'row';
    const a = el('a'), region = el('span', 'region');
    th.append(a, region);
    const cells = [el('td'), el('td'), el('td'), el('td', 'valid'), el('td')];
    const badge = el('span'), time = el('time'), status = el('span');
    cells[2].append(badge);
    cells[3].append(time);
    cells[3].dataset.label = validHeader; // shown before the date where rows stack
    cells[4].append(status);
    tr.append(th, ...cells);
    return { tr, a, region, country: cells[0], portfolio: cells[1], badge, time, status, shows: -1 };
  }

  // setText changes an element's text only when it differs, so that the
  // browser lays out again only what changed; where the element holds one
  // text node it changes that node's data, which keeps the node's layout
  // box (about 15% less layout than new nodes for 25 rows in Chromium).
  const setText = (e, t) => {
    const node = e.firstChild;
    if (node !== null && node.nodeType === Node.TEXT_NODE && node.nextSibling === null) {
      if (node.data !== t) node.data = t;
    } else if (e.textContent !== t) {
      e.textContent = t;
    }
  };

  // setProp sets property p of e only when it differs, as setText does.
  const setProp = (e, p, v) => {
    if (e[p] !== v) e[p] = v;
  };

  // fill makes row view v show cluster i.
  function fill(v, i) {
    if (v.shows === i) return;
    v.shows = i;
    const d = data, ix = d.ix;
    setText(v.a, d.names[i]);
    v.a.setAttribute('href', root + 'clusters/' + d.ids[i] + '/');
    const region = ix.places[d.place[i]][1];
    setText(v.region, region);
    setProp(v.region, 'hidden', !region);
    setText(v.country, ix.countries[d.country[i]].name);
    setText(v.portfolio, d.portfolio[i] < 0 ? '' : ix.portfolios[d.portfolio[i]].name);
    const label = ix.labels[d.label[i]], status = ix.statuses[d.status[i]];
    setProp(v.badge, 'className', 'badge badge-' + label);
    setText(v.badge, nameOf('label', label));
    setText(v.time, readableDate(d.valid[i]));
    setProp(v.time, 'dateTime', isoDate(d.valid[i]));
    setProp(v.status, 'className', 'status status-' + status);
    setText(v.status, nameOf('status', status));
  }

  const format = (template, ...args) => args.reduce((s, a) => s.replace('%s', a), template);

  // The view: what search returned and how much of it is shown; row k of
  // the table is rowViews[k] and shows results[k].
  let data = null, results = [], shown = 0;
  const rowViews = [];

  // showRows shows the first count results, reusing the rows there are.
  function showRows(count) {
    const added = document.createDocumentFragment();
    for (let k = 0; k < count; k++) {
      if (k === rowViews.length) rowViews.push(rowView());
      fill(rowViews[k], results[k]);
      if (k >= shown) added.append(rowViews[k].tr);
    }
    for (let k = count; k < shown; k++) rowViews[k].tr.remove();
    tbody.append(added);
    shown = count;
    setText(shownLine, results.length > PAGE ? format(text.shown, number.format(shown), number.format(results.length)) : '');
    setProp(moreButton, 'hidden', shown >= results.length);
  }

  function showMore() {
    const from = shown;
    showRows(Math.min(results.length, shown + PAGE));
    if (shown > from) rowViews[from].a.focus();
  }

  // Each facet value's count element, list item and shown count, set in
  // start, so that an update writes only the counts that change.
  let countViews = null;

  function showCounts(counts) {
    for (const v of countViews) {
      const c = counts[v.facet][v.index] || 0; // undefined for a value no cluster has
      if (c === v.shows) continue;
      v.shows = c;
      setText(v.count, number.format(c));
      v.li.classList.toggle('zero', c === 0);
    }
  }

  function update() {
    const state = stateFromForm();
    const out = search(data, state);
    results = out.results;
    showRows(Math.min(PAGE, results.length));
    const n = results.length;
    setText(countLine, n === 0 ? text.none : n === 1 ? text.one : format(text.many, number.format(n)));
    setProp(noResults, 'hidden', n > 0);
    setProp(table.parentElement, 'hidden', n === 0);
    showCounts(out.counts);
    const active = FACETS.reduce((sum, f) => sum + state[f].size, 0);
    setText(activeCount, active ? `(${number.format(active)})` : '');
    setProp(clearButton, 'hidden', active === 0 && state.q.trim() === '');
    return state;
  }

  function start(ix) {
    data = load(ix);
    countViews = FACETS.flatMap((f, facet) => boxes[f].map((b) => ({
      facet, index: data.values[f].indexOf(b.value), shows: null,
      count: b.parentElement.querySelector('.count'), li: b.closest('li'),
    })));
    const state = stateFromURL();
    if (input.value.trim() !== '') state.q = input.value; // typed while the index loaded
    showState(state);
    saveState(update(), false);
    for (const part of finder.querySelectorAll('.finder-facets, .finder-results')) part.hidden = false;
    document.getElementById('listing').hidden = true;
    const narrow = matchMedia('(max-width: 47.99rem)');
    details.open = !narrow.matches;
    narrow.addEventListener('change', () => { details.open = !narrow.matches; });

    input.addEventListener('input', () => typing(update()));
    finder.addEventListener('change', (e) => {
      saveTyped(); // the search box lost focus, or a facet or the sort follows typing
      if (e.target !== input) saveState(update(), true);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      saveTyped();
      saveState(update(), false);
    });
    clearButton.addEventListener('click', () => {
      saveTyped();
      const sort = sortSelect.value;
      showState({ q: '', sort, country: new Set(), label: new Set(), portfolio: new Set(), status: new Set() });
      saveState(update(), true);
      input.focus();
    });
    moreButton.addEventListener('click', showMore);
    window.addEventListener('popstate', () => {
      typed = null; // it was typed into the entry left
      showState(stateFromURL());
      update();
    });
  }

  const getJSON = (url) => fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
    return r.json();
  });

  // The index first, for the first results; then the sectors, after which
  // the results are those of the complete index. An error of start or of
  // the update itself is not caught here, so that it shows in the console.
  getJSON(finder.dataset.index)
    .then((ix) => {
      start(ix);
      return getJSON(finder.dataset.sectors).then((sx) => {
        addSectors(data, sx);
        update();
        finder.dataset.complete = 'true';
      });
    }, () => {
      // The list and the browse pages still work.
      finder.querySelector('.search-failed').hidden = false;
    });
})();
