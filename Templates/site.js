// adoptkit: the contents drawer and Copy buttons. The site works without this script: the
// drawer is a <details> element and text versions can be selected by hand.
(function () {
  "use strict";
  var drawer = document.getElementById("site-drawer");
  if (drawer) {
    var wide = window.matchMedia("(min-width: 48rem)");
    var tree = drawer.querySelector(".nav-tree");
    var sidebar = drawer.parentElement;
    // Scrolls the contents (not the page) so the current page's entry is in view.
    var reveal = function () {
      var current = drawer.querySelector('[aria-current="page"]');
      var box = wide.matches ? sidebar : tree;
      if (!current || !box) return;
      var offset = current.getBoundingClientRect().top - box.getBoundingClientRect().top;
      if (offset < 0 || offset > box.clientHeight - 40) box.scrollTop += offset - box.clientHeight / 3;
    };
    var place = function () {
      var header = document.querySelector(".site-header");
      if (header) document.documentElement.style.setProperty("--drawer-top", header.offsetHeight + "px");
    };
    var sync = function () {
      drawer.open = wide.matches;
      place();
      reveal();
    };
    sync();
    if (wide.addEventListener) wide.addEventListener("change", sync);
    drawer.addEventListener("toggle", function () { if (drawer.open) { place(); reveal(); } });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.open && !wide.matches) {
        drawer.open = false;
        drawer.querySelector("summary").focus();
      }
    });
  }
  // Copy buttons: <button data-copy="ID"> copies the text of the element with that id.
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent;
      var done = function () { if (status) status.textContent = "Copied."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
      } else {
        selectText(source);
      }
    });
  });
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { if (document.execCommand("copy")) return; } catch (e) { /* the text stays selected */ }
  }
})();
