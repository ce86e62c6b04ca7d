/*
 * The language of PartnerFlow's Camunda webapps, imported by the scripts/config.js of Tasklist, Welcome, Cockpit and
 * Admin (see docs/operations.md, "Languages of the webapps").
 *
 * Camunda picks the first of the browser's languages that config.js lists in availableLocales, else fallbackLocale.
 * Our users are Russian-speaking whatever their browser says, so each webapp lists one language: Russian, unless
 * this browser asked for Camunda's English with ?lang=en on a webapp address (…/camunda/app/tasklist/default/?lang=en);
 * ?lang=ru goes back. The choice is kept in the browser's localStorage, for every webapp of this server.
 */
const LANGUAGES = ['ru', 'en'];
const DEFAULT_LANGUAGE = 'ru';
const STORAGE_KEY = 'partnerflow-language';

function chosenLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  try {
    if (LANGUAGES.includes(asked)) {
      window.localStorage.setItem(STORAGE_KEY, asked);
      return asked;
    }
    const kept = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(kept) ? kept : DEFAULT_LANGUAGE;
  } catch (storageDenied) {
    return LANGUAGES.includes(asked) ? asked : DEFAULT_LANGUAGE;
  }
}

/** 'ru' or 'en', e.g. for the webapp's name in config.js. */
export const language = chosenLanguage();
document.documentElement.lang = language;

export const locales = {
  availableLocales: [language],
  fallbackLocale: language
};
