/*
 * Russian calendars in PartnerFlow's Camunda webapps: a custom script (config.js, customScripts) of each webapp.
 * The webapps format dates with moment, which locales/ru.json (dateLocales) makes Russian; but their date pickers
 * («Напомнить», «Задать срок») are AngularJS UI Bootstrap ones, which take month and weekday names and the first day
 * of the week from AngularJS's $locale, built in as en-us. When the webapp speaks Russian (partnerflow-locales.js),
 * this gives $locale Russian names and Monday first, and the day view's title the nominative month («декабрь 2026»).
 */
import {language} from './partnerflow-locales.js';

const RUSSIAN = {
  MONTH: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября',
    'ноября', 'декабря'],
  STANDALONEMONTH: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь',
    'ноябрь', 'декабрь'],
  SHORTMONTH: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  DAY: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
  SHORTDAY: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  FIRSTDAYOFWEEK: 0, // AngularJS counts from Monday = 0
  WEEKENDRANGE: [5, 6],
  AMPMS: ['AM', 'PM'],
  medium: 'd MMM y г. H:mm:ss',
  short: 'dd.MM.y H:mm',
  fullDate: 'EEEE, d MMMM y г.',
  longDate: 'd MMMM y г.',
  mediumDate: 'd MMM y г.',
  shortDate: 'dd.MM.y',
  mediumTime: 'H:mm:ss',
  shortTime: 'H:mm'
};

const angular = window.angular;
if (language === 'ru' && angular) {
  angular.module('ngLocale')
    .config(['$provide', $provide => $provide.decorator('$locale', ['$delegate', $locale => {
      Object.assign($locale.DATETIME_FORMATS, RUSSIAN);
      $locale.id = 'ru-ru';
      return $locale;
    }])])
    .run(['$injector', $injector => {
      if ($injector.has('uibDatepickerConfig')) {
        $injector.get('uibDatepickerConfig').formatDayTitle = 'LLLL yyyy';
        $injector.get('uibDatepickerConfig').formatMonth = 'LLLL';
      }
    }]);
}
