// One submission per form: the first submit disables the buttons, so a
// double click sends one request (the server also keys the application on
// a one-time token).  No inline script: the strict CSP stays intact.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-once]")) { return; }
    if (form.dataset.sent === "1") { event.preventDefault(); return; }
    form.dataset.sent = "1";
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });
  // Show the organisation fields only for 法人或其他组织.
  function toggleOrganisation() {
    var checked = document.querySelector("input[name=applicant_type]:checked");
    var person = checked && checked.value === "natural_person";
    document.querySelectorAll("[data-organisation-only]").forEach(function (node) {
      node.hidden = Boolean(person);
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.name === "applicant_type") { toggleOrganisation(); }
  });
  document.addEventListener("DOMContentLoaded", toggleOrganisation);
}());
