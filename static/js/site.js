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

  function init() {
    var visitor = document.querySelector("[data-visitor-url]");
    if (visitor) initVisitor(visitor);
    Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), initGallery);
    Array.prototype.forEach.call(document.querySelectorAll(".language-menu"), initDisclosure);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
