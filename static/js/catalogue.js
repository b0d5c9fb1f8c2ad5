/* Catalogue filters without a full reload: the form still works as a plain GET without this file. */
(function () {
  "use strict";
  var form = document.querySelector("[data-catalogue-filters]");
  var results = document.querySelector("[data-catalogue-results]");
  if (!form || !results || !window.fetch || !window.history) return;

  function load(url, push) {
    results.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-catalogue-results]");
        var freshForm = doc.querySelector("[data-catalogue-filters]");
        if (!fresh) { window.location.href = url; return; }
        results.innerHTML = fresh.innerHTML;
        if (freshForm) form.innerHTML = freshForm.innerHTML; // counts per option follow the filters
        if (push) history.pushState({ catalogue: true }, "", url);
      })
      .catch(function () { window.location.href = url; })
      .finally(function () { results.removeAttribute("aria-busy"); });
  }

  function urlFromForm() {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) { if (!params.get(key)) params.delete(key); });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("select, input[type=checkbox]")) load(urlFromForm(), true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(urlFromForm(), true);
  });
  results.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a");
    if (!link) return;
    event.preventDefault();
    load(link.href, true);
    results.scrollIntoView({ block: "start" });
  });
  window.addEventListener("popstate", function () { load(window.location.href, false); });
})();
