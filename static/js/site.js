/* Small enhancements; every page works without this file. */
(function () {
  "use strict";

  // Product gallery: thumbnails scroll the photo strip instead of jumping the page, and the
  // thumbnail of the photo in view is marked as current.
  function initGallery(gallery) {
    var track = gallery.querySelector(".gallery__track");
    var thumbs = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__thumbs a"));
    if (!track || !thumbs.length) return;

    function mark(id) {
      thumbs.forEach(function (thumb) {
        if (thumb.getAttribute("href") === "#" + id) thumb.setAttribute("aria-current", "true");
        else thumb.removeAttribute("aria-current");
      });
    }

    thumbs.forEach(function (thumb) {
      thumb.addEventListener("click", function (event) {
        var slide = document.getElementById(thumb.getAttribute("href").slice(1));
        if (!slide) return;
        event.preventDefault();
        // "nearest" keeps the page where it is when the gallery is already in view.
        slide.scrollIntoView({ block: "nearest", inline: "start" });
        mark(slide.id);
      });
    });

    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(
        function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting) mark(entry.target.id);
          });
        },
        { root: track, threshold: 0.6 }
      );
      Array.prototype.forEach.call(track.querySelectorAll(".gallery__slide"), function (slide) {
        observer.observe(slide);
      });
    }
  }

  // Close the language menu with Escape and when focus or a click leaves it.
  function initDisclosure(details) {
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (details.open && !details.contains(event.target)) details.open = false;
    });
    details.addEventListener("focusout", function (event) {
      if (details.open && event.relatedTarget && !details.contains(event.relatedTarget)) details.open = false;
    });
  }

  // Cached pages are the same for everyone: what is the buyer's own (the sample-box count, a CSRF
  // token for the page's forms) comes from a small JSON view. A form marked data-post-with-csrf
  // goes by GET to a confirmation page without it; with it, it posts straight away (sent before
  // the state has arrived, it waits for it).
  function initVisitor(link) {
    if (!window.fetch || !window.Promise) return;
    var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-post-with-csrf]"));
    var state = fetch(link.getAttribute("data-visitor-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null;
      });

    function apply(visitor) {
      if (!visitor) return;
      Array.prototype.forEach.call(document.querySelectorAll("[data-sample-box-count]"), function (count) {
        count.textContent = visitor.sample_box_count;
      });
      forms.forEach(function (form) {
        if (form.method === "post") return;
        var token = document.createElement("input");
        token.type = "hidden";
        token.name = "csrfmiddlewaretoken";
        token.value = visitor.csrf_token;
        form.appendChild(token);
        form.method = "post";
      });
    }

    state.then(apply);
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.method === "post") return;
        event.preventDefault();
        state.then(function (visitor) {
          apply(visitor);
          form.submit();
        });
      });
    });
  }

  // Search suggestions: the header's box as an ARIA 1.2 combobox (list autocomplete). Up and Down
  // move through the suggestions, Enter opens the one chosen (or searches for what was typed),
  // Escape closes the list and then clears the box. Only the latest answer is shown.
  function initSuggestions(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[role=listbox]");
    if (!input || !list || !window.fetch || !window.AbortController) return;
    var options = [];
    var active = -1;
    var pending = null;
    var timer = null;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      options.forEach(function (option, i) {
        option.element.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index < 0) input.removeAttribute("aria-activedescendant");
      else {
        input.setAttribute("aria-activedescendant", options[index].element.id);
        options[index].element.scrollIntoView({ block: "nearest" });
      }
    }

    function show(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.className = "site-search__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "site-search__option-title";
        title.textContent = suggestion.title;
        var kind = document.createElement("span");
        kind.className = "site-search__option-kind";
        kind.textContent = suggestion.kind;
        item.appendChild(title);
        item.appendChild(kind);
        // mousedown would blur the box (and close the list) before the click lands.
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        item.addEventListener("click", function () {
          window.location.assign(suggestion.url);
        });
        list.appendChild(item);
        return { element: item, url: suggestion.url };
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!options.length) return close();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function ask() {
      var query = input.value.trim();
      if (pending) pending.abort();
      if (query.length < 2) return close();
      pending = new AbortController();
      fetch(form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: pending.signal
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query && document.activeElement === input) show(data.suggestions || []);
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) return;
        event.preventDefault();
        if (!open) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        choose((active + step + options.length + (active < 0 && step < 0 ? 1 : 0)) % options.length);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].url);
      } else if (event.key === "Escape") {
        if (open) close();
        else input.value = "";
        event.preventDefault();
      }
    });
    input.addEventListener("blur", close);
  }

  function init() {
    var visitor = document.querySelector("[data-visitor-url]");
    if (visitor) initVisitor(visitor);
    Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), initGallery);
    Array.prototype.forEach.call(document.querySelectorAll(".language-menu"), initDisclosure);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-suggest-url]"), initSuggestions);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
