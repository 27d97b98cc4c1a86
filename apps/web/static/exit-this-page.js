// Pressing Shift three times within 5 seconds leaves the page, like the
// "Exit this page" button. The button itself is a plain link.
(() => {
  let presses = 0;
  let timer;
  const status = document.querySelector('[data-exit-this-page-status]');
  const link = document.querySelector('[data-exit-this-page]');
  document.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift' || !link) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(() => {
      presses = 0;
      if (status) status.textContent = '';
    }, 5000);
    if (presses >= 3) {
      if (status) status.textContent = 'Exiting page.';
      window.location.replace(link.href);
    } else if (status) {
      status.textContent = `Shift, press ${3 - presses} more time${presses === 2 ? '' : 's'} to exit.`;
    }
  });
})();
