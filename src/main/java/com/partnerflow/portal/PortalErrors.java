package com.partnerflow.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A portal page's refusal is a page of the portal, in its frame, with the status the API answers for the same refusal:
 * «не найден» for what belongs to another partner, whatever id was typed into the address.
 */
@ControllerAdvice(assignableTypes = PortalPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private final PortalModel frame;

    PortalErrors(PortalModel frame) {
        this.frame = frame;
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    String refused(BusinessRuleViolation violation, Model model, HttpServletResponse response) {
        return page(violation.status(), violation.getMessage(), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Такой страницы нет: проверьте ссылку.", model, response);
    }

    private String page(HttpStatus status, String reason, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("portal", frame.portal());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", reason);
        return PortalPage.ERROR_VIEW;
    }
}
