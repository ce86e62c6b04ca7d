/*
 * PartnerFlow's Tasklist configuration, served in place of Camunda's own (the same path in our classpath comes first).
 * It loads the shared script of the embedded forms, the Russian calendar, the script that hides what a person cannot
 * use and the one that makes Camunda Forms (form-js) Russian (docs/adr/0039-camunda-forms-in-russian.md); Tasklist's
 * keyboard shortcuts are Camunda's defaults.
 */
// Russian (locales/ru.json) unless this browser asked for English: ../../partnerflow-locales.js
import {language, locales} from '../../partnerflow-locales.js';

export default {
  customScripts: ['scripts/partnerflow-file-field', '../partnerflow-calendar', 'scripts/partnerflow-roles',
    'scripts/partnerflow-camunda-forms'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'взять в работу выбранную задачу'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'перейти к первому фильтру'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'перейти к первой задаче списка'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'перейти к первому полю формы задачи'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'открыть окно запуска процесса'
    }
  },

  locales,
  // the header and the login page show these: «PartnerFlow · Задачи», not «Camunda Tasklist»
  app: {vendor: 'PartnerFlow ·', name: language === 'en' ? 'Tasklist' : 'Задачи'}
};
