// Progressive enhancement for forms marked data-async: without this script they post normally
// and the API answers with a 303 to a thank-you page. With it, the form is sent with fetch and
// the outcome is shown in place; on failure the typed data stays where it was, and the reason the
// API gives ({"error":{"code","message"}}) is shown under the failure text, as the page a plain
// post gets shows it.
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
    var reason = fail.querySelector('.form-reason');
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    fail.hidden = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: payload(form)
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(refusal, function () { return ''; }).then(function (text) {
          throw { reason: text };
        });
      }
      form.hidden = true;
      done.hidden = false;
      done.focus();
    }).catch(function (error) {
      // textContent, never HTML: the message is the API's, but it may repeat what was typed
      if (reason) reason.textContent = error && typeof error.reason === 'string' ? error.reason
        : 'The site could not be reached. Check your connection and try again.';
      fail.hidden = false;
    }).then(function () {
      button.disabled = false;
      form.removeAttribute('aria-busy');
    });
  }

  function refusal(body) {
    var message = body && body.error && body.error.message;
    return typeof message === 'string' ? message : '';
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
