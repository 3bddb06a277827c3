// "Print (A4)" on a service's page: shown only where this script runs (without it, the
// browser's own print command gives the same A4 page, services.css says how).
document.querySelectorAll("[data-print-page]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
