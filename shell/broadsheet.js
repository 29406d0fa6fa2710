// The page side of Broadsheet (appended to the emscripten module with --post-js, so it sees
// Module, HEAPU8 and ccall): dropped and picked files into the core, resizing, and the test hook
// window.broadsheet. Article bytes go from the File object straight into wasm memory; nothing is
// sent anywhere.
(function () {
  'use strict';
  var ready = false;
  var readyWaiters = [];
  var queue = Promise.resolve(); // imports run one batch after another, in order
  var importing = 0;

  // The articles the page was published with (build-wasm.sh --corpus): corpus.json names them and
  // their prebuilt index, both gzipped. They are fetched with the page's own files, before the
  // app says it is ready, so opening them later makes no request. No corpus.json (or a page
  // opened from file://): no bundle, silently.
  function gunzip(response) {
    if (!response.ok) throw new Error(response.url + ': HTTP ' + response.status);
    if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot unpack the sample articles');
    return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  var bundle = location.protocol === 'file:' ? Promise.resolve(null) :
    fetch('corpus.json', { cache: 'no-cache' }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (m) {
        if (!m || !m.articles || !m.index) return null;
        return Promise.all([fetch(m.articles).then(gunzip), fetch(m.index).then(gunzip)])
          .then(function (parts) { return { manifest: m, articles: new Uint8Array(parts[0]), index: new Uint8Array(parts[1]) }; });
      })
      .catch(function (e) { console.warn('Broadsheet: no sample articles: ' + e.message); return null; });

  // The CJK font (DroidSansFallback, gzipped beside the page in fonts/): fetched with the page's own
  // files, whatever the articles hold (a request must never tell what is being read), and handed
  // to the app when it arrives; it never holds up the page. The app bakes only the characters the
  // articles use (web/fonts.cpp). The single-file build (opened from file://, where nothing can be
  // fetched) carries the gzipped font inside the page, base64 in a data block (build-wasm.sh).
  var embeddedFont = document.getElementById('cjk-font-gz');
  var cjkFont = typeof DecompressionStream !== 'function' ? Promise.resolve(null) :
    embeddedFont ? Promise.resolve().then(function () {
      var text = embeddedFont.textContent.replace(/\s+/g, '');
      embeddedFont.textContent = ''; // the page need not keep 2 MB of base64
      var bin = atob(text), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); })
      .catch(function (e) { console.warn('Broadsheet: no CJK font: ' + e.message); return null; }) :
    location.protocol === 'file:' ? Promise.resolve(null) :
    fetch('fonts/DroidSansFallback.ttf.gz').then(gunzip).then(function (b) { return new Uint8Array(b); })
      .catch(function (e) { console.warn('Broadsheet: no CJK font: ' + e.message); return null; });

  function handOverFont(bytes) {
    if (!bytes || !bytes.length) return;
    var ptr = _malloc(bytes.length);
    if (!ptr) return;
    HEAPU8.set(bytes, ptr);
    _bs_set_cjk_font(ptr, bytes.length);
  }

  function handOverBundle(b) {
    if (!b) return;
    function copy(bytes) {
      var ptr = _malloc(Math.max(bytes.length, 1));
      HEAPU8.set(bytes, ptr);
      return ptr;
    }
    ccall('bs_set_bundle', null, ['string', 'number', 'number', 'number', 'number', 'number', 'number'],
          [String(b.manifest.title || 'Sample articles'), b.manifest.count | 0, b.manifest.autoload ? 1 : 0,
           copy(b.articles), b.articles.length, copy(b.index), b.index.length]);
  }

  // Files in natural order, as file managers list them ("day-2.txt" before "day-10.txt"), so a
  // numbered series keeps its order in the library; code units decide a tie.
  var nameOrder = new Intl.Collator('en', { numeric: true });
  function byName(a, b) { return nameOrder.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); }

  // Reads every file of a drop, including folders (webkitGetAsEntry), in a stable order.
  function entriesToFiles(entries) {
    var out = [];
    function walk(entry, path) {
      if (!entry) return Promise.resolve();
      if (entry.isFile) {
        return new Promise(function (resolve) {
          entry.file(function (f) { out.push({ name: path + f.name, file: f }); resolve(); },
                     function () { out.push({ name: path + entry.name, error: 'cannot read the file' }); resolve(); });
        });
      }
      if (entry.isDirectory) {
        var reader = entry.createReader();
        var children = [];
        return new Promise(function (resolve) {
          (function more() {
            reader.readEntries(function (batch) {
              if (!batch.length) {
                children.sort(byName);
                children.reduce(function (p, c) { return p.then(function () { return walk(c, path + entry.name + '/'); }); },
                                Promise.resolve()).then(resolve);
                return;
              }
              children.push.apply(children, batch);
              more();
            }, function () { resolve(); });
          })();
        });
      }
      return Promise.resolve();
    }
    return entries.reduce(function (p, e) { return p.then(function () { return walk(e, ''); }); }, Promise.resolve())
      .then(function () { return out; });
  }

  function importBytes(name, bytes) {
    var ptr = _malloc(Math.max(1, bytes.length));
    if (!ptr) return false;
    HEAPU8.set(bytes, ptr); // HEAPU8 is re-read after malloc, which may have grown memory
    ccall('bs_import_file', null, ['string', 'number', 'number'], [name, ptr, bytes.length]);
    return true;
  }

  // Gives the browser a chance to draw a frame and handle input (the UI keeps drawing while
  // thousands of files import); resolved promises alone never yield to rendering.
  function yieldToBrowser() { return new Promise(function (r) { setTimeout(r, 0); }); }

  function readItem(it) {
    if (it.error) return Promise.resolve(new Uint8Array(0));
    if (it.file) return it.file.arrayBuffer().then(function (b) { return new Uint8Array(b); },
                                                    function () { return null; });
    return Promise.resolve(it.bytes ? it.bytes : new TextEncoder().encode(it.text || ''));
  }

  // items: [{name, file}] or [{name, bytes}] or [{name, text}]; resolves after the batch imported
  // (or was cancelled). Batches run one after another, in order.
  function importItems(items) {
    importing++;
    queue = queue.then(async function () {
      var total = items.length, done = 0, sliceStart = performance.now();
      _bs_import_progress(0, total);
      try {
        for (var i = 0; i < total; i++) {
          if (_bs_import_cancel_requested()) break;
          var it = items[i];
          if (it.file && it.file.size > _bs_max_import_bytes()) { // refused by its size, never read
            var mb = function (n) { return Math.round(n / 1048576) + ' MB'; };
            ccall('bs_import_failed', null, ['string', 'string'],
                  [it.name, 'the file is too large (' + mb(it.file.size) + '; the limit is ' + mb(_bs_max_import_bytes()) + ')']);
            _bs_import_progress(++done, total);
            continue;
          }
          var bytes = await readItem(it);
          if (bytes === null) ccall('bs_import_failed', null, ['string', 'string'], [it.name, 'the browser could not read the file']);
          else if (!importBytes(it.name, bytes))
            ccall('bs_import_failed', null, ['string', 'string'], [it.name, 'not enough memory to read this file (' + Math.round(bytes.length / 1048576) + ' MB)']);
          _bs_import_progress(++done, total);
          if (performance.now() - sliceStart > 12) {
            await yieldToBrowser();
            sliceStart = performance.now();
          }
        }
      } catch (e) {
        console.error(e);
      } finally {
        _bs_import_done();
        importing--;
        announce();
      }
    });
    return queue;
  }

  function filesFromDataTransfer(dt) {
    var entries = [];
    if (dt.items && dt.items.length && dt.items[0].webkitGetAsEntry) {
      for (var i = 0; i < dt.items.length; i++) {
        var e = dt.items[i].kind === 'file' ? dt.items[i].webkitGetAsEntry() : null;
        if (e) entries.push(e);
      }
    }
    // Entries must be taken synchronously, inside the drop event; files are the fallback (and
    // what synthetic drops in tests carry).
    if (entries.length) return entriesToFiles(entries);
    var files = Array.prototype.map.call(dt.files || [], function (f) { return { name: f.name, file: f }; });
    return Promise.resolve(files);
  }

  var dragDepth = 0;
  function hasFiles(e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0; }
  window.addEventListener('dragenter', function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (dragDepth++ === 0 && ready) _bs_set_drag_active(1);
  });
  window.addEventListener('dragover', function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', function (e) {
    if (!hasFiles(e)) return;
    if (--dragDepth <= 0) { dragDepth = 0; if (ready) _bs_set_drag_active(0); }
  });
  window.addEventListener('drop', function (e) {
    e.preventDefault(); // never let the browser navigate to a dropped file
    dragDepth = 0;
    if (ready) _bs_set_drag_active(0);
    if (!e.dataTransfer) return;
    filesFromDataTransfer(e.dataTransfer).then(function (items) {
      whenReady(function () { importItems(items); });
    });
  });

  // The pickers: files, or a whole folder (webkitdirectory gives every file under it, with its
  // relative path).
  function wirePicker(id) {
    var picker = document.getElementById(id);
    if (!picker) return function () {};
    picker.addEventListener('change', function () {
      var items = Array.prototype.map.call(picker.files, function (f) {
        return { name: f.webkitRelativePath || f.name, file: f };
      });
      items.sort(byName);
      picker.value = '';
      importItems(items);
    });
    return function () { picker.click(); };
  }
  Module.broadsheetPickFiles = wirePicker('file-picker');
  Module.broadsheetPickFolder = wirePicker('folder-picker');

  // Ctrl+K is the app's "search" key, not the browser's; F1 its help on the search syntax. Ctrl+V is the browser's: SDL would cancel
  // its keydown (as it does every Ctrl key), and a cancelled Ctrl+V fires no paste event; the paste
  // listener below hands the text to the app instead (imgui's own Ctrl+V pastes nothing).
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) e.preventDefault();
    if (e.key === 'F1') e.preventDefault(); // the app's search syntax, not the browser's help
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) e.stopPropagation();
  }, true);

  // Typing into the app's text boxes (web/ime.cpp says why): while imgui edits text, a hidden
  // textarea at the caret has the keyboard, so dead keys and input methods compose there; what it
  // commits goes to the app once (its keypress never reaches SDL, which would type it again).
  var textInput = document.getElementById('text-input');
  var composing = false;
  function commitText() {
    var text = textInput.value;
    textInput.value = '';
    if (text && runtimeInitialized) ccall('bs_text_input', null, ['string'], [text]);
  }
  function isCompositionKey(e) { return composing || e.isComposing || e.keyCode === 229; }
  if (textInput) {
    textInput.addEventListener('compositionstart', function () { composing = true; });
    textInput.addEventListener('compositionend', function () { composing = false; commitText(); });
    textInput.addEventListener('input', function (e) {
      if (composing || e.isComposing) return; // the text comes with compositionend
      if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') { textInput.value = ''; return; }
      commitText();
    });
    // SDL makes SDL_TEXTINPUT from keypress: the textarea's text is taken from `input` instead.
    textInput.addEventListener('keypress', function (e) { e.stopPropagation(); });
    textInput.addEventListener('keydown', function (e) {
      if (isCompositionKey(e)) { e.stopPropagation(); return; } // the input method's key (Enter commits)
      if (e.key === 'Enter' || e.key === 'Tab') e.preventDefault(); // keys for imgui, not text
    });
    textInput.addEventListener('keyup', function (e) { if (isCompositionKey(e)) e.stopPropagation(); });
  }
  // Phones open their on-screen keyboard only for a focus() inside the touch's own handler: a tap
  // that lifts where the app last saw the finger over a text box focuses the textarea here, and
  // the box imgui activates from the tap a frame or two later finds the keyboard open. Until it
  // does, those frames (box not yet active) leave the focus alone.
  var fingerOnTextBox = false, tapStart = null, touchFocusFrames = 0;
  var canvasEl = Module.canvas;
  if (textInput && canvasEl) {
    canvasEl.addEventListener('touchstart', function (e) {
      var t = e.touches.length === 1 ? e.touches[0] : null;
      tapStart = t ? { x: t.clientX, y: t.clientY, at: performance.now() } : null;
    }, { passive: true });
    canvasEl.addEventListener('touchend', function (e) {
      var t = e.changedTouches[0], start = tapStart;
      tapStart = null;
      if (!fingerOnTextBox || !start || !t || e.touches.length !== 0) return;
      var dx = t.clientX - start.x, dy = t.clientY - start.y;
      if (dx * dx + dy * dy > 100 || performance.now() - start.at > 500) return; // a drag or a long press
      textInput.focus({ preventScroll: true });
      touchFocusFrames = 6;
    });
  }

  // Called by the app after each frame it draws (web/ime.cpp): whether a box is being edited, its
  // caret's line (CSS pixels), and whether a finger now down rests on a text box.
  var textInputAt = '';
  Module.broadsheetTextInput = function (active, x, y, lineHeight, fingerOnBox) {
    if (!textInput) return;
    fingerOnTextBox = !!fingerOnBox;
    var focused = document.activeElement === textInput;
    if (active) touchFocusFrames = 0;
    if (active) {
      var at = Math.round(Math.min(x, window.innerWidth - 40)) + ',' + Math.round(y) + ',' + Math.round(lineHeight);
      if (at !== textInputAt) {
        textInputAt = at;
        textInput.style.left = Math.max(0, Math.round(Math.min(x, window.innerWidth - 40))) + 'px';
        textInput.style.top = Math.max(0, Math.round(Math.min(y, window.innerHeight - lineHeight))) + 'px';
        textInput.style.height = Math.round(lineHeight) + 'px';
        // 16 px at least: iOS zooms the page to a focused text box set smaller.
        textInput.style.fontSize = Math.max(16, Math.round(lineHeight * 0.8)) + 'px';
      }
      // A click on the canvas moves the focus there: take it back while the box is edited.
      if (!focused) textInput.focus({ preventScroll: true });
    } else if (focused && touchFocusFrames > 0) {
      touchFocusFrames--; // a tap's box is about to take the keyboard the page opened for it
    } else if (focused) {
      if (composing) { composing = false; commitText(); }
      textInput.value = '';
      Module.canvas.focus({ preventScroll: true }); // the canvas' keys: "/", n, p, arrows
    }
  };

  // Clipboard. Copy goes through navigator.clipboard; paste only arrives inside a real paste event
  // (browsers refuse programmatic reads), so the page hands pasted text to the app from there.
  document.addEventListener('paste', function (e) {
    if (!ready || !e.clipboardData) return;
    var text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    withHeapString(text, _bs_paste); // withHeapString (storage.js): a paste can be long
  });

  // Links: the URL hash names the query, its results' order and the open article
  // (#q=WORDS&order=newest&article=ID, each may be
  // missing), so a link reopens the same view, and back/forward move between the articles read.
  // Opening an article is a new history entry; a new query replaces the entry's (once the typing
  // pauses), so the history is not one entry per key.
  var applyingHash = false;
  var hashView = { q: '', article: 0, order: '' };
  var orders = ['', 'newest', 'oldest']; // the results' order in the URL ('': best first)
  var hashTimer = 0;
  function viewFromHash() {
    var view = { q: '', article: 0, order: '' };
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at < 0) return;
      var key = part.slice(0, at), value = part.slice(at + 1);
      if (key === 'article' && /^\d+$/.test(value)) view.article = Number(value);
      if (key === 'order' && orders.indexOf(value) > 0) view.order = value;
      if (key === 'q') { try { view.q = decodeURIComponent(value.replace(/\+/g, ' ')); } catch (e) { /* not %-encoded right */ } }
    });
    return view;
  }
  function writeHash(push) {
    if (applyingHash) return;
    var parts = [];
    if (hashView.q) parts.push('q=' + encodeURIComponent(hashView.q));
    if (hashView.q && hashView.order) parts.push('order=' + hashView.order);
    if (hashView.article) parts.push('article=' + hashView.article);
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (location.hash === hash || (!hash && !location.hash)) return;
    var url = hash || location.pathname + location.search;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }
  function applyView(view) {
    applyingHash = true;
    try {
      ccall('bs_open_link', 'number', ['string', 'number', 'number'], [view.q, view.article, Math.max(0, orders.indexOf(view.order))]);
    } finally { applyingHash = false; }
    hashView = view;
  }
  // The open article, as text (never HTML), for screen readers.
  function mirrorArticle() {
    var el = document.getElementById('article-mirror');
    if (!el || !ready) return;
    var open = JSON.parse(UTF8ToString(_bs_open_json())); // not state(): that lists every article
    el.textContent = '';
    if (!open) return;
    var h = document.createElement('h1');
    h.textContent = open.title;
    el.appendChild(h);
    [open.standfirst].concat(open.paragraphs).forEach(function (t) {
      if (!t) return;
      var p = document.createElement('p');
      p.textContent = t;
      el.appendChild(p);
    });
  }
  // The search results, as text: a count said once the typing pauses, and the first ten hits as
  // a list of headings with their passages.
  var resultsTimer = 0;
  function mirrorResults() {
    resultsTimer = 0;
    var el = document.getElementById('results-mirror');
    if (!el || !ready) return;
    var r = JSON.parse(UTF8ToString(_bs_results_json()));
    el.textContent = '';
    var said = '';
    if (r.query.trim()) {
      said = r.outOfMemory ? 'The search ran out of memory.' :
        (r.count === 0 ? 'No articles match ' : r.count + ' result' + (r.count === 1 ? '' : 's') + ' for ') +
        '\u201c' + r.query + '\u201d.';
      var h = document.createElement('h2');
      h.textContent = said;
      el.appendChild(h);
      var list = document.createElement('ol');
      r.results.forEach(function (hit) {
        var li = document.createElement('li');
        var t = document.createElement('h3');
        t.textContent = hit.title;
        var p = document.createElement('p');
        p.textContent = hit.snippet;
        li.appendChild(t);
        li.appendChild(p);
        list.appendChild(li);
      });
      el.appendChild(list);
    }
    var status = document.getElementById('status-mirror');
    if (status && said) status.textContent = said;
  }
  Module.broadsheetShowResults = function () {
    clearTimeout(resultsTimer);
    resultsTimer = setTimeout(mirrorResults, 400); // not on every key typed
    if (applyingHash || !ready) return;
    hashView.q = UTF8ToString(_bs_query());
    hashView.order = orders[_bs_result_order()] || '';
    clearTimeout(hashTimer);
    hashTimer = setTimeout(function () { writeHash(false); }, 400);
  };
  Module.broadsheetShowArticle = function (id) {
    setTimeout(mirrorArticle, 0); // after the app has switched to it
    if (applyingHash || !ready) return;
    hashView.q = UTF8ToString(_bs_query());
    hashView.order = orders[_bs_result_order()] || '';
    hashView.article = id;
    writeHash(true);
  };
  window.addEventListener('popstate', function () {
    if (ready) applyView(viewFromHash());
  });

  function resize() { if (typeof _bs_resize === 'function' && runtimeInitialized) _bs_resize(window.innerWidth, window.innerHeight); }
  window.addEventListener('resize', resize);
  if (window.matchMedia) {
    var mq = window.matchMedia('(prefers-color-scheme: dark)');
    if (mq.addEventListener) mq.addEventListener('change', function () { if (ready) _bs_wake(); });
  }

  function state() {
    var s = JSON.parse(UTF8ToString(_bs_state_json()));
    s.fonts = JSON.parse(UTF8ToString(_bs_fonts_json()));
    return s;
  }

  // A screen-reader mirror of what changed, as text (never HTML).
  function announce() {
    var el = document.getElementById('status-mirror');
    if (!el) return;
    var s = JSON.parse(UTF8ToString(_bs_summary_json())); // not state(): that lists every article
    var failed = s.errors.length;
    el.textContent = s.articles + ' articles loaded.' +
      (failed ? ' ' + failed + ' file(s) could not be read: ' + s.errors.map(function (x) { return x.file + ': ' + x.message; }).join('; ') : '') +
      (s.open ? ' Reading: ' + s.open + '.' : '');
  }

  function whenReady(fn) { if (ready) fn(); else readyWaiters.push(fn); }

  // The test hook. Its shape is documented in shell/README.md; keep it stable.
  window.broadsheet = {
    version: 1,
    // Resolves once the app runs.
    ready: new Promise(function (resolve) { whenReady(resolve); }),
    // What the app shows, as plain data.
    state: state,
    // Imports files: [{name, text}] or [{name, bytes: Uint8Array}]; resolves when done.
    importFiles: function (items) { return new Promise(function (r) { whenReady(function () { importItems(items).then(r); }); }); },
    // Opens an article by id; true if it exists.
    open: function (id) { var ok = _bs_open_article(id) === 1; announce(); return ok; },
    // True while files are being read.
    busy: function () { return importing > 0; },
    // Shows the right-hand pane's "reader", "analysis" or "corpus" tab, as a click on it does.
    showTab: function (name) { _bs_show_tab(name === 'library' ? 3 : name === 'corpus' ? 2 : name === 'analysis' ? 1 : 0); },
    // Types a query into the search box and runs it (results in state().search).
    search: function (q) { ccall('bs_search', null, ['string'], [q]); },
    // Orders the search results "relevance" (best first), "newest" or "oldest" first, as the menu
    // above them does, and runs the search again (state().search.order, .total, .results).
    sortResults: function (order) { _bs_sort_results(order === 'newest' ? 1 : order === 'oldest' ? 2 : 0); },
    // Shows 200 more results, as the "Show more" button under them does (if there are more).
    showMoreResults: function () { _bs_show_more_results(); },
    // Counts the search results by source, year and month, as opening the Sources or Dates menu
    // above them does, and returns them (state().search.facets); null without a query.
    facets: function () { _bs_count_facets(); return JSON.parse(UTF8ToString(_bs_state_json())).search.facets; },
    // Narrows the search to one source ('source', its name; '' the articles without one) or one
    // year or month ('date', '1987' or '1987-03'; 'none' the undated), as choosing it in those
    // menus does: the query gains source:="..." or date:...
    narrowSearch: function (kind, value) { ccall('bs_narrow_search', null, ['number', 'string'], [kind === 'source' ? 0 : 1, value]); },
    // Shows or folds the identical copies folded under the i-th result row (state().search.results
    // [i].copies), as its "+N more with this text" line does.
    toggleCopies: function (i) { _bs_toggle_copies(i); },
    // Downloads every match of the search, in the order shown, as search-results.csv ('csv') or
    // .json ('json'), as the Export menu above the results does.
    exportResults: function (format) { _bs_export_results(format === 'csv' ? 1 : 0); },
    // Opens the i-th search result, as a click on it does; true if there is one.
    openResult: function (i) { var ok = _bs_open_result(i) === 1; announce(); return ok; },
    // Adds the articles the page was published with, as "Open the sample articles" does; true if
    // it added them (state().bundle says what there is).
    openBundle: function () { var ok = _bs_open_bundle() === 1; announce(); return ok; },
    // Downloads the workspace (every article, the marked rows, the corpus figures) as one JSON
    // file, as "Export workspace" does; dropping that file on a page brings the articles back.
    exportWorkspace: function () { _bs_export_workspace(); },
    // Removes every article, as the confirmed "Clear all" does.
    clearAll: function () { _bs_clear_all(); announce(); },
    // For tests of running out of memory (web/alloc_fault.cpp): allocation n (0: the first) of the
    // next imported file finds the heap full, with the app's memory reserve in hand or (spent:
    // true) already used up; allocationFailureStruck() then says whether it did (false: that
    // import needed fewer allocations).
    failAllocationInNextImport: function (n, opts) { _bs_fail_allocation_in_next_import(n, opts && opts.spent ? 1 : 0); },
    // For benchmarks: {frames, app: {p50, p95, max}, gl: {..}} in ms over the frames drawn since the
    // last call (app: the app's own work in a frame; gl: handing it to WebGL), then starts again.
    frameTimes: function () { return JSON.parse(UTF8ToString(_bs_frame_times_json())); },
    // For tests of the library's limit on articles (1,000,000): lowers it to n (0 puts it back).
    setArticleLimit: function (n) { _bs_set_article_limit(n); },
    // The same as failAllocationInNextImport for the next search the app runs (search() or typing
    // in the box).
    failAllocationInNextSearch: function (n, opts) { _bs_fail_allocation_in_next_search(n, opts && opts.spent ? 1 : 0); },
    allocationFailureStruck: function () { return _bs_allocation_failure_struck() === 1; },
    // Resolves once every change so far is written to the browser's storage.
    saved: function () { return broadsheetStorage.flush(); },
  };

  addOnPostRun(function () {
    resize();
    cjkFont.then(handOverFont);
    // The article a link names wins over the one the app would open by itself after restoring;
    // restoring must not rewrite the URL before it is read.
    var linked = viewFromHash();
    applyingHash = true;
    bundle.then(handOverBundle).then(function () { return broadsheetStorage.restore(); }).then(function () {
      applyingHash = false;
      if (linked.q || linked.article) applyView(linked);
      ready = true;
      mirrorArticle();
      var loading = document.getElementById('loading');
      if (loading) loading.className = 'hidden';
      announce();
      readyWaiters.splice(0).forEach(function (fn) { fn(); });
    });
  });
})();
