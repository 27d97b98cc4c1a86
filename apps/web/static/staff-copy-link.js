// "Copy" buttons for an invitation link or a webhook secret. Only an
// enhancement: the button stays hidden without JavaScript, and the text can
// be copied by hand. The button's data-copied says what was copied.
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
      const what = button.getAttribute('data-copied') ?? 'Link';
      if (status) status.textContent = copied ? `${what} copied.` : `Could not copy. The ${what.toLowerCase()} is selected: press Ctrl+C (or Cmd+C) to copy it.`;
    });
  }
})();
