package com.partnerflow.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A request page's refusal as a page, not the API's JSON: «Запрос не найден» for a request the reader may not see, with
 * the same status the API answers.
 */
@ControllerAdvice(assignableTypes = RequestPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestPageErrors {

    @ExceptionHandler(BusinessRuleViolation.class)
    String refused(BusinessRuleViolation violation, Model model, HttpServletResponse response) {
        return page(ApiExceptionHandler.statusOf(violation.kind()), violation.getMessage(), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Такого запроса нет: проверьте ссылку.", model, response);
    }

    private static String page(HttpStatus status, String reason, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("reason", reason);
        return RequestPage.ERROR_VIEW;
    }
}
