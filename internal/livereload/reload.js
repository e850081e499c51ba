// congkhai serve: reloads the page after each rebuild and shows the build
// problems in an overlay. Only the development server adds this script.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }
  var src = new URL(script.src);
  var base = src.href.replace(/reload\.js(\?.*)?$/, "");
  var url = base + "events?since=" + encodeURIComponent(src.searchParams.get("v") || "");
  var id = "congkhai-problems";
  // The overlay's words, in the editor's language, come with the script.
  var words = {
    title: script.getAttribute("data-title") || "Problems in the build",
    close: script.getAttribute("data-close") || "Close"
  };

  function el(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // show replaces the overlay with one listing problems (none: removes it).
  // Problem text goes through textContent only: it is never parsed as HTML.
  function show(problems) {
    var old = document.getElementById(id);
    if (old) {
      old.remove();
    }
    if (!problems || problems.length === 0) {
      return;
    }
    if (!document.getElementById(id + "-style")) {
      var link = el("link");
      link.rel = "stylesheet";
      link.id = id + "-style";
      link.href = base + "overlay.css";
      document.head.appendChild(link);
    }
    var dialog = el("dialog");
    dialog.id = id;
    dialog.setAttribute("aria-labelledby", id + "-title");
    var alert = el("div");
    alert.setAttribute("role", "alert");
    var heading = el("h2", words.title);
    heading.id = id + "-title";
    var list = el("ul");
    problems.forEach(function (p) {
      list.appendChild(el("li", p.text));
    });
    alert.appendChild(heading);
    alert.appendChild(list);
    var form = el("form");
    form.setAttribute("method", "dialog");
    var button = el("button", words.close);
    button.type = "submit";
    form.appendChild(button);
    dialog.appendChild(alert);
    dialog.appendChild(form);
    document.body.appendChild(dialog);
    dialog.setAttribute("open", "");
  }

  function connect() {
    var source = new EventSource(url);
    source.addEventListener("reload", function () {
      source.close();
      location.reload();
    });
    source.addEventListener("problems", function (e) {
      show(JSON.parse(e.data));
    });
    source.onerror = function () {
      // The browser reconnects by itself after a dropped connection, but
      // not after a refusal (the server stopped or restarting): retry.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, 1000);
      }
    };
  }

  connect();
})();
