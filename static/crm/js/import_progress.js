// Polls an import's progress and updates the bar; reloads the page once the work is done.
(function () {
  const bar = document.querySelector("[data-import-progress]");
  if (!bar) return;
  const label = document.querySelector("[data-import-progress-label]");
  const url = bar.dataset.importProgress;
  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const state = await response.json();
      bar.max = state.total || 1;
      bar.value = state.done;
      if (label) label.textContent = state.done + " / " + state.total + " (" + state.percent + "%)";
      if (state.status !== "previewing" && state.status !== "applying") {
        window.location.reload();
        return;
      }
    } catch (error) {
      // A failed poll is retried on the next tick.
    }
    window.setTimeout(poll, 1000);
  }
  window.setTimeout(poll, 500);
})();
