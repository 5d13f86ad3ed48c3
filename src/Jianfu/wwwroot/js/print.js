// Buttons marked data-print print the page (kept out of the markup: the pages allow no inline script).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
