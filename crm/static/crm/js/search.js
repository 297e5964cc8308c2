// Admin search: the arrow keys move between result links (Tab works as well); Down from
// the search box goes to the first result, Up from the first result back to the box.
(function () {
  "use strict";
  function hits() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-search-hit]"));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
      return;
    }
    var links = hits();
    if (!links.length) {
      return;
    }
    var box = document.querySelector(".crm-search-form input[name=q]");
    var index = links.indexOf(document.activeElement);
    if (document.activeElement === box && event.key === "ArrowDown") {
      links[0].focus();
    } else if (index >= 0 && event.key === "ArrowDown") {
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (index > 0 && event.key === "ArrowUp") {
      links[index - 1].focus();
    } else if (index === 0 && event.key === "ArrowUp" && box) {
      box.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
})();
