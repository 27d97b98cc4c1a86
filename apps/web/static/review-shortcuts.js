// Keyboard shortcuts for the review queue. Only an enhancement: every action
// is also a form button or a link, and without JavaScript the shortcut help
// stays hidden. Single-key shortcuts can be turned off (remembered in this
// browser), and never act while someone types in a field.
(() => {
  const help = document.getElementById('shortcut-help');
  const form = document.querySelector('[data-review-form]');
  if (!help || !form) return;
  const toggle = help.querySelector('[data-shortcuts-toggle]');
  const details = help.querySelector('[data-shortcut-details]');
  const status = document.querySelector('[data-shortcut-status]');
  const boxes = [...form.querySelectorAll('[data-theme-checklist] input[type="checkbox"]')];
  const hints = [...form.querySelectorAll('[data-key-hint]')];
  const STORE = 'safer-voices:review-shortcuts';

  let on = true;
  try {
    on = localStorage.getItem(STORE) !== 'off';
  } catch {
    // Storage can be refused (private windows, policies): shortcuts stay on for this page.
  }

  function say(text) {
    if (!status) return;
    // Emptied first, so saying the same words twice is still announced.
    status.textContent = '';
    setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function showHints() {
    for (const hint of hints) hint.hidden = !on;
  }

  help.hidden = false;
  toggle.checked = on;
  showHints();
  toggle.addEventListener('change', () => {
    on = toggle.checked;
    try {
      localStorage.setItem(STORE, on ? 'on' : 'off');
    } catch {
      // Not remembered; still applies to this page.
    }
    showHints();
    say(on ? 'Keyboard shortcuts on' : 'Keyboard shortcuts off');
  });

  const TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'color', 'range']);
  function typing(element) {
    if (!(element instanceof HTMLElement)) return false;
    if (element.isContentEditable) return true;
    if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
    return element.tagName === 'INPUT' && !TYPING_INPUTS.has(element.type);
  }

  document.addEventListener('keydown', (event) => {
    if (!on || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const key = event.key;
    if (key === '?') {
      details.open = !details.open;
      if (details.open) details.querySelector('summary')?.focus();
      say(details.open ? 'Shortcut list shown' : 'Shortcut list hidden');
    } else if (key === 'a') {
      for (const box of boxes) box.checked = box.hasAttribute('data-suggested');
      say('Accepting the suggestions');
      form.requestSubmit(form.querySelector('[data-save]'));
    } else if (key === 's') {
      const skip = form.querySelector('[data-skip]');
      if (!skip) return;
      say('Skipping this answer');
      window.location.assign(skip.href);
    } else if (/^[1-9]$/.test(key)) {
      const box = boxes[Number(key) - 1];
      if (!box) return;
      box.checked = !box.checked;
      say(`${box.dataset.label} ${box.checked ? 'ticked' : 'not ticked'}`);
    } else {
      return;
    }
    event.preventDefault();
  });
})();
