// Progressive enhancement for forms marked data-async: without this script they post normally
// and the API answers with a 303 to a thank-you page. With it, the form is sent with fetch and
// the outcome is shown in place; on failure the typed data stays where it was.
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) return;

  function payload(form) {
    var body = {};
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && value !== '') body[name] = value;
    });
    return JSON.stringify(body);
  }

  function send(form, box) {
    var button = form.querySelector('button[type="submit"]');
    var done = box.querySelector('.form-done');
    var fail = box.querySelector('.form-fail');
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    fail.hidden = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: payload(form)
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      form.hidden = true;
      done.hidden = false;
      done.focus();
    }).catch(function () {
      fail.hidden = false;
    }).then(function () {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    });
  }

  document.querySelectorAll('form[data-async]').forEach(function (form) {
    var box = form.closest('[data-form-box]');
    if (!box) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (form.getAttribute('aria-busy') === 'true') return;
      send(form, box);
    });
  });
})();
