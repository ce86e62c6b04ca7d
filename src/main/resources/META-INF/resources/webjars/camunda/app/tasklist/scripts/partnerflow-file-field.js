/*
 * PartnerFlow: what Tasklist's embedded forms share, written once: the file field (a transfer's letter, an extension's
 * file) and setting a variable the form sends.
 * Tasklist imports this module at start (config.js, customScripts); a form's cam-script calls
 * PartnerFlow.fileField(camForm, $scope, field). The file is read in the browser and sent as a transient File
 * variable: the engine hands it to the process's listener and never stores it.
 *
 * field: input     the name of the form's <input type="file">
 *        variable  the name of the File variable
 *        maxBytes  the largest file accepted, checked before reading
 *        tooLarge  the message for a larger file
 *        reading   the message when the form is sent while the file is still being read
 *        missing   the message when no file was chosen, or null when the file may be left out
 *        mimeType  the type to send (default: the file's own)
 *        error, attached  the $scope keys the form shows: the problem, and «name (N КБ)» once read
 */
window.PartnerFlow = window.PartnerFlow || {};

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
