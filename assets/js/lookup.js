// congkhai: the dossier status lookup by number. Progressive enhancement:
// without JavaScript the form stays hidden and the page links to the
// one-stop software's own lookup; with it, the number typed goes into the
// address the site configured (status_lookup.url_template), escaped, and
// the browser opens that address. Nothing is sent anywhere else.
(function () {
  "use strict";
  var form = document.querySelector("form[data-lookup]");
  if (!form) {
    return;
  }
  var template = form.getAttribute("data-lookup");
  var input = form.querySelector("input");
  form.hidden = false;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var number = input.value.trim();
    if (number === "") {
      input.focus();
      return;
    }
    window.location.assign(template.replace("{so_ho_so}", encodeURIComponent(number)));
  });
})();
