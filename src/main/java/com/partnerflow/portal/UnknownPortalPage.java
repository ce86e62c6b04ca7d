package com.partnerflow.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * An address under {@code /portal} that no page answers is the portal's «Не найдено» page, not the API's JSON problem:
 * a person typed or kept a wrong link. The least specific mapping of the portal, so every real page wins; the
 * stylesheet's folder ({@code /portal/assets}) is left to the static files.
 */
@Controller
class UnknownPortalPage implements PortalPage {

    @GetMapping({"/portal/{section:(?!assets$).+}", "/portal/{section:(?!assets$).+}/**"})
    String show() {
        throw BusinessRuleViolation.notFound("Такой страницы в портале нет: проверьте адрес.");
    }
}
