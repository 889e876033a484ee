// adoptkit offline search. The index is a set of script files written at build time
// (assets/search/*.js), loaded with <script> tags on first use, so search works from file://
// and from any static host; nothing is fetched elsewhere. Terms are folded as the build folds
// them: NFD, accents dropped, lower case. Each language has its own index, in the folder of its
// search page (fr/assets/search/ beside fr/search.html), which the header form's action names.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "") : "";
  // A layout without the header form still searches its own language on the search page.
  var searchForm = document.querySelector("form.site-search");
  var action = searchForm && searchForm.getAttribute("action");
  var searchPage = action ? new URL(action, document.baseURI).href : document.getElementById("search-page") ? location.href : null;
  var languageRoot = searchPage ? searchPage.replace(/[^\/]*(?:[?#].*)?$/, "") : base;
  var data = {}, waiting = {}, shards = {}, chunks = {};
  // Postings: six bits a character (SearchPostings in the build writes them).
  var SIX = new Int8Array(128).fill(-1), DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  for (var i = 0; i < 64; i++) SIX[DIGITS.charCodeAt(i)] = i;
  // A word matches the terms it starts; the first ones in order, at most this many, from at most
  // this many terms files (a one-letter word matches only itself: "c" would otherwise read a
  // large part of the index on every keystroke).
  // A word also stops taking more terms once this many postings have been decoded for it: a
  // short prefix of common words would otherwise read much of a large index.
  var MAX_EXPANSIONS = 40, MAX_FILES_PER_WORD = 3, MAX_DECODED = 20000;
  var HEADING_WEIGHT = 10, EXACT_WEIGHT = 2;
  // Work space for scoring, one slot per section, allocated when the index arrives and reused
  // by every keystroke: `sum` adds up one word's weights, `touched` lists the sections it
  // reached, `found`/`scores` the sections every word so far reached, with their scores, and
  // `earlier…` those of all words but the last, for the next keystroke.
  var sum, touched, found, scores, decoded = 0;
  var earlierFound, earlierScores, earlierKept = 0, earlierKey = null;

  var api = window.adoptkitSearch = {
    receive: function (name, payload) {
      data[name] = payload;
      var callbacks = waiting[name] || [];
      delete waiting[name];
      callbacks.forEach(function (callback) { callback(); });
    },
    query: query,
    // The last query's cost, for scripts/search-bench.py: milliseconds spent matching and
    // ranking, entries decoded, and milliseconds waiting for terms and sections files.
    lastMilliseconds: 0,
    lastDecoded: 0,
    lastLoads: { terms: 0, sections: 0 }
  };

  function load(name, done) {
    if (data[name] !== undefined) { done(); return; }
    if (waiting[name]) { waiting[name].push(done); return; }
    waiting[name] = [done];
    var tag = document.createElement("script");
    tag.src = languageRoot + "assets/search/" + name + ".js";
    tag.onerror = function () { var callbacks = waiting[name] || []; delete waiting[name]; callbacks.forEach(function (c) { c(); }); };
    document.head.appendChild(tag);
  }
  function loadAll(names, done) {
    var left = names.length;
    if (!left) { done(); return; }
    names.forEach(function (name) { load(name, function () { if (--left === 0) done(); }); });
  }
  function unique(list) { return list.filter(function (item, n) { return list.indexOf(item) === n; }); }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u03c2/g, "\u03c3");
  }
  function words(text) { return fold(text).match(/[\p{L}\p{M}\p{N}]+/gu) || []; }
  function starts(term, word) { return term.lastIndexOf(word, 0) === 0; }
  function lowerBound(list, key) {
    var low = 0, high = list.length;
    while (low < high) { var mid = (low + high) >> 1; if (list[mid] < key) low = mid + 1; else high = mid; }
    return low;
  }
  function upperBound(list, key) {
    var low = 0, high = list.length;
    while (low < high) { var mid = (low + high) >> 1; if (list[mid] <= key) low = mid + 1; else high = mid; }
    return low;
  }
  // What HeadingIDGenerator.slug makes of ASCII text; headings whose target differs carry it.
  function slug(text) {
    var id = text.replace(/^[ \t-\r]+|[ \t-\r]+$/g, "").replace(/ /g, "-").toLowerCase().replace(/[^a-z0-9_-]/g, "");
    return id || "section";
  }

  // The terms files a word needs: the one its place in the sorted terms falls in, and the next
  // ones while they start with the word too (not for one letter, which matches only itself,
  // unless `ahead`: the files the word's next letters may need).
  function filesFor(word, ahead) {
    var firsts = data.index.terms, at = Math.max(0, upperBound(firsts, word) - 1), files = [at];
    while ((ahead || word.length > 1) && files.length < MAX_FILES_PER_WORD && at + files.length < firsts.length && starts(firsts[at + files.length], word)) {
      files.push(at + files.length);
    }
    return files;
  }
  // A terms file as sorted terms with where each one's postings lie in the file's text.
  function shard(number) {
    if (shards[number]) return shards[number];
    var text = data["terms-" + number];
    if (typeof text !== "string") return null;
    var terms = [], from = [], to = [], at = 0;
    while (at < text.length) {
      var end = text.indexOf(" ", at), k = at;
      if (end < 0) end = text.length;
      while (k < end) { var c = text.charCodeAt(k); if (c >= 65 && c <= 90) break; k++; }
      terms.push(text.slice(at, k)); from.push(k); to.push(end);
      at = end + 1;
    }
    return (shards[number] = { text: text, terms: terms, from: from, to: to });
  }

  // Adds the weights of one term's postings (text[from..<to]) to `sum`, noting in `touched`
  // each section it reaches for the first time; returns the new count of touched sections.
  // Each entry is an Exp-Golomb code: as many zeros as the quotient has bits after its first,
  // the quotient, then k low bits; up to 30 bits are read at once, longer codes bit by bit.
  function addPostings(text, from, to, weight, count) {
    var k = text.charCodeAt(from) - 65, at = from + 1, buffer = 0, bits = 0, section = -1, base = Math.pow(2, k), value;
    for (;;) {
      while (bits <= 24 && at < to) { buffer = buffer << 6 | SIX[text.charCodeAt(at++)]; bits += 6; }
      if (buffer === 0 && at >= to) return count;
      var zeros = buffer === 0 ? bits : Math.clz32(buffer) - 32 + bits, need = 2 * zeros + 1 + k;
      if (need <= bits) {
        bits -= need;
        value = buffer >>> bits;
        buffer &= (1 << bits) - 1;
      } else {
        zeros = 0;
        for (;;) {
          if (bits === 0) { if (at >= to) return count; buffer = SIX[text.charCodeAt(at++)]; bits = 6; }
          bits--;
          if ((buffer >>> bits) & 1) break;
          zeros++;
        }
        value = 1;
        for (var left = zeros + k; left > 0; left--) {
          if (bits === 0) { if (at >= to) return count; buffer = SIX[text.charCodeAt(at++)]; bits = 6; }
          bits--;
          value = value * 2 + ((buffer >>> bits) & 1);
        }
        buffer &= (1 << bits) - 1;
      }
      value -= base;
      section += Math.floor(value / 2) + 1;
      decoded++;
      if (sum[section] === 0) touched[count++] = section;
      sum[section] += value % 2 ? HEADING_WEIGHT * weight : weight;
    }
  }

  // Adds one word's weights to `sum` (and its sections to `touched`): the word's own term, then
  // the terms it starts, in order, until MAX_EXPANSIONS or MAX_DECODED.
  function addWord(word) {
    var count = 0, expansions = 0, limit = word.length > 1 ? MAX_EXPANSIONS : 1, budget = decoded + MAX_DECODED;
    var files = filesFor(word);
    for (var m = 0; m < files.length && expansions < limit && decoded < budget; m++) {
      var terms = shard(files[m]);
      if (!terms) break;
      for (var at = m === 0 ? lowerBound(terms.terms, word) : 0; at < terms.terms.length; at++) {
        var term = terms.terms[at];
        if (!starts(term, word) || (word.length === 1 && term !== word)) return count;
        count = addPostings(terms.text, terms.from[at], terms.to[at], term === word ? EXACT_WEIGHT : 1, count);
        if (++expansions >= limit || decoded >= budget) return count;
      }
    }
    return count;
  }

  // Narrows found[0..<kept] to the sections of the word in `sum`, adding its weights, and
  // clears `sum`; with `first`, takes the word's sections as they are. Returns the new count.
  function narrow(count, kept, first) {
    var still = 0;
    if (first) {
      for (var j = 0; j < count; j++) { found[j] = touched[j]; scores[j] = sum[touched[j]]; }
      still = count;
    } else {
      for (var c = 0; c < kept; c++) {
        var extra = sum[found[c]];
        if (extra > 0) { found[still] = found[c]; scores[still] = scores[c] + extra; still++; }
      }
    }
    for (var r = 0; r < count; r++) sum[touched[r]] = 0;
    return still;
  }

  // The best `keep` of found[0..<kept], best first, kept in order as they are met (no sort of
  // every match).
  function select(kept, keep) {
    var best = [], bestScores = [];
    for (var c = 0; c < kept; c++) {
      var s = found[c], score = scores[c], place = best.length;
      while (place > 0 && (bestScores[place - 1] < score || (bestScores[place - 1] === score && best[place - 1] > s))) place--;
      if (place >= keep) continue;
      best.splice(place, 0, s); bestScores.splice(place, 0, score);
      if (best.length > keep) { best.pop(); bestScores.pop(); }
    }
    return best;
  }

  function whenIdle(task) {
    if (window.requestIdleCallback) requestIdleCallback(task, { timeout: 500 }); else setTimeout(task, 50);
  }
  function allocate(total) {
    if (sum && sum.length === total) return;
    sum = new Float32Array(total); touched = new Int32Array(total);
    found = new Int32Array(total); scores = new Float32Array(total);
    earlierFound = new Int32Array(total); earlierScores = new Float32Array(total); earlierKey = null;
  }
  // The decoder and ranking are slow until the engine has compiled them, after some thousands
  // of entries: the first long list a keystroke met would pay for that. So once the index is
  // here, a made-up list (consecutive sections) is ranked a few times, each in a task of its
  // own, which mostly runs while the first keystroke's terms file is on its way.
  var warmed = false;
  function warmUp() {
    var index = data.index;
    if (warmed || !index || index.v !== 2 || index.sections < 6000) return;
    warmed = true;
    allocate(index.sections);
    var practice = "A" + new Array(1001).join("_"), rounds = 0, channel = new MessageChannel();
    channel.port1.onmessage = function () {
      select(narrow(addPostings(practice, 0, practice.length, 1, 0), 0, true), 16);
      if (++rounds < 12) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  }

  // Calls back with [{page, url, heading, snippet}], best first: every word must match (the
  // words as prefixes of terms); a match in a title or heading counts ten times one in the text,
  // a whole word twice a word it starts. Ties go to the earlier section. The sections of all
  // words but the last are kept for the next keystroke, which usually changes only the last.
  function query(text, limit, callback) {
    var typed = unique(words(text)), asked = performance.now();
    if (!typed.length) { callback([]); return; }
    load("index", function () {
      var index = data.index;
      if (!index || index.v !== 2) { callback([]); return; }
      var files = [];
      typed.forEach(function (word) { files = files.concat(filesFor(word)); });
      loadAll(unique(files).map(function (n) { return "terms-" + n; }), function () {
        var started = performance.now(), total = index.sections, kept = 0;
        api.lastLoads = { terms: started - asked, sections: 0 };
        decoded = 0;
        allocate(total);
        var earlier = typed.slice(0, -1), key = earlier.join(" ");
        if (earlier.length && key !== earlierKey) {
          earlier.forEach(function (word, n) { if (n === 0 || kept > 0) kept = narrow(addWord(word), kept, n === 0); });
          earlierFound.set(found.subarray(0, kept)); earlierScores.set(scores.subarray(0, kept));
          earlierKept = kept; earlierKey = key;
        } else if (earlier.length) {
          found.set(earlierFound.subarray(0, earlierKept)); scores.set(earlierScores.subarray(0, earlierKept));
          kept = earlierKept;
        }
        if (!earlier.length || kept > 0) kept = narrow(addWord(typed[typed.length - 1]), kept, !earlier.length);
        // The best `limit`, and as many again after them: the likely results of the next
        // keystroke, whose sections files load once these results are shown.
        var best = select(kept, 2 * limit);
        api.lastMilliseconds = performance.now() - started;
        api.lastDecoded = decoded;
        var files = best.map(function (s) { return "sections-" + (upperBound(index.chunks, s) - 1); });
        var waited = performance.now(), shown = best.slice(0, limit);
        loadAll(unique(files.slice(0, limit)), function () {
          api.lastLoads.sections = performance.now() - waited;
          var results = shown.map(section).filter(Boolean);
          results.total = kept;
          callback(results);
          // What the next keystroke may need, loaded while the reader looks at these.
          whenIdle(function () {
            var next = filesFor(typed[typed.length - 1], true).map(function (n) { return "terms-" + n; });
            unique(next.concat(files.slice(limit))).forEach(function (name) { load(name, function () {}); });
          });
        });
      });
    });
  }

  // Section `number` as a result, from its sections file (see SearchIndex+Files in the build).
  function section(number) {
    var index = data.index, chunk = upperBound(index.chunks, number) - 1, list = chunks[chunk];
    if (!list) {
      var pages = data["sections-" + chunk];
      if (!Array.isArray(pages)) return null;
      list = chunks[chunk] = [];
      pages.forEach(function (page) {
        list.push([page, -1]);
        for (var at = 3; at + 1 < page.length; at += 2) list.push([page, at]);
      });
    }
    var entry = list[number - index.chunks[chunk]];
    if (!entry) return null;
    var page = entry[0], at = entry[1], heading = at < 0 ? "" : page[at];
    var title = typeof heading === "string" ? heading : heading[0], anchor = at < 0 ? "" : typeof heading === "string" ? slug(heading) : heading[1];
    return { page: page[0], url: base + page[1] + (anchor ? "#" + anchor : ""), heading: title, snippet: at < 0 ? page[2] : page[at + 1] };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function resultList(results) {
    var list = element("ul", "search-results");
    results.forEach(function (result) {
      var item = element("li"), link = element("a");
      link.href = result.url;
      link.appendChild(element("span", "result-page", result.page));
      if (result.heading) link.appendChild(element("span", "result-heading", result.heading));
      if (result.snippet) link.appendChild(element("span", "result-snippet", result.snippet));
      item.appendChild(link);
      list.appendChild(item);
    });
    return list;
  }
  // The site's words for what the script says, from the string table through the element's
  // data attributes (a kit's own template without them gets the English ones).
  function messages(element) {
    var data = element.dataset || {};
    return function (name, english, values) {
      var text = data[name] || english;
      Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(values[key]); });
      return text;
    };
  }
  function countText(results, say) {
    var total = results.total || results.length;
    return total === 0 ? say("noResults", "No results.") : total === 1 ? say("oneResult", "1 result.")
      : say("results", "{count} results.", { count: String(total) });
  }

  // The header box: results under it as you type; arrow keys move through them, Escape closes.
  var form = searchForm;
  if (form) {
    var input = form.querySelector("input[type=search]"), popup = document.getElementById("site-search-results");
    var status = document.getElementById("site-search-status"), generation = 0, say = messages(form);
    var close = function () { popup.hidden = true; };
    var links = function () { return Array.prototype.slice.call(popup.querySelectorAll("a")); };
    // index.js is a few kilobytes whatever the kit's size: loaded with the page, so the first
    // keystroke waits only for its terms file.
    load("index", function () {});
    input.addEventListener("focus", function () { load("index", warmUp); });
    input.addEventListener("input", function () {
      var mine = ++generation, text = input.value;
      if (!words(text).length) { close(); popup.textContent = ""; status.textContent = ""; return; }
      query(text, 8, function (results) {
        if (mine !== generation) return;
        popup.textContent = "";
        if (results.length) popup.appendChild(resultList(results));
        var all = element("a", "search-more", results.length ? say("allResultsFor", "All results for “{query}”", { query: text })
          : say("noResultsFor", "No results for “{query}”", { query: text }));
        all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(text);
        popup.appendChild(all);
        popup.hidden = false;
        status.textContent = countText(results, say) + (results.length ? " " + say("arrowHint", "Press the down arrow to go through them.") : "");
      });
    });
    form.addEventListener("keydown", function (event) {
      var list = links(), at = list.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && !popup.hidden && list.length) {
        event.preventDefault();
        list[Math.min(at + 1, list.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus(); else list[at - 1].focus();
      } else if (event.key === "Escape" && !popup.hidden) {
        close();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
  }

  // The search page: results for ?q=, updated as the query changes.
  var page = document.getElementById("search-page");
  if (page) {
    var pageInput = document.getElementById("search-page-input"), pageResults = document.getElementById("search-page-results");
    var pageStatus = document.getElementById("search-page-status"), pageGeneration = 0, pageSay = messages(page);
    var run = function () {
      var mine = ++pageGeneration, text = pageInput.value;
      if (!words(text).length) { pageResults.textContent = ""; pageStatus.textContent = ""; return; }
      query(text, 50, function (results) {
        if (mine !== pageGeneration) return;
        pageResults.textContent = "";
        pageResults.appendChild(resultList(results));
        pageStatus.textContent = countText(results, pageSay);
      });
    };
    var match = /[?&]q=([^&#]*)/.exec(location.search);
    if (match) pageInput.value = decodeURIComponent(match[1].replace(/\+/g, " "));
    pageInput.addEventListener("input", function () {
      run();
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(pageInput.value)); } catch (e) { /* file:// may refuse */ }
    });
    document.getElementById("search-page-form").addEventListener("submit", function (event) { event.preventDefault(); run(); });
    run();
  }
})();
