package com.partnerflow.system;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The error dispatch of an API request that asked for HTML ({@code Accept: text/html}): a JSON problem instead of
 * Spring Boot's «Whitelabel Error Page». Errors decided before any controller or Security handler runs end in
 * {@code sendError} and Spring Boot's {@code /error}, say a URL Spring Security's firewall rejects (a {@code ;} in
 * the path); {@code /error} answers HTML to a browser. An API answers JSON whatever it is asked for; the webapps'
 * error pages stay as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !isApi(path.substring(Math.min(request.getContextPath().length(), path.length())))) {
            return null;
        }
        return new ModelAndView(new ProblemView(status));
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/engine-rest/");
    }

    private record ProblemView(HttpStatus status) implements View {

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            ProblemDetail problem = ProblemType.forStatus(status, ApiExceptionHandler.detailOf(status));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(ProblemType.json(problem));
        }
    }
}
