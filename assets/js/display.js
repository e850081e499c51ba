// congkhai: the text-size (A− A A+) and high-contrast controls that
// Vietnamese government portals offer. Progressive enhancement: without
// JavaScript the controls stay hidden and the browser's own zoom works; with
// it, the choice is remembered across pages in localStorage.
(function () {
  "use strict";
  // Hours for "today" (data-day) are the build's: gone on another day
  // of Vietnam (UTC+7, no summer time).
  var day = new Date(Date.now() + 252e5).toISOString().slice(0, 10);
  Array.prototype.forEach.call(document.querySelectorAll("[data-day]"), function (el) {
    if (el.getAttribute("data-day") !== day) el.parentNode.removeChild(el);
  });
  var root = document.documentElement;
  var sizes = [0.875, 1, 1.125, 1.25, 1.5, 1.75];
  var keySize = "congkhai-text-size";
  var keyContrast = "congkhai-high-contrast";

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage blocked: the controls still work on this page
    }
  }
  function write(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {}
  }

  var size = sizes.indexOf(parseFloat(read(keySize)));
  if (size < 0) {
    size = 1;
  }
  var contrast = read(keyContrast) === "1";

  function apply() {
    root.style.fontSize = sizes[size] === 1 ? "" : sizes[size] * 100 + "%";
    root.classList.toggle("high-contrast", contrast);
  }
  apply();

  // t is a text in the page's language, by its English: the page gives
  // them (layouts/partials/script-texts.html).
  var texts = {};
  try {
    texts = JSON.parse(document.getElementById("display-texts").textContent);
  } catch (e) {}
  function t(key) {
    return texts[key] || key;
  }

  function button(label, title, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", onclick);
    return b;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-display-controls]");
    if (!box) {
      return;
    }
    var smaller = button("A−", t("Smaller text"), function () {
      size = Math.max(0, size - 1);
      update();
    });
    var normal = button("A", t("Default text size"), function () {
      size = 1;
      update();
    });
    var larger = button("A+", t("Larger text"), function () {
      size = Math.min(sizes.length - 1, size + 1);
      update();
    });
    var high = button(t("High contrast"), t("High contrast"), function () {
      contrast = !contrast;
      update();
    });
    function update() {
      write(keySize, String(sizes[size]));
      write(keyContrast, contrast ? "1" : "0");
      high.setAttribute("aria-pressed", contrast ? "true" : "false");
      smaller.disabled = size === 0;
      larger.disabled = size === sizes.length - 1;
      apply();
    }
    var label = document.createElement("span");
    label.className = "display-label";
    label.textContent = t("Text size:");
    box.append(label, smaller, normal, larger, high);
    box.hidden = false;
    update();
  });
})();
