/* Tanghulu portal: enhancements only; every page works without this script.
 * - checks form fields as you type, by the rules the server wrote into data- attributes
 *   (required, type, min/max length, pattern, min/max) and shows the message in the field's error slot;
 *   the server checks everything again on submit (and check digits of credit codes there);
 * - autosaves the application form as a draft (debounced) with the CSRF token from <meta name="csrf-token">;
 * - moves the focus to the error summary when a page shows one. */
(function () {
  'use strict';
  var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var ID_CHECK = '10X98765432';
  var FORMATS = {
    INTEGER: /^[+-]?\d+$/,
    DECIMAL: /^[+-]?\d+(\.\d+)?$/,
    DATE: /^\d{4}-\d{2}-\d{2}$/,
    ID_NUMBER: /^\d{17}[\dXx]$/,
    CREDIT_CODE: /^[0-9A-HJ-NPQRTUWXY]{18}$/,
    ORGANIZATION_CODE: /^[0-9A-Z]{8}-?[0-9X]$/,
    PHONE: /^((\+?86[- ]?)?1[3-9]\d{9}|(0\d{2,3}-?|\(0\d{2,3}\))[2-9]\d{6,7}((-|转|#)\d{1,6})?)$/,
    // the core's rule (org.tanghulu.core.validation.InputRules): exactly one plain address
    EMAIL: /^[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/
  };

  function idCheckDigitOk(v) {
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += Number(v.charAt(i)) * ID_WEIGHTS[i]; }
    return ID_CHECK.charAt(sum % 11) === v.charAt(17).toUpperCase();
  }

  function problem(el, msgs) {
    var d = el.dataset;
    var v = el.value.trim();
    if (!v) { return d.required ? msgs.msgRequired : ''; }
    var format = FORMATS[d.type];
    if (format && !format.test(v)) { return msgs.msgFormat; }
    if (d.type === 'ID_NUMBER' && !idCheckDigitOk(v)) { return msgs.msgCheckDigit; }
    if (d.maxLength && v.length > Number(d.maxLength)) { return msgs.msgTooLong; }
    if (d.minLength && v.length < Number(d.minLength)) { return msgs.msgTooShort; }
    if (d.pattern) {
      try { if (!new RegExp('^(?:' + d.pattern + ')$').test(v)) { return msgs.msgFormat; } } catch (e) { /* server checks */ }
    }
    if ((d.type === 'INTEGER' || d.type === 'DECIMAL') && ((d.min && Number(v) < Number(d.min)) || (d.max && Number(v) > Number(d.max)))) {
      return msgs.msgRange;
    }
    return '';
  }

  function show(el, message) {
    var slot = document.getElementById(el.id + '-error');
    if (!slot) { return; }
    slot.textContent = message;
    if (message) { el.setAttribute('aria-invalid', 'true'); } else { el.removeAttribute('aria-invalid'); }
  }

  function autosave(form) {
    var token = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
    var note = document.getElementById('draft-note');
    var timer = null;
    function save() {
      var body = new URLSearchParams(new FormData(form));
      fetch(form.dataset.draft, {
        method: 'POST', credentials: 'same-origin', body: body,
        headers: { 'X-CSRF-Token': token, 'Accept': 'application/json' }
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
        if (j && note) { note.textContent = j.saved; note.dataset.saved = 'true'; }
      }).catch(function () { /* the save draft button still works */ });
    }
    form.addEventListener('input', function () {
      if (note) { note.dataset.saved = 'false'; }
      clearTimeout(timer);
      timer = setTimeout(save, 800);
    });
    form.addEventListener('change', function () { clearTimeout(timer); timer = setTimeout(save, 800); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }
    document.querySelectorAll('form[data-msg-required]').forEach(function (form) {
      var msgs = form.dataset;
      form.querySelectorAll('[data-type]').forEach(function (el) {
        el.addEventListener('blur', function () { show(el, problem(el, msgs)); });
        el.addEventListener('input', function () {
          if (el.getAttribute('aria-invalid') === 'true') { show(el, problem(el, msgs)); }
        });
      });
      if (form.dataset.draft) { autosave(form); }
    });
  });
}());
