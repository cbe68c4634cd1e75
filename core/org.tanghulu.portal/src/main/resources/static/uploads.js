/* Tanghulu portal: uploaded materials (templates/uploads.ftlh). Without this script the upload forms post and
 * come back to the page; with it, a chosen file is sent at once in the background (X-CSRF-Token, JSON answer),
 * the refusal is shown under its material line, and the page reloads its list. */
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!token || !window.fetch || !window.FormData) { return; }

  function send(form) {
    var material = form.getAttribute('data-material');
    var error = document.getElementById('upload-error-' + material);
    var input = form.querySelector('input[type=file]') || document.querySelector('input[type=file][form="' + form.id + '"]');
    if (!input || !input.files || input.files.length === 0) { return; }
    var data = new FormData(form);
    data.set('file', input.files[0]);
    if (error) { error.textContent = ''; }
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': token.content, 'Accept': 'application/json' } })
      .then(function (r) { return r.json().catch(function () { return { error: r.status + ' ' + r.statusText }; }); })
      .then(function (body) {
        if (body.error) {
          if (error) { error.textContent = body.error; }
          input.value = '';
        } else {
          window.location.reload();
        }
      })
      .catch(function () { form.submit(); });
  }

  document.querySelectorAll('form.upload-form').forEach(function (form) {
    form.addEventListener('submit', function (e) { e.preventDefault(); send(form); });
    var input = form.querySelector('input[type=file]') || document.querySelector('input[type=file][form="' + form.id + '"]');
    if (input) { input.addEventListener('change', function () { send(form); }); }
  });
}());
