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
  // `carried`: display data of sections that a terms file carries (the best results of short
  // word starts, so they show before their sections file comes), by section number.
  var data = {}, waiting = {}, shards = {}, chunks = {}, carried = {};
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
      // A terms file of a large kit: its terms, then the sections it carries.
      if (/^terms-/.test(name) && Array.isArray(payload)) {
        payload[1].forEach(function (entry) { carried[entry[0]] = entry; });
        payload = payload[0];
      }
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
  // Files loaded ahead of need (before the first key, and the next results' sections) go one
  // after another, not all at once, so a keystroke's own files never queue behind a batch of
  // them; each terms file is taken apart when the page is next idle, not by the keystroke that
  // first needs it.
  var ahead = [], aheadBusy = false;
  function loadAhead(names) {
    names.forEach(function (name) { if (data[name] === undefined && ahead.indexOf(name) < 0) ahead.push(name); });
    if (aheadBusy) return;
    (function next() {
      var name = ahead.shift();
      if (!name) { aheadBusy = false; return; }
      aheadBusy = true;
      load(name, function () {
        if (/^terms-/.test(name)) whenIdle(function () { shard(+name.slice(6)); });
        next();
      });
    })();
  }
  // Before the first key: once the reader reaches for the box (pointer down, touch, focus), the
  // terms files a first letter needs, then the others (all of them up to PRELOAD_TERMS files,
  // 12,000 pages), and the sections too for a kit of a few hundred pages. A kit that small
  // loads them when the page is idle, whether the box is used or not.
  var PRELOAD_TERMS = 24, PRELOAD_SECTIONS = 4, SMALL_SECTIONS = 2, preloaded = false;
  function preload() {
    if (preloaded) return;
    preloaded = true;
    load("index", function () {
      var index = data.index;
      if (!index || index.v !== 2) return;
      warmUp();
      // Letters in the order words most often start with, then digits.
      var order = "scpmatdrefiugbolnwhkvjyqzx0123456789".split("").map(function (letter) { return filesFor(letter)[0]; });
      if (index.terms.length <= PRELOAD_TERMS) index.terms.forEach(function (first, n) { order.push(n); });
      var names = unique(order).map(function (n) { return "terms-" + n; });
      if (index.chunks.length <= PRELOAD_SECTIONS) index.chunks.forEach(function (first, n) { names.push("sections-" + n); });
      loadAhead(names);
    });
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

  // Ranks the typed words with the terms files loaded now: every word must match (as prefixes
  // of terms); a match in a title or heading counts ten times one in the text, a whole word
  // twice a word it starts. Ties go to the earlier section. Returns the best `keep` and the
  // count. The sections of all words but the last are kept for the next keystroke, which
  // usually changes only the last (not when a word missed a file: that ranking is redone).
  function rank(typed, keep) {
    var index = data.index, kept = 0;
    decoded = 0;
    allocate(index.sections);
    var earlier = typed.slice(0, -1), key = earlier.join(" ");
    if (earlier.length && key !== earlierKey) {
      var whole = true;
      earlier.forEach(function (word, n) {
        whole = whole && filesFor(word).every(function (f) { return typeof data["terms-" + f] === "string"; });
        if (n === 0 || kept > 0) kept = narrow(addWord(word), kept, n === 0);
      });
      earlierFound.set(found.subarray(0, kept)); earlierScores.set(scores.subarray(0, kept));
      earlierKept = kept; earlierKey = whole ? key : null;
    } else if (earlier.length) {
      found.set(earlierFound.subarray(0, earlierKept)); scores.set(earlierScores.subarray(0, earlierKept));
      kept = earlierKept;
    }
    if (!earlier.length || kept > 0) kept = narrow(addWord(typed[typed.length - 1]), kept, !earlier.length);
    return { best: select(kept, keep), total: kept };
  }

  // Searches `text` and hands paint(results, state) what it has while current() holds (a newer
  // query stops it). Results are [{page, url, heading, snippet}], best first, with the count
  // as `total`. Everything the results need (the words' terms files, including those of their
  // further expansions, and the best results' sections files) is waited for until `deadline`
  // (a performance.now() time); then what is known is painted at once, and again as files
  // arrive: "searching" (no ranking yet: placeholders), "partial" (ranked with the terms files
  // here; an entry whose sections file has not arrived is {pending: true}, its place kept),
  // and last "complete". Nothing is ever painted for an older text.
  var PLACEHOLDERS = [{ pending: true }, { pending: true }, { pending: true }];
  function query(text, limit, current, paint, deadline) {
    var typed = unique(words(text)), asked = performance.now(), late = false, state = null, ranked = null;
    if (!typed.length) { paint([], "complete"); return; }
    var timer = setTimeout(function () { late = true; update(); }, Math.max(0, deadline - asked));
    load("index", function () {
      var index = data.index;
      if (!current()) return;
      if (!index || index.v !== 2) { ranked = { best: [], total: 0, whole: true, ready: true }; update(); return; }
      var own = [], further = [];
      typed.forEach(function (word) { var files = filesFor(word); own.push(files[0]); further = further.concat(files.slice(1)); });
      var names = function (list) { return unique(list).map(function (n) { return "terms-" + n; }); };
      own = names(own);
      further = names(further).filter(function (name) { return own.indexOf(name) < 0; });
      // The terms files the last word's next letters may need, asked for as soon as its own
      // are here rather than once the results are painted: the reader's next key usually
      // comes first ("c" names one file, "co" often the one after it).
      var next = names(filesFor(typed[typed.length - 1], true));
      loadAll(own, function () {
        next.forEach(function (name) { load(name, function () {}); });
        var whole = further.every(function (name) { return data[name] !== undefined; });
        rankNow(whole);
        if (!whole) loadAll(further, function () { rankNow(true); });
      });
    });
    function rankNow(whole) {
      if (!current()) return;
      var started = performance.now(), index = data.index;
      api.lastLoads = { terms: started - asked, sections: 0 };
      // The best `limit`, and as many again after them: the likely results of the next
      // keystroke, whose sections files load once these results are shown.
      var mine = ranked = rank(typed, 2 * limit);
      api.lastMilliseconds = performance.now() - started;
      api.lastDecoded = decoded;
      mine.whole = whole;
      mine.files = mine.best.map(function (s) { return "sections-" + (upperBound(index.chunks, s) - 1); });
      var needed = mine.files.slice(0, limit).filter(function (name, n) { return !carried[mine.best[n]]; });
      loadAll(unique(needed), function () {
        mine.ready = true;
        if (mine === ranked) api.lastLoads.sections = performance.now() - started - api.lastMilliseconds;
        update();
      });
      update();
    }
    function results(partial) {
      var list = ranked.best.slice(0, limit).map(function (s) { return section(s) || (partial ? { pending: true } : null); }).filter(Boolean);
      list.total = ranked.total;
      return list;
    }
    function update() {
      if (!current() || state === "complete") return;
      if (ranked && ranked.whole && ranked.ready) {
        clearTimeout(timer);
        paint(results(false), state = "complete");
        // The next results' sections files, one after another from now on, not when the page is
        // next idle: a fast typist's next key comes before that (the terms files of the word's
        // next letters were asked for with its own).
        var files = ranked.files;
        if (files) loadAhead(unique(files.slice(limit)));
      } else if (late) {
        paint(ranked ? results(true) : PLACEHOLDERS, state = ranked ? "partial" : "searching");
      }
    }
  }

  // Section `number` as a result, from its sections file (see SearchIndex+Files in the build)
  // or, until that comes, from a terms file that carries it.
  function section(number) {
    var index = data.index, chunk = upperBound(index.chunks, number) - 1, list = chunks[chunk];
    if (!list) {
      var pages = data["sections-" + chunk];
      if (!Array.isArray(pages)) return carriedSection(number);
      list = chunks[chunk] = [];
      pages.forEach(function (page) {
        list.push([page, -1]);
        for (var at = 3; at + 1 < page.length; at += 2) list.push([page, at]);
      });
    }
    var entry = list[number - index.chunks[chunk]];
    if (!entry) return null;
    var page = entry[0], at = entry[1];
    return at < 0 ? result(page[0], page[1], null, page[2]) : result(page[0], page[1], page[at], page[at + 1]);
  }
  // [section, title, url, snippet] for a page's text before its first heading, or [section,
  // title, url, heading, snippet] with the heading as a sections file has it.
  function carriedSection(number) {
    var entry = carried[number];
    if (!entry) return null;
    return entry.length === 4 ? result(entry[1], entry[2], null, entry[3]) : result(entry[1], entry[2], entry[3], entry[4]);
  }
  // A result from a sections file's parts: `heading` is null for the text before a page's
  // first heading, a string when its link target is what `slug` makes of it, else [heading, id].
  function result(title, path, heading, snippet) {
    var text = heading === null ? "" : typeof heading === "string" ? heading : heading[0];
    var anchor = heading === null ? "" : typeof heading === "string" ? slug(heading) : heading[1];
    return { page: title, url: base + path + (anchor ? "#" + anchor : ""), heading: text, snippet: snippet };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  // Results as a list built off the page; an entry still waiting for its sections file is a
  // placeholder of a result's height, hidden from screen readers.
  function resultList(results) {
    var list = element("ul", "search-results");
    results.forEach(function (result) {
      var item = element("li"), link = element("a");
      if (result.pending) {
        item.className = "search-pending";
        item.setAttribute("aria-hidden", "true");
        ["result-page", "result-heading", "result-snippet"].forEach(function (name) { item.appendChild(element("span", name)); });
        list.appendChild(item);
        return;
      }
      link.href = result.url;
      link.appendChild(element("span", "result-page", result.page));
      if (result.heading) link.appendChild(element("span", "result-heading", result.heading));
      if (result.snippet) link.appendChild(element("span", "result-snippet", result.snippet));
      item.appendChild(link);
      list.appendChild(item);
    });
    return list;
  }
  // Puts `nodes` in place of what `box` shows, in one change, keeping keyboard focus on the
  // same place in the list. The box says which text it shows and whether that is all of it
  // (data-query, data-state: searching, partial or complete; aria-busy until complete).
  function replace(box, nodes, text, state) {
    var before = Array.prototype.indexOf.call(box.querySelectorAll("a"), document.activeElement);
    if (box.replaceChildren) box.replaceChildren.apply(box, nodes);
    else { box.textContent = ""; nodes.forEach(function (node) { box.appendChild(node); }); }
    box.setAttribute("data-query", text);
    box.setAttribute("data-state", state);
    if (state === "complete") box.removeAttribute("aria-busy"); else box.setAttribute("aria-busy", "true");
    var after = box.querySelectorAll("a");
    if (before >= 0 && after.length) after[Math.min(before, after.length - 1)].focus();
  }
  // What the live region says is set once the results are complete (and cleared before, so it
  // never speaks of an older query's results).
  function announce(region, message) { if (region.textContent !== message) region.textContent = message; }
  // Results are painted when their files are here or this long after the keystroke, whichever
  // comes first (then again, complete, once the files arrive).
  var DEADLINE = 50;
  function eventTime(event) {
    var now = performance.now();
    return event && event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
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
    // Closing also stops the query on its way, so its files arriving do not open the list again.
    var close = function () { popup.hidden = true; generation++; };
    var links = function () { return Array.prototype.slice.call(popup.querySelectorAll("a")); };
    // index.js is a few kilobytes whatever the kit's size: loaded with the page. A small kit's
    // whole index follows when the page is idle; a larger one's terms when the reader reaches
    // for the box.
    load("index", function () {
      var index = data.index;
      if (index && index.v === 2 && index.terms.length === 1 && index.chunks.length <= SMALL_SECTIONS) whenIdle(preload);
    });
    ["pointerdown", "touchstart", "focus"].forEach(function (name) { input.addEventListener(name, preload, { passive: true }); });
    input.addEventListener("input", function (event) {
      var mine = ++generation, text = input.value;
      if (!words(text).length) { close(); popup.textContent = ""; popup.removeAttribute("data-query"); announce(status, ""); return; }
      preload();
      query(text, 8, function () { return mine === generation; }, function (results, state) {
        var found = results.length && state !== "searching", nodes = results.length ? [resultList(results)] : [];
        if (state !== "searching") {
          var all = element("a", "search-more", found ? say("allResultsFor", "All results for “{query}”", { query: text })
            : say("noResultsFor", "No results for “{query}”", { query: text }));
          all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(text);
          nodes.push(all);
        }
        replace(popup, nodes, text, state);
        popup.hidden = false;
        announce(status, state !== "complete" ? "" : countText(results, say) + (found ? " " + say("arrowHint", "Press the down arrow to go through them.") : ""));
      }, eventTime(event) + DEADLINE);
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
    var run = function (event) {
      var mine = ++pageGeneration, text = pageInput.value;
      if (!words(text).length) { pageResults.textContent = ""; announce(pageStatus, ""); return; }
      query(text, 50, function () { return mine === pageGeneration; }, function (results, state) {
        replace(pageResults, [resultList(results)], text, state);
        announce(pageStatus, state === "complete" ? countText(results, pageSay) : "");
      }, eventTime(event) + DEADLINE);
    };
    var match = /[?&]q=([^&#]*)/.exec(location.search);
    if (match) pageInput.value = decodeURIComponent(match[1].replace(/\+/g, " "));
    pageInput.addEventListener("input", function (event) {
      run(event);
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(pageInput.value)); } catch (e) { /* file:// may refuse */ }
    });
    document.getElementById("search-page-form").addEventListener("submit", function (event) { event.preventDefault(); run(); });
    run();
  }
})();
