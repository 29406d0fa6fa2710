// Keeping the library in the browser: IndexedDB, one record per article (the JSON that the core's
// article_to_json writes), keyed by the article's id. Appended to the module with --post-js.
//
// Saves are batched: the C++ side calls put/remove/clear as articles come and go; the batch is
// written in ONE readwrite transaction, so a reload or a crash in the middle of a save leaves the
// previous state whole (IndexedDB transactions are atomic). A failed save (quota exceeded) is
// reported to the app and loses nothing that was already stored.

// Hands `text` to C++ as a NUL-terminated UTF-8 string in the heap, for the call `use(pointer)`,
// and returns what it returns (null if the heap has no room). For text of any length: ccall's
// 'string' arguments are copied onto the stack, which takes four bytes a character there, and the
// stack is 5 MB, so an article of a megabyte and more overflowed it (a saved library holding one
// could not be opened again).
function withHeapString(text, use) {
  var bytes = lengthBytesUTF8(text) + 1;
  var ptr = _malloc(bytes);
  if (!ptr) return null;
  try {
    stringToUTF8(text, ptr, bytes);
    return use(ptr);
  } finally {
    _free(ptr);
  }
}

var broadsheetStorage = (function () {
  'use strict';
  var DB_NAME = 'broadsheet';
  var DB_VERSION = 1;
  var STORE = 'articles';
  var db = null;
  var pending = { clear: false, puts: new Map(), removes: new Set() };
  var flushing = null;
  var flushTimer = 0;

  function openDb() {
    return new Promise(function (resolve) {
      var req;
      try {
        if (!window.indexedDB) return resolve(null);
        req = indexedDB.open(DB_NAME, DB_VERSION);
      } catch (e) {
        return resolve(null); // file:// or a browser that refuses storage
      }
      req.onupgradeneeded = function () {
        var d = req.result;
        if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { resolve(null); };
      req.onblocked = function () { resolve(null); };
    });
  }

  function scheduleFlush() {
    if (!db || flushTimer) return;
    flushTimer = setTimeout(function () { flushTimer = 0; flush(); }, 50);
  }

  // Records put in one go: a transaction's requests can only be placed in the task that opened it or
  // in its requests' own callbacks, so a big batch (a JSON Lines file of 5,000 articles) is placed a
  // chunk at a time, each from the last one's success callback. One transaction still (atomic), but
  // no single task long enough to freeze the page: 5,000 puts in one task took ~300 ms.
  var PUTS_PER_TASK = 500;

  // Writes everything pending in one transaction; resolves when it is durable (or failed).
  function flush() {
    if (!db) return Promise.resolve();
    if (flushing) return flushing.then(flush);
    if (!pending.clear && !pending.puts.size && !pending.removes.size) return Promise.resolve();
    var batch = pending;
    pending = { clear: false, puts: new Map(), removes: new Set() };
    flushing = new Promise(function (resolve) {
      var tx, refused = null; // the error a put threw, which tx.error (null after abort()) does not hold
      try {
        tx = db.transaction(STORE, 'readwrite');
        var store = tx.objectStore(STORE);
        if (batch.clear) store.clear();
        batch.removes.forEach(function (id) { store.delete(id); });
        var puts = Array.from(batch.puts), next = 0;
        var placeChunk = function () {
          var end = Math.min(next + PUTS_PER_TASK, puts.length), req = null;
          for (; next < end; next++) req = store.put(puts[next][1], puts[next][0]);
          if (req && next < puts.length) req.onsuccess = function () {
            try { placeChunk(); } catch (e) { refused = e; tx.abort(); }
          };
        };
        placeChunk();
      } catch (e) {
        // Nothing of this batch may be kept: the puts placed before the failure go with it.
        if (tx) try { tx.abort(); } catch (_) { /* already finished */ }
        report(e);
        return resolve();
      }
      tx.oncomplete = function () { ccall('bs_storage_error', null, ['string'], ['']); resolve(); };
      tx.onabort = tx.onerror = function () { report(refused || tx.error); resolve(); };
    }).then(function () { flushing = null; });
    return flushing;
  }

  function report(err) {
    var name = err && err.name ? err.name : 'Error';
    var msg = name === 'QuotaExceededError'
      ? 'The browser\'s storage is full: the latest articles are loaded but will not be kept after a reload.'
      : 'Could not save to the browser\'s storage (' + name + '): the latest changes will not be kept after a reload.';
    ccall('bs_storage_error', null, ['string'], [msg]);
  }

  Module.broadsheetStore = {
    put: function (id, json) { pending.removes.delete(id); pending.puts.set(id, json); scheduleFlush(); },
    remove: function (id) { pending.puts.delete(id); pending.removes.add(id); scheduleFlush(); },
    clear: function () { pending = { clear: true, puts: new Map(), removes: new Set() }; scheduleFlush(); },
  };

  // Reads the saved library back into the app, in id order; resolves when done.
  function restore() {
    return openDb().then(function (d) {
      db = d;
      if (!db) { _bs_restore_done(0, 0); return; }
      return new Promise(function (resolve) {
        var tx = db.transaction(STORE, 'readonly');
        var store = tx.objectStore(STORE);
        var keysReq = store.getAllKeys();
        var valsReq = store.getAll();
        tx.oncomplete = function () {
          var keys = keysReq.result, vals = valsReq.result;
          var foreign = 0;
          for (var i = 0; i < keys.length; i++) {
            var readable = typeof keys[i] === 'number' && typeof vals[i] === 'string';
            if (!readable) foreign++;
            if (!readable || withHeapString(vals[i], function (json) { return _bs_restore_article(keys[i], json); }) !== 1)
              unreadable.push(keys[i]);
          }
          _bs_restore_done(1, foreign);
          resolve();
        };
        tx.onerror = tx.onabort = function () { _bs_restore_done(1, 0); resolve(); };
      });
    });
  }

  var unreadable = [];
  return {
    restore: restore,
    flush: flush,
    // Deletes the saved records that could not be read (the user chose to reset them).
    dropUnreadable: function () { unreadable.splice(0).forEach(function (k) { Module.broadsheetStore.remove(k); }); },
  };
})();
