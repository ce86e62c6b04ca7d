/*
 * PartnerFlow: Camunda Forms (form-js 1.8, which Tasklist 7.24 bundles in lib/deps.js) as a Russian user needs them.
 * ADR 0039 says why a script: form-js writes its validation messages as English literals ("Field is required.",
 * "Field must match pattern ^(\d{10}|\d{12})$.") and has no i18n hook, and Tasklist creates the form itself, so the
 * one way in is form-js's own: a module (its dependency injection) added to every form Tasklist creates.
 * Tasklist imports this script at start (config.js, customScripts). The module
 *  - translates every message of form-js's Validator into Russian, beside the field as before; a pattern's message
 *    comes from the field itself, the custom property "patternMessage" of the .form (never the raw pattern);
 *  - drops the errors of a field the form hides (a reason required only for «Отклонить»): form-js keeps them, and
 *    Tasklist keeps «Завершить» disabled, with no message, until the page is reloaded; and the empty leftovers form-js
 *    keeps of a dynamic list's fixed errors ({kind: {}}), which Tasklist counts as errors too;
 *  - puts the few English words form-js renders itself into Russian: a select's «Select», a search's «Search», «No
 *    results», a dynamic list's «Add new», «Collapse», «Expand all (n)» and its rows' «Remove list item n»;
 * Should a Camunda upgrade move form-js, the script warns in the console and leaves the forms as form-js made them;
 * a browser test (ReportingTasklistBrowserIT.camundaFormsShowRussianMessagesBesideTheFieldAndMarkRequiredFields) then
 * fails on the English message.
 */
(function () {
  'use strict';

  /** The webpack module of @bpmn-io/form-js in Camunda 7.24.0's lib/deps.js. */
  var FORM_JS = 57661;
  var chunks = self.webpackChunkcamunda_bpm_webapp;
  var Form = null;
  if (chunks) {
    chunks.push([['partnerflow-camunda-forms'], {}, function (require) {
      try {
        Form = require(FORM_JS).Form;
      } catch (notThere) {
        Form = null;
      }
    }]);
  }
  if (!Form || typeof Form.prototype._getModules !== 'function') {
    console.warn('PartnerFlow: form-js not found in lib/deps.js; Camunda Forms show form-js\'s own (English) messages');
    return;
  }

  var CHOICES = ['radio', 'select', 'checklist', 'taglist'];

  function characters(n) {
    var lastTwo = n % 100, last = n % 10;
    if (lastTwo >= 11 && lastTwo <= 14) {
      return n + ' символов';
    }
    return n + (last === 1 ? ' символ' : last >= 2 && last <= 4 ? ' символа' : ' символов');
  }

  /** form-js's message (Validator of form-js 1.8) in Russian, for this field. */
  function russian(message, field) {
    var properties = (field && field.properties) || {};
    var match;
    if (message === 'Field is required.') {
      if (field && field.type === 'checkbox') {
        return 'Отметьте, чтобы продолжить.';
      }
      return field && CHOICES.indexOf(field.type) >= 0 ? 'Выберите вариант.' : 'Заполните поле.';
    }
    if (message.indexOf('Field must match pattern ') === 0) {
      return properties.patternMessage || 'Значение не в нужном формате.';
    }
    if ((match = /^Field must have minimum length of (\d+)\.$/.exec(message))) {
      return 'Не короче ' + characters(+match[1]) + '.';
    }
    if ((match = /^Field must have maximum length of (\d+)\.$/.exec(message))) {
      return 'Не длиннее ' + characters(+match[1]) + '.';
    }
    if ((match = /^Field must have minimum value of (.+)\.$/.exec(message))) {
      return 'Не меньше ' + match[1] + '.';
    }
    if ((match = /^Field must have maximum value of (.+)\.$/.exec(message))) {
      return 'Не больше ' + match[1] + '.';
    }
    if (message === 'Field must be a valid email.') {
      return 'Укажите адрес электронной почты, например ivan@example.ru.';
    }
    if (message.indexOf('Field must be a valid  international phone number.') === 0) {
      return 'Укажите телефон в международном формате, например +74951234567.';
    }
    if (message === 'Value is not a number.') {
      return 'Введите число.';
    }
    if (message === 'Value is expected to be an integer.') {
      return 'Введите целое число.';
    }
    if ((match = /^Value is expected to have at most (\d+) decimal digits?\.$/.exec(message))) {
      return 'Не больше ' + match[1] + ' знаков после запятой.';
    }
    if ((match = /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/.exec(message))) {
      return 'Недопустимое значение; ближайшие допустимые: ' + match[1] + ' и ' + match[2] + '.';
    }
    return message;
  }

  /** What form-js 1.8 writes into the page itself, by the element that shows it. */
  var TEXTS = [
    { within: '.fjs-select-display', english: /^Select$/, russian: 'Выберите…' },
    { within: '.fjs-dropdownlist-empty', english: /^No results$/, russian: 'Ничего не найдено' },
    { within: '.fjs-dropdownlist-empty', english: /^All values selected$/, russian: 'Выбраны все значения' },
    { within: '.fjs-repeat-render-add', english: /^Add new$/, russian: 'Добавить' },
    { within: '.fjs-repeat-render-collapse', english: /^Collapse$/, russian: 'Свернуть' },
    { within: '.fjs-repeat-render-collapse', english: /^Expand all \((\d+)\)$/, russian: 'Развернуть все ($1)' }
  ];
  var ATTRIBUTES = [
    { name: 'placeholder', english: /^Search$/, russian: 'Поиск' },
    { name: 'aria-label', english: /^Remove list item (\d+)$/, russian: 'Удалить строку $1' }
  ];

  function translatePage(container) {
    TEXTS.forEach(function (text) {
      container.querySelectorAll(text.within).forEach(function (element) {
        element.childNodes.forEach(function (node) {
          if (node.nodeType === Node.TEXT_NODE && text.english.test(node.data)) {
            node.data = node.data.replace(text.english, text.russian);
          }
        });
      });
    });
    ATTRIBUTES.forEach(function (attribute) {
      container.querySelectorAll('[' + attribute.name + ']').forEach(function (element) {
        var value = element.getAttribute(attribute.name);
        if (attribute.english.test(value)) {
          element.setAttribute(attribute.name, value.replace(attribute.english, attribute.russian));
        }
      });
    });
  }

  function PartnerflowCamundaForms(validator, formFieldRegistry, formFieldInstanceRegistry, eventBus, form) {
    // form-js renders with Preact, which rewrites a text only when its own copy changes: translate after each change
    var container = form._container;
    if (container && window.MutationObserver) {
      var observer = new MutationObserver(function () {
        translatePage(container);
      });
      observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true,
        attributeFilter: ['placeholder', 'aria-label'] });
      eventBus.on('form.destroy', function () {
        observer.disconnect();
      });
    }

    var validateField = validator.validateField.bind(validator);
    var validateFieldInstance = validator.validateFieldInstance.bind(validator);

    validator.validateField = function (field, value) {
      return validateField(field, value).map(function (message) {
        return russian(message, field);
      });
    };
    validator.validateFieldInstance = function (instance, value) {
      var field = formFieldRegistry.get(instance.id);
      return validateFieldInstance(instance, value).map(function (message) {
        return russian(message, field);
      });
    };

    // before Tasklist (priority 1000) counts the errors to enable «Завершить»
    eventBus.on('changed', 2000, function (state) {
      pruneEmpty(state.errors || {});
    });

    // a hidden field is no longer rendered: its instance goes, and so must its errors. A field that renders anew
    // also leaves and re-enters the registry, so look once the render is over
    var pending = false;
    eventBus.on('formFieldInstanceRegistry.changed', function (event) {
      if (event.action === 'removed' && !pending) {
        pending = true;
        setTimeout(function () {
          pending = false;
          dropErrorsOfHiddenFields(form, formFieldInstanceRegistry);
        }, 0);
      }
    });
  }

  /** Removes, in place, the entries that hold no message: undefined, or objects (rows of a list) left empty. */
  function pruneEmpty(errors) {
    Object.keys(errors).forEach(function (key) {
      var value = errors[key];
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        pruneEmpty(value);
        if (!Object.keys(value).length) {
          delete errors[key];
        }
      } else if (value === undefined || value === null || (Array.isArray(value) && !value.length)) {
        delete errors[key];
      }
    });
  }

  function dropErrorsOfHiddenFields(form, formFieldInstanceRegistry) {
    var errors = form._getState().errors || {};
    var shown = {};
    formFieldInstanceRegistry.getAll().forEach(function (instance) {
      shown[instance.id] = true;
    });
    var kept = {};
    var dropped = false;
    Object.keys(errors).forEach(function (fieldId) {
      if (shown[fieldId]) {
        kept[fieldId] = errors[fieldId];
      } else {
        dropped = true;
      }
    });
    if (dropped) {
      form._setState({ errors: kept });
    }
  }
  PartnerflowCamundaForms.$inject = ['validator', 'formFieldRegistry', 'formFieldInstanceRegistry', 'eventBus', 'form'];

  var partnerflowModule = {
    __init__: ['partnerflowCamundaForms'],
    partnerflowCamundaForms: ['type', PartnerflowCamundaForms]
  };

  var modules = Form.prototype._getModules;
  Form.prototype._getModules = function () {
    return modules.call(this).concat([partnerflowModule]);
  };
})();
