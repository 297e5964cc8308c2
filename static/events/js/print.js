// A "Print" button on admin pages: a script file rather than an onclick attribute, which the
// Content-Security-Policy would have to allow as inline script.
document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) {
        window.print();
    }
});
