package com.partnerflow.system;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every failure of a {@code /api} request into a {@link ProblemDetail} with a Russian
 * {@code detail}; never a stack trace. A client's mistake stays a 4xx: Spring MVC's own request
 * errors ({@link ErrorResponse}: wrong method, media type, missing header, ...) keep their status,
 * and a body that cannot be read (broken JSON, a multipart body without a boundary) is a 400, not
 * the 500 of the catch-all, which is for our own failures. The problem is always JSON, also when the
 * endpoint produces something else (the CSV export, a file download).
 */
// no basePackages: a request refused before any controller is chosen (406, 415, 405 by the mapping) has no
// handler, and an advice with selectors would leave it to Spring Boot's /error, which renders HTML for text/html
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> onRuntimeException(RuntimeException exception) {
        if (exception instanceof ErrorResponse error) {
            return onErrorResponse(error, exception);
        }
        return ResponseEntity.of(classify(exception)).build();
    }

    /** The checked Spring MVC exceptions (most {@link ErrorResponse}s are {@link ServletException}s). */
    @ExceptionHandler(ServletException.class)
    ResponseEntity<ProblemDetail> onServletException(ServletException exception) {
        if (exception instanceof ErrorResponse error) {
            return onErrorResponse(error, exception);
        }
        return ResponseEntity.of(unexpected(exception)).build();
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MultipartException.class})
    ProblemDetail onUnreadableBody(Exception exception) {
        log.debug("Unreadable request body", exception);
        return problem(HttpStatus.BAD_REQUEST, "Неверный формат запроса." + unknownValue(exception));
    }

    /**
     * A value outside a documented list ({@code "status": "FROZEN"}) names its field and the values allowed, so an
     * integrator fixes it without reading the OpenAPI; anything else keeps the short answer (no parser internals).
     */
    private static String unknownValue(Exception exception) {
        if (exception.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum() && !invalid.getPath().isEmpty()) {
            // the innermost named field: for a list of values ("signatureRoles": [..., "OWNER"]) the list's name
            String field = invalid.getPath().stream().map(reference -> reference.getFieldName()).filter(Objects::nonNull)
                    .reduce((outer, inner) -> inner).orElse(null);
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return field == null ? "" : " Поле «" + field + "» принимает только значения: " + allowed + ".";
        }
        return "";
    }

    private ResponseEntity<ProblemDetail> onErrorResponse(ErrorResponse error, Exception exception) {
        HttpStatusCode status = error.getStatusCode();
        if (status.is5xxServerError()) {
            return ResponseEntity.of(unexpected(exception)).build();
        }
        allowJson();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailOf(status));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : null);
        // e.g. Allow for a 405, Accept for a 415
        return ResponseEntity.status(status).headers(error.getHeaders()).body(problem);
    }

    static String detailOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Неверный формат запроса.";
            case 404 -> "Ресурс не найден.";
            case 405 -> "Этот метод запроса не поддерживается по данному адресу.";
            case 406 -> "Запрошенный формат ответа не поддерживается.";
            case 413 -> "Запрос слишком большой.";
            case 415 -> "Неподдерживаемый формат содержимого запроса.";
            default -> "Запрос не может быть выполнен.";
        };
    }

    private ProblemDetail classify(RuntimeException exception) {
        BusinessRuleViolation violation = findCause(exception, BusinessRuleViolation.class);
        if (violation != null) {
            return problem(statusOf(violation.kind()), violation.getMessage());
        }
        if (exception instanceof BadParameter bad) {
            return problem(HttpStatus.BAD_REQUEST, bad.getMessage());
        }
        if (exception instanceof RequestRejectedException) {
            // the firewall checks parameter names lazily, e.g. a JSON body sent as a form
            return problem(HttpStatus.BAD_REQUEST, "Неверный формат запроса.");
        }
        if (findCause(exception, InvalidFileNameException.class) != null) {
            // a NUL in a file name, refused by Tomcat's multipart parser before the domain's own rule (Upload) could
            return problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Имя файла содержит недопустимые (управляющие или невидимые) символы: переименуйте файл и отправьте снова.");
        }
        if (exception instanceof ConstraintViolationException violations) {
            return problem(HttpStatus.BAD_REQUEST, violations.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        if (findCause(exception, AuthorizationException.class) != null) {
            return problem(HttpStatus.FORBIDDEN, "Недостаточно прав для этого действия.");
        }
        if (findCause(exception, OptimisticLockingException.class) != null
                || findCause(exception, OptimisticLockingFailureException.class) != null
                || findCause(exception, DataIntegrityViolationException.class) != null) {
            return problem(HttpStatus.CONFLICT,
                    "Запрос изменён другим пользователем одновременно с вами. Обновите данные и повторите.");
        }
        return unexpected(exception);
    }

    private static ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected failure of an API request", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервера. Повторите попытку позже.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail onInvalidBody(MethodArgumentNotValidException exception) {
        String detail = exception.getBindingResult().getFieldErrors().stream()
                // a value that cannot even be converted (text for an enum or a file) has a message full of class names
                .map(error -> error.getField() + ": " + (error.isBindingFailure() ? "неверное значение" : error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail onInvalidParameters(HandlerMethodValidationException exception) {
        String detail = exception.getAllErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ProblemDetail onMissingPart(Exception exception) {
        String name = exception instanceof MissingServletRequestPartException part
                ? part.getRequestPartName()
                : ((MissingServletRequestParameterException) exception).getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "Не заполнено обязательное поле: " + name + ".");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail onTypeMismatch(MethodArgumentTypeMismatchException exception) {
        return problem(HttpStatus.BAD_REQUEST, "Неверное значение параметра " + exception.getName() + ".");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail onTooLarge(MaxUploadSizeExceededException exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Header section")) {
                // Tomcat's limit on one part's headers (server.tomcat.max-part-header-size): a file name far too long
                return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Имя файла слишком длинное: сократите его и отправьте снова.");
            }
        }
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Файл слишком большой: письмо клиента — не более 10 МБ, файл доработки — не более 50 МБ.");
    }

    static HttpStatus statusOf(BusinessRuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        allowJson();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** Lets the problem be written as JSON by an endpoint that declares it produces CSV or a file. */
    private static void allowJson() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static <E extends Throwable> E findCause(Throwable exception, Class<E> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
