package com.partnerflow.transfer;

/**
 * The partner the client's letter asks to be moved to, as the letter names it (seed 002: «просьба о переводе к
 * обслуживающей организации: название, код партнера (если известно)»). Checked against the submitting partner by
 * {@link TransferChecks}; vendor staff compare it with the submitter when they check the letter.
 *
 * @param code the partner's code, or null when the letter gives none
 */
record RequestedPartner(String name, String code) {

    /** «ООО «Бета», код BETA» or «ООО «Бета», код не указан»: the same words for the submitter, so they compare at a glance. */
    String label() {
        return label(name, code);
    }

    static String label(String name, String code) {
        return name + (code == null ? ", код не указан" : ", код " + code);
    }
}
