package com.partnerflow.partner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.partnerflow.security.DemoUsers;

/**
 * The partners' profiles in the demo (profile {@code demo}): ALFA, BETA and GAMMA get a phone and a website, as the
 * vendor keeps them, and BETA's {@code boris} asks to change BETA's phone and website, waiting for {@code vera}. Through
 * the process, as the users would do it; only once, and only with the demo partners.
 */
@Component
@Profile("demo")
class ProfileChangeDemoData {

    private static final Logger log = LoggerFactory.getLogger(ProfileChangeDemoData.class);

    private final ProfileChanges changes;
    private final PartnerService partners;
    private final ProfileChangeCommands commands;
    private final DemoUsers users;

    ProfileChangeDemoData(ProfileChanges changes, PartnerService partners, ProfileChangeCommands commands, DemoUsers users) {
        this.changes = changes;
        this.partners = partners;
        this.commands = commands;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(55)
    public void seed() {
        if (changes.count() > 0 || !users.exists("boris") || !users.exists("vera")
                || partners.findByCode("ALFA").isEmpty() || partners.findByCode("BETA").isEmpty() || partners.findByCode("GAMMA").isEmpty()) {
            return;
        }
        contacts("ALFA", "+7 495 123-45-67", "https://alfa-soft.example");
        contacts("BETA", "+7 812 555-01-02", "https://beta-consult.example");
        contacts("GAMMA", "+7 343 200-30-40", null);
        long id = users.as("boris", () -> commands.request(new ProposeProfileChange(null, null, "+7 812 555-77-00",
                "https://beta.example", "Переехали в новый офис, сменился телефон; сайт теперь на новом домене.")));
        log.info("Profile demo data seeded: contacts of ALFA, BETA, GAMMA; BETA's request {} to change its details waits for vera", id);
    }

    private void contacts(String code, String phone, String website) {
        PartnerDetails now = partners.byCode(code).details();
        partners.changeDetails(code, new PartnerDetails(now.name(), now.email(), phone, website));
    }
}
