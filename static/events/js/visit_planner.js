// The visit planner's two conveniences; without them every row already on the page works.
(() => {
  // "Use this one": put an offered alternative into the refused picker.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-use-alternative]");
    if (!button) return;
    const select = document.getElementById(button.dataset.field);
    select.value = button.dataset.value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    button.closest("[data-alternatives]").querySelector("[data-chosen]").textContent =
      button.dataset.label;
  });

  // "Add a row": a copy of the formset's empty form, numbered next, as Django's formsets expect.
  const addRow = (prefix) => {
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    const template = document.querySelector(`template[data-empty-row="${prefix}"]`);
    const body = document.querySelector(`tbody[data-rows="${prefix}"]`);
    const holder = document.createElement("tbody");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, total.value);
    const row = holder.firstElementChild;
    // Scripts written by innerHTML do not run; widgets that set themselves up inline need them.
    row.querySelectorAll("script").forEach((old) => {
      const script = document.createElement("script");
      script.textContent = old.textContent;
      old.replaceWith(script);
    });
    body.append(row);
    total.value = String(Number(total.value) + 1);
    row.querySelector("input:not([type=hidden]), select")?.focus();
  };
  document.querySelectorAll("[data-add-row]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => addRow(button.dataset.addRow));
  });
})();
