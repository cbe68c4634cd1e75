/* Tanghulu portal: enhancements only; every page works without this script.
 * - checks form fields by the rules the server wrote into data- attributes (required, type, min/max length,
 *   pattern, min/max) when a field the person typed in (or chose in) is left, never for a field merely tabbed
 *   through, and shows the message in the field's error slot right under it; the server checks everything again
 *   on submit (and check digits of credit codes there);
 * - keeps the section navigation's counts and the progress bar of the application form up to date;
 * - offers "pick a person already entered" at every person (name, ID number, phone) of the form, rows of tables too;
 * - fills in the applicant's name with the person's own only when "individual" is chosen;
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

  function format(pattern, a, b) { return pattern.replace('{0}', a).replace('{1}', b); }

  function filled(el) {
    return el.value.trim() !== '' && el.getAttribute('aria-invalid') !== 'true';
  }

  /* The section navigation: per section how many required fields are filled, and the overall progress. */
  function progress(form, msgs) {
    var bar = document.getElementById('form-progress');
    var text = document.getElementById('form-progress-text');
    function update() {
      var all = 0, done = 0;
      document.querySelectorAll('#form-nav a[data-section]').forEach(function (link) {
        var section = document.getElementById(link.dataset.section);
        var count = document.getElementById(link.dataset.section + '-count');
        if (!section || !count) { return; }
        var required = section.querySelectorAll('[aria-required=true]:not([readonly])');
        var n = 0;
        required.forEach(function (el) { if (filled(el)) { n++; } });
        all += required.length; done += n;
        count.textContent = format(msgs.msgCount, n, required.length);
        link.classList.toggle('complete', required.length > 0 && n === required.length);
      });
      bar.max = all; bar.value = done;
      text.textContent = format(msgs.msgProgress, done, all);
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('focusout', function () { setTimeout(update, 0); });
    update();
  }

  /* Persons: the inputs marked data-person="PREFIX:name|id-number|phone" belong together; each person gets a
   * list of the persons already entered elsewhere in the form, and picking one fills in all three. */
  function persons(form, msgs) {
    var groups = {};
    form.querySelectorAll('[data-person]').forEach(function (el) {
      var parts = el.dataset.person.split(':');
      (groups[parts[0]] = groups[parts[0]] || {})[parts[1]] = el;
    });
    var keys = Object.keys(groups).filter(function (k) {
      var g = groups[k];
      return g.name && (g['id-number'] || g.phone) && !g.name.readOnly;
    });
    if (keys.length < 2) { return; }
    function known(except) {
      var seen = {};
      return keys.filter(function (k) {
        var g = groups[k];
        var name = g.name.value.trim();
        if (k === except || !name) { return false; }
        var id = name + '|' + (g['id-number'] ? g['id-number'].value.trim() : '');
        if (seen[id]) { return false; }
        seen[id] = true;
        return true;
      });
    }
    keys.forEach(function (k) {
      var g = groups[k];
      var field = g.name.closest('td, .field'); // a table's row: the picker goes into its name cell
      var wrap = document.createElement('div');
      wrap.className = 'person-pick';
      var select = document.createElement('select');
      select.id = 'pick-' + k;
      select.setAttribute('aria-label', msgs.msgPickLabel);
      wrap.appendChild(select);
      if (field.tagName === 'TD') { field.insertBefore(wrap, field.firstChild); } else { field.parentNode.insertBefore(wrap, field); }
      function refresh() {
        var others = known(k);
        select.innerHTML = '';
        var first = document.createElement('option');
        first.value = ''; first.textContent = msgs.msgPick;
        select.appendChild(first);
        others.forEach(function (o) {
          var og = groups[o];
          var opt = document.createElement('option');
          opt.value = o;
          opt.textContent = og.name.value.trim() + (og['id-number'] && og['id-number'].value.trim()
            ? '（' + og['id-number'].value.trim() + '）' : '');
          select.appendChild(opt);
        });
        wrap.hidden = others.length === 0;
      }
      select.addEventListener('focus', refresh);
      select.addEventListener('change', function () {
        var from = groups[select.value];
        if (!from) { return; }
        ['name', 'id-number', 'phone'].forEach(function (part) {
          if (g[part] && from[part] && from[part].value.trim()) {
            g[part].value = from[part].value.trim();
            g[part].dataset.touched = 'true';
            g[part].dispatchEvent(new Event('input', { bubbles: true }));
            g[part].dispatchEvent(new Event('change', { bubbles: true }));
          }
        });
        select.value = '';
      });
      form.addEventListener('change', refresh);
      refresh();
    });
  }

  /* The applicant's name is the person's own only for an individual applicant. */
  function applicantName(form) {
    var type = form.querySelector('#f-applicantType');
    var name = form.querySelector('#f-applicantName');
    var person = form.dataset.personName;
    if (!type || !name || !person) { return; }
    type.addEventListener('change', function () {
      if (type.value === 'INDIVIDUAL' && !name.value.trim()) {
        name.value = person;
      } else if (type.value !== 'INDIVIDUAL' && name.value.trim() === person) {
        name.value = '';
      }
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }
    document.querySelectorAll('form[data-msg-required]').forEach(function (form) {
      var msgs = form.dataset;
      form.querySelectorAll('[data-type]').forEach(function (el) {
        // a field is checked only once the person changed it: tabbing through leaves it alone
        function check() { if (el.dataset.touched) { show(el, problem(el, msgs)); } }
        el.addEventListener('input', function () {
          el.dataset.touched = 'true';
          if (el.getAttribute('aria-invalid') === 'true') { show(el, problem(el, msgs)); }
        });
        el.addEventListener('change', function () { el.dataset.touched = 'true'; check(); });
        el.addEventListener('blur', check);
      });
      if (form.dataset.draft) { autosave(form); }
      if (document.getElementById('form-nav')) { progress(form, msgs); }
      persons(form, msgs);
      applicantName(form);
    });
  });
}());
