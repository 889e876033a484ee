// adoptkit offline search. The index is a set of script files written at build time
// (assets/search/*.js), loaded with <script> tags on first use, so search works from file://
// and from any static host; nothing is fetched elsewhere. Terms are folded as the build folds
// them: NFD, accents dropped, lower case.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "") : "";
  var data = {}, waiting = {};
  var LAST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", MORE = "ghijklmnopqrstuvwxyz0123456789_$";
  var digit = new Int8Array(128).fill(-1), more = new Int8Array(128).fill(-1);
  for (var i = 0; i < 32; i++) { digit[LAST.charCodeAt(i)] = i; more[MORE.charCodeAt(i)] = i; }
  // A word matches the terms it starts; the first ones in order, at most this many (a one-letter
  // word matches only itself: "c" would otherwise read half the index on every keystroke).
  var MAX_EXPANSIONS = 40;

  var api = window.adoptkitSearch = {
    receive: function (name, payload) {
      data[name] = payload;
      var callbacks = waiting[name] || [];
      delete waiting[name];
      callbacks.forEach(function (callback) { callback(); });
    },
    query: query,
    lastMilliseconds: 0
  };

  function load(name, done) {
    if (data[name]) { done(); return; }
    if (waiting[name]) { waiting[name].push(done); return; }
    waiting[name] = [done];
    var tag = document.createElement("script");
    tag.src = base + "assets/search/" + name + ".js";
    tag.onerror = function () { delete waiting[name]; done(); };
    document.head.appendChild(tag);
  }
  function loadAll(names, done) {
    var left = names.length;
    if (!left) { done(); return; }
    names.forEach(function (name) { load(name, function () { if (--left === 0) done(); }); });
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u03c2/g, "\u03c3");
  }
  function words(text) { return fold(text).match(/[\p{L}\p{M}\p{N}]+/gu) || []; }
  function shardOf(term) {
    var c = term.charAt(0);
    return c >= "0" && c <= "9" ? "0" : c >= "a" && c <= "z" ? c : "_";
  }
  function decode(code, into, weight) {
    var value = 0, previous = -1;
    for (var i = 0; i < code.length; i++) {
      var c = code.charCodeAt(i), m = more[c];
      if (m >= 0) { value = value * 32 + m; continue; }
      previous += value * 32 + digit[c] + 1;
      value = 0;
      into[previous] += weight;
    }
  }
  function lowerBound(list, key) {
    var low = 0, high = list.length;
    while (low < high) { var mid = (low + high) >> 1; if (list[mid] < key) low = mid + 1; else high = mid; }
    return low;
  }

  // Calls back with [{page, url, heading, snippet}], best first: every word must match (the
  // words as prefixes of terms); a match in a title or heading counts ten times one in the text.
  function query(text, limit, callback) {
    var typed = words(text);
    if (!typed.length) { callback([]); return; }
    load("index", function () {
      var index = data.index;
      if (!index) { callback([]); return; }
      var shards = index.split ? typed.map(function (w) { return "terms-" + shardOf(w); }) : ["terms"];
      loadAll(shards.filter(function (s, n) { return shards.indexOf(s) === n; }), function () {
        var started = performance.now();
        var total = index.sections, score = new Float32Array(total), mine = new Float32Array(total);
        typed.forEach(function (word, n) {
          var shard = data[index.split ? "terms-" + shardOf(word) : "terms"], into = n === 0 ? score : mine;
          if (n > 0) mine.fill(0);
          if (shard) {
            var at = lowerBound(shard.t, word), last = word.length > 1 ? MAX_EXPANSIONS : shard.t[at] === word ? 1 : 0;
            for (var e = 0; at < shard.t.length && e < last && shard.t[at].lastIndexOf(word, 0) === 0; at++, e++) {
              var exact = shard.t[at] === word ? 2 : 1;
              decode(shard.h[at], into, 10 * exact);
              decode(shard.b[at], into, exact);
            }
          }
          if (n > 0) for (var s = 0; s < total; s++) score[s] = score[s] > 0 && mine[s] > 0 ? score[s] + mine[s] : 0;
        });
        // The best `limit` sections, kept sorted as they are met (no sort of every match).
        var found = [], count = 0;
        for (var s = 0; s < total; s++) {
          if (!(score[s] > 0)) continue;
          count++;
          if (found.length === limit && score[found[limit - 1]] >= score[s]) continue;
          var place = found.length;
          while (place > 0 && score[found[place - 1]] < score[s]) place--;
          found.splice(place, 0, s);
          if (found.length > limit) found.pop();
        }
        api.lastMilliseconds = performance.now() - started;
        var chunks = found.map(function (s) { return "sections-" + (upperBound(index.chunks, s) - 1); });
        loadAll(chunks.filter(function (c, n) { return chunks.indexOf(c) === n; }), function () {
          var results = found.map(function (s) {
            var chunk = upperBound(index.chunks, s) - 1, entry = (data["sections-" + chunk] || [])[s - index.chunks[chunk]];
            if (!entry) return null;
            var page = index.pages[entry[0]];
            return { page: page[0], url: base + page[1] + (entry[1] ? "#" + entry[1] : ""), heading: entry[1] ? entry[2] : "", snippet: entry[3] };
          }).filter(Boolean);
          results.total = count;
          callback(results);
        });
      });
    });
  }
  function upperBound(list, key) {
    var low = 0, high = list.length;
    while (low < high) { var mid = (low + high) >> 1; if (list[mid] <= key) low = mid + 1; else high = mid; }
    return low;
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
  function countText(results) {
    var total = results.total || results.length;
    return total === 0 ? "No results." : total === 1 ? "1 result." : total + " results.";
  }

  // The header box: results under it as you type; arrow keys move through them, Escape closes.
  var form = document.querySelector("form.site-search");
  if (form) {
    var input = form.querySelector("input[type=search]"), popup = document.getElementById("site-search-results");
    var status = document.getElementById("site-search-status"), generation = 0;
    var close = function () { popup.hidden = true; };
    var links = function () { return Array.prototype.slice.call(popup.querySelectorAll("a")); };
    input.addEventListener("focus", function () { load("index", function () {}); });
    input.addEventListener("input", function () {
      var mine = ++generation, text = input.value;
      if (!words(text).length) { close(); popup.textContent = ""; status.textContent = ""; return; }
      query(text, 8, function (results) {
        if (mine !== generation) return;
        popup.textContent = "";
        if (results.length) popup.appendChild(resultList(results));
        var all = element("a", "search-more", results.length ? "All results for “" + text + "”" : "No results for “" + text + "”");
        all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(text);
        popup.appendChild(all);
        popup.hidden = false;
        status.textContent = countText(results) + (results.length ? " Press the down arrow to go through them." : "");
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
    var pageStatus = document.getElementById("search-page-status"), pageGeneration = 0;
    var run = function () {
      var mine = ++pageGeneration, text = pageInput.value;
      if (!words(text).length) { pageResults.textContent = ""; pageStatus.textContent = ""; return; }
      query(text, 50, function (results) {
        if (mine !== pageGeneration) return;
        pageResults.textContent = "";
        pageResults.appendChild(resultList(results));
        pageStatus.textContent = countText(results);
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
