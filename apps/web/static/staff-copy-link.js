// A "Copy link" button for the invitation link. Only an enhancement: the
// button stays hidden without JavaScript, and the link can be copied by hand.
(() => {
  for (const button of document.querySelectorAll('[data-copy-from]')) {
    const input = document.getElementById(button.getAttribute('data-copy-from'));
    const status = button.parentElement.querySelector('[data-copy-status]');
    if (!input) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      input.select();
      let copied = false;
      try {
        await navigator.clipboard.writeText(input.value);
        copied = true;
      } catch {
        // Clipboard access can be refused (older browsers, some policies); the link is left selected instead.
        copied = document.execCommand?.('copy') ?? false;
      }
      if (status) status.textContent = copied ? 'Link copied.' : 'Could not copy. The link is selected: press Ctrl+C (or Cmd+C) to copy it.';
    });
  }
})();
