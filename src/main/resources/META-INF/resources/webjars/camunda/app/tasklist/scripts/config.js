/*
 * PartnerFlow's Tasklist configuration, served in place of Camunda's own (the same path in our classpath comes first).
 * It loads the shared script of the embedded forms and the one that makes Camunda Forms (form-js) Russian
 * (docs/adr/0039-camunda-forms-in-russian.md); Tasklist's keyboard shortcuts are Camunda's defaults.
 */
export default {
  customScripts: ['scripts/partnerflow-file-field', 'scripts/partnerflow-camunda-forms'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
