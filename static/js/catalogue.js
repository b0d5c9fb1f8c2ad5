/* Catalogue filters without a full reload: the form still works as a plain GET without this file.

   The form is never re-rendered, so the control the buyer is using keeps the keyboard focus: after
   each response its controls take the values and options the server rendered for that URL (an
   applied filter always shows as applied), and the results, the applied-filter chips and the
   panel's "Filters (n)" are swapped in. Only the response for the latest URL is used: a new
   request aborts the one before it. */
(function () {
  "use strict";
  var form = document.querySelector("[data-catalogue-filters]");
  var results = document.querySelector("[data-catalogue-results]");
  var panel = document.querySelector("[data-catalogue-panel]");
  var toggle = document.querySelector("[data-catalogue-toggle]");
  if (!form || !results || !window.fetch || !window.history || !window.AbortController) return;

  var latestUrl = null;
  var controller = null;

  function sameOptions(select, fresh) {
    if (select.options.length !== fresh.options.length) return false;
    for (var i = 0; i < fresh.options.length; i++) {
      if (select.options[i].value !== fresh.options[i].value || select.options[i].text !== fresh.options[i].text) return false;
    }
    return true;
  }

  function isTyping(control) {
    return control === document.activeElement && control.matches("input[type=search], input[type=number], input[type=text]");
  }

  /* The controls show what the server rendered for the URL; elements are kept, never replaced. */
  function syncForm(freshForm) {
    var seen = {};
    Array.prototype.forEach.call(freshForm.elements, function (fresh) {
      if (!fresh.name) return;
      seen[fresh.name] = true;
      var mine = form.elements.namedItem(fresh.name);
      if (!mine) {
        if (fresh.type === "hidden") form.appendChild(document.importNode(fresh, true));
        return;
      }
      if (fresh.tagName === "SELECT") {
        if (!sameOptions(mine, fresh)) {
          var value = fresh.value;
          mine.replaceChildren.apply(mine, Array.prototype.map.call(fresh.options, function (option) {
            return document.importNode(option, true);
          }));
          mine.value = value;
        } else {
          mine.value = fresh.value;
        }
      } else if (fresh.type === "checkbox") {
        mine.checked = fresh.checked;
      } else if (!isTyping(mine)) {
        mine.value = fresh.value;
      }
    });
    Array.prototype.forEach.call(form.elements, function (mine) {
      if (mine.name && !seen[mine.name] && mine.type === "hidden") mine.value = "";
    });
  }

  function load(url, push, focusResults) {
    url = new URL(url, window.location.href).href;
    if (url === latestUrl && results.hasAttribute("aria-busy")) return; // already on its way
    if (controller) controller.abort();
    controller = new AbortController();
    latestUrl = url;
    if (push && url !== window.location.href) history.pushState({ catalogue: true }, "", url);
    results.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Requested-With": "fetch" }, signal: controller.signal })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (url !== latestUrl) return; // a later choice has been made meanwhile
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-catalogue-results]");
        var freshForm = doc.querySelector("[data-catalogue-filters]");
        var freshToggle = doc.querySelector("[data-catalogue-toggle]");
        if (!fresh || !freshForm) { window.location.href = url; return; }
        results.innerHTML = fresh.innerHTML;
        syncForm(freshForm);
        if (toggle && freshToggle) toggle.innerHTML = freshToggle.innerHTML;
        results.removeAttribute("aria-busy");
        if (focusResults) {
          var count = results.querySelector("#catalogue-count");
          if (count) count.focus();
        }
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") return;
        if (url === latestUrl) window.location.href = url;
      });
  }

  function urlFromForm() {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) { if (!params.get(key)) params.delete(key); });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  form.addEventListener("change", function () { load(urlFromForm(), true, false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(urlFromForm(), true, false);
  });
  results.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a, [data-catalogue-link]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    load(link.href, true, true);
    results.scrollIntoView({ block: "start" });
  });
  window.addEventListener("popstate", function () { load(window.location.href, false, false); });

  /* From 40rem up the filters stand beside the results, open; on a phone they fold behind the toggle. */
  if (panel && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 40rem)");
    var follow = function () { panel.open = wide.matches; };
    follow();
    if (wide.addEventListener) wide.addEventListener("change", follow);
  }
})();
