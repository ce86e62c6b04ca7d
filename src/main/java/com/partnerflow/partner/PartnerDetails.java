package com.partnerflow.partner;

/**
 * A partner's details that only vendor staff change (seed 002: «Партнер не может сам изменить свои реквизиты, указанные
 * в сервисе: наименование, телефон, сайт, адрес электронной почты»): the name, the mailbox the partner's notifications
 * go to, the phone and the website (the last two may be empty).
 */
public record PartnerDetails(String name, String email, String phone, String website) {
}
