/*
 * PartnerFlow: what Tasklist's embedded forms share, written once (ADR 0031). Tasklist imports this module at start
 * (config.js, customScripts); a form's cam-script calls the functions below.
 *
 * - PartnerFlow.fileField(camForm, $scope, field): a file (a transfer's letter, an extension's file), read in the
 *   browser and sent as a transient File variable: the engine hands it to the process's listener and never stores it.
 * - PartnerFlow.setVariable(camForm, name, type, value, valueInfo): sends a typed variable, replacing one the form holds.
 * - PartnerFlow.checkFields(camForm, $scope): required fields marked «*», Russian messages beside each field, and
 *   under the form what is still missing (Tasklist keeps «Start»/«Complete» disabled without saying why).
 * - PartnerFlow.dateField(camForm, field): a date typed as дд.мм.гггг, whatever the browser's language, sent as ISO.
 * - PartnerFlow.onStarted(camForm, Notifications, message) / onCompleted(...): after a start form, which request was
 *   created and what happens next; after a task form, what happens next (Tasklist itself says only «started»).
 * And for every form (embedded or Camunda Form): a link to a document or to a request's page (/api/..., /requests/...)
 * opens in a new tab, so Tasklist with the half-filled form stays where it was.
 *
 * fileField's field: input     the name of the form's <input type="file">
 *                    variable  the name of the File variable
 *                    maxBytes  the largest file accepted, checked before reading
 *                    tooLarge  the message for a larger file
 *                    reading   the message when the form is sent while the file is still being read
 *                    missing   the message when no file was chosen, or null when the file may be left out
 *                    mimeType  the type to send (default: the file's own)
 *                    error, attached  the $scope keys the form shows: the problem, and «name (N КБ)» once read
 */
window.PartnerFlow = window.PartnerFlow || {};

/**
 * Links to documents and request pages open in a new tab (Camunda Forms render Markdown links without a target), and
 * can be followed before the task is claimed: Tasklist lays a veil (z-index 1000) over a form its user has not
 * claimed, and a reviewer reads the letter before taking the task.
 */
(function linksAboveTheVeil() {
  var style = document.createElement('style');
  style.textContent = '.disabled-form a[href^="/api/"], .disabled-form a[href^="/requests/"] '
      + '{ position: relative; z-index: 1001; }';
  document.head.appendChild(style);
})();

document.addEventListener('click', function (event) {
  var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
  if (link && /^\/(api|requests)\//.test(link.getAttribute('href'))) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  }
}, true);

/**
 * Sets a variable the form sends, replacing one the form already holds (a second «Start» after a refusal):
 * PartnerFlow.setVariable(camForm, 'dataAreaId', 'Long', 7). valueInfo is optional (a transient File's name and type).
 */
window.PartnerFlow.setVariable = function (camForm, name, type, value, valueInfo) {
  if (camForm.variableManager.variable(name)) {
    camForm.variableManager.destroyVariable(name);
  }
  var variable = { name: name, type: type, value: value };
  if (valueInfo) {
    variable.valueInfo = valueInfo;
  }
  camForm.variableManager.createVariable(variable);
};

window.PartnerFlow.fileField = function (camForm, $scope, field) {
  var file = null;
  var reading = false;
  $scope[field.error] = null;
  $scope[field.attached] = null;

  function show(key, value) {
    $scope.$apply(function () {
      $scope[key] = value;
    });
  }

  camForm.on('form-loaded', function () {
    var input = camForm.formElement[0].querySelector('input[name="' + field.input + '"]');
    input.addEventListener('change', function () {
      file = null;
      reading = false;
      var chosen = input.files[0];
      $scope.$apply(function () {
        $scope[field.error] = null;
        $scope[field.attached] = null;
      });
      if (!chosen) {
        return;
      }
      if (chosen.size > field.maxBytes) {
        show(field.error, field.tooLarge);
        return;
      }
      var reader = new FileReader();
      reader.onload = function (event) {
        reading = false;
        var bytes = new Uint8Array(event.target.result);
        var binary = '';
        for (var i = 0; i < bytes.length; i += 8192) {
          binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        file = { name: chosen.name, type: field.mimeType || chosen.type || 'application/octet-stream', base64: btoa(binary) };
        show(field.attached, chosen.name + ' (' + Math.max(1, Math.round(chosen.size / 1024)) + ' КБ)');
      };
      reader.onerror = function () {
        reading = false;
        show(field.error, 'Не удалось прочитать файл: выберите его еще раз.');
      };
      reading = true;
      reader.readAsArrayBuffer(chosen);
    });
  });

  camForm.on('submit', function () {
    if (reading) {
      $scope[field.error] = field.reading;
      camForm.submitPrevented = true;
      return;
    }
    if (!file && field.missing) {
      $scope[field.error] = field.missing;
      camForm.submitPrevented = true;
      return;
    }
    if (file) {
      window.PartnerFlow.setVariable(camForm, field.variable, 'File', file.base64,
          { filename: file.name, mimeType: file.type, transient: true });
    } else if (camForm.variableManager.variable(field.variable)) {
      camForm.variableManager.destroyVariable(field.variable);
    }
  });
};

/** The Russian message for a field the browser finds invalid, or null for a valid one. */
function problemOf(control) {
  var validity = control.validity;
  if (!validity || validity.valid) {
    return null;
  }
  if (validity.customError) {
    return control.validationMessage;
  }
  if (validity.valueMissing) {
    return control.tagName === 'SELECT' ? 'Выберите значение из списка.' : 'Заполните это поле.';
  }
  if (validity.patternMismatch) {
    return control.getAttribute('data-pattern-message') || 'Проверьте формат значения.';
  }
  if (validity.tooLong) {
    return 'Не более ' + control.maxLength + ' символов.';
  }
  if (validity.badInput) {
    return control.type === 'date' ? 'Введите дату полностью: день, месяц и год.' : 'Проверьте значение.';
  }
  return 'Проверьте значение.';
}

/** The text of a field's label, without the «*» this script adds. */
function labelOf(form, control) {
  var label = control.id ? form.querySelector('label[for="' + control.id + '"]') : null;
  if (!label) {
    return control.name;
  }
  var text = '';
  label.childNodes.forEach(function (node) {
    if (!(node.classList && node.classList.contains('pf-required'))) {
      text += node.textContent;
    }
  });
  return text.trim();
}

/**
 * Marks the required fields (attribute required, or data-required for a file the file field checks) with a red «*»,
 * shows a Russian message beside a field once the person has left it or changed it (and beside every field after a
 * refused submit), and keeps a line under the form saying which fields are still missing. Call it from the form's
 * cam-script; with $scope, it follows every change Angular makes too (a select filled from /api).
 */
window.PartnerFlow.checkFields = function (camForm, $scope) {
  var touched = {};
  var showAll = false;
  var form = null;
  var summary = null;

  function controls() {
    return Array.prototype.filter.call(form.querySelectorAll('input, select, textarea'), function (control) {
      return control.name && control.type !== 'hidden' && control.type !== 'file' && control.type !== 'button'
          && !control.readOnly && !control.disabled && control.offsetParent !== null;
    });
  }

  function messageBeside(control) {
    var id = 'pf-error-' + control.name;
    var message = form.querySelector('#' + id);
    if (!message) {
      message = document.createElement('p');
      message.id = id;
      message.className = 'help-block pf-field-error';
      message.setAttribute('data-field', control.name);
      control.parentNode.insertBefore(message, control.nextSibling);
    }
    return message;
  }

  function update() {
    if (!form) {
      return;
    }
    var missing = [];
    controls().forEach(function (control) {
      var problem = problemOf(control);
      var shown = problem && (showAll || touched[control.name]);
      var message = messageBeside(control);
      message.textContent = shown ? problem : '';
      message.style.display = shown ? '' : 'none';
      var group = control.closest('.form-group');
      if (group) {
        group.classList.toggle('has-error', !!shown);
      }
      if (problem) {
        missing.push(labelOf(form, control));
      }
    });
    summary.textContent = missing.length
      ? 'Чтобы отправить, заполните верно: ' + missing.join('; ') + '.'
      : '';
    summary.style.display = missing.length ? '' : 'none';
  }

  camForm.on('form-loaded', function () {
    form = camForm.formElement[0];
    form.querySelectorAll('[required], [data-required]').forEach(function (control) {
      var label = control.id ? form.querySelector('label[for="' + control.id + '"]') : null;
      if (label && !label.querySelector('.pf-required')) {
        var star = document.createElement('span');
        star.className = 'pf-required';
        star.setAttribute('title', 'Обязательное поле');
        star.textContent = ' *';
        star.style.color = '#b5152b';
        label.appendChild(star);
      }
    });
    var legend = document.createElement('p');
    legend.className = 'help-block pf-required-legend';
    legend.textContent = 'Поля со звездочкой (*) обязательны.';
    var firstGroup = form.querySelector('.form-group');
    form.insertBefore(legend, firstGroup && firstGroup.parentNode === form ? firstGroup : form.firstChild);
    summary = document.createElement('p');
    summary.className = 'text-danger pf-form-summary';
    form.appendChild(summary);
    ['blur', 'change', 'input'].forEach(function (type) {
      form.addEventListener(type, function (event) {
        if (event.target && event.target.name && (type !== 'input' || event.target.value)) {
          touched[event.target.name] = true;
        }
        update();
      }, true);
    });
    if ($scope) {
      $scope.$watch(function () {
        setTimeout(update, 0);
      });
    }
    update();
  });

  camForm.on('variables-applied', function () {
    setTimeout(update, 0);
  });

  camForm.on('submit', function () {
    showAll = true;
    update();
  });
};

/**
 * A date typed as дд.мм.гггг into a text field (field.input), sent as the ISO String variable field.variable
 * (2026-12-04). A task form that shows the date sent earlier sets field.prefill: the variable is fetched and shown.
 * field.notAfterToday refuses a date in the future. The server checks the date again.
 */
window.PartnerFlow.dateField = function (camForm, field) {
  var input = null;

  function parse(text) {
    var match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text || '');
    if (!match) {
      return null;
    }
    var day = parseInt(match[1], 10), month = parseInt(match[2], 10), year = parseInt(match[3], 10);
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return null;
    }
    return date;
  }

  function iso(date) {
    return date.toISOString().substring(0, 10);
  }

  function check() {
    var text = input.value;
    var date = parse(text);
    var problem = '';
    if (text.trim() && !date) {
      problem = 'Дата в виде дд.мм.гггг, например 04.12.2026.';
    } else if (date && field.notAfterToday) {
      var now = new Date();
      if (iso(date) > iso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())))) {
        problem = 'Дата не может быть позже сегодняшней.';
      }
    }
    input.setCustomValidity(problem);
    return date;
  }

  if (field.prefill) {
    camForm.variableManager.fetchVariable(field.variable);
  }

  camForm.on('form-loaded', function () {
    input = camForm.formElement[0].querySelector('input[name="' + field.input + '"]');
    input.addEventListener('input', check);
    input.addEventListener('blur', check);
  });

  camForm.on('variables-applied', function () {
    var variable = camForm.variableManager.variable(field.variable);
    var value = variable && variable.value;
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    if (match && !input.value) {
      input.value = match[3] + '.' + match[2] + '.' + match[1];
      check();
    }
  });

  camForm.on('submit', function () {
    var date = check();
    if (!date || input.validationMessage) {
      camForm.submitPrevented = true;
      return;
    }
    window.PartnerFlow.setVariable(camForm, field.variable, 'String', iso(date));
  });
};

/** «№ 42» and friends, escaped for a notification that carries a link. */
function escapeHtml(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

/**
 * A notice that stays 30 s (or until closed): a title, what happens next, and an optional link to the request's page.
 * Shown once the start dialog is gone: while it is open, its own message area takes every notice and closes with it.
 */
function notify(Notifications, notice) {
  var message = escapeHtml(notice.text);
  if (notice.link) {
    message += ' <a href="' + escapeHtml(notice.link.href) + '" target="_blank" rel="noopener">'
        + escapeHtml(notice.link.label) + '</a>';
  }
  var waited = 0;
  (function showWhenDialogIsClosed() {
    if (document.querySelector('.modal-dialog') && waited < 5000) {
      waited += 100;
      setTimeout(showWhenDialogIsClosed, 100);
      return;
    }
    Notifications.addMessage({ status: notice.title, message: message, unsafe: true, duration: 30000, type: 'success' });
  })();
}

/**
 * After the start form's instance is created: message(instance, variables) returns { title, text, link } for the
 * person, from the new instance (its businessKey is the request's id) and what the form sent. The engine answers
 * the start with the instance; Tasklist drops it, so this form keeps it on the way.
 */
window.PartnerFlow.onStarted = function (camForm, Notifications, message) {
  var submitVariables = camForm.submitVariables;
  camForm.submitVariables = function (done) {
    var sent = {};
    Object.keys(camForm.variableManager.variables).forEach(function (name) {
      sent[name] = camForm.variableManager.variables[name].value;
    });
    return submitVariables.call(camForm, function (error, instance) {
      if (!error && instance) {
        notify(Notifications, message(instance, sent));
      }
      if (done) {
        done(error, instance);
      }
    });
  };
};

/** After a task form is completed: message(variables) returns { title, text, link }, e.g. what happens to the request now. */
window.PartnerFlow.onCompleted = function (camForm, Notifications, message) {
  camForm.on('submit-success', function () {
    var sent = {};
    Object.keys(camForm.variableManager.variables).forEach(function (name) {
      sent[name] = camForm.variableManager.variables[name].value;
    });
    notify(Notifications, message(sent));
  });
};
