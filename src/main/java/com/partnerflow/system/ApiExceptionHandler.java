package com.partnerflow.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import com.partnerflow.system.ProblemType.InvalidField;

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
        if (exception.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !(mismatch instanceof UnrecognizedPropertyException)) {
            InvalidField field = JsonFields.mismatch(mismatch);
            if (field != null) {
                return problem(ProblemType.INVALID_INPUT, "Неверный формат запроса. " + JsonFields.sentence(mismatch, field),
                        List.of(field));
            }
        }
        return problem(ProblemType.MALFORMED_REQUEST, "Неверный формат запроса.");
    }

    private ResponseEntity<ProblemDetail> onErrorResponse(ErrorResponse error, Exception exception) {
        HttpStatusCode status = error.getStatusCode();
        if (status.is5xxServerError()) {
            return ResponseEntity.of(unexpected(exception)).build();
        }
        allowJson();
        ProblemDetail problem = ProblemType.forStatus(status, detailOf(status));
        if (exception instanceof MissingRequestHeaderException missing) {
            problem.setType(ProblemType.INVALID_INPUT.uri());
            problem.setProperty("errors", List.of(new InvalidField(missing.getHeaderName(), "обязательный заголовок")));
        }
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
            return problem(typeOf(violation.kind()), violation.getMessage());
        }
        if (exception instanceof BadParameter bad) {
            return problem(ProblemType.INVALID_INPUT, bad.getMessage(), List.of(new InvalidField(bad.parameter(), bad.getMessage())));
        }
        if (exception instanceof RequestRejectedException) {
            // the firewall checks parameter names lazily, e.g. a JSON body sent as a form
            return problem(ProblemType.MALFORMED_REQUEST, "Неверный формат запроса.");
        }
        if (findCause(exception, InvalidFileNameException.class) != null) {
            // a NUL in a file name, refused by Tomcat's multipart parser before the domain's own rule (Upload) could
            return problem(ProblemType.BUSINESS_RULE,
                    "Имя файла содержит недопустимые (управляющие или невидимые) символы: переименуйте файл и отправьте снова.");
        }
        if (exception instanceof ConstraintViolationException violations) {
            List<InvalidField> fields = violations.getConstraintViolations().stream()
                    .map(each -> field(lastNode(each), each.getMessage()))
                    .sorted(Comparator.comparing(InvalidField::field)).toList();
            return problem(ProblemType.INVALID_INPUT, violations.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; ")), fields);
        }
        if (findCause(exception, AuthorizationException.class) != null) {
            return problem(ProblemType.FORBIDDEN, "Недостаточно прав для этого действия.");
        }
        if (findCause(exception, OptimisticLockingException.class) != null
                || findCause(exception, OptimisticLockingFailureException.class) != null
                || findCause(exception, DataIntegrityViolationException.class) != null) {
            return problem(ProblemType.CONFLICT,
                    "Запрос изменён другим пользователем одновременно с вами. Обновите данные и повторите.");
        }
        if (findCause(exception, PessimisticLockingFailureException.class) != null) {
            // a row another transaction held longer than the database waits (H2: LOCK_TIMEOUT)
            return problem(ProblemType.CONFLICT,
                    "Эти данные сейчас меняет другой запрос. Повторите через несколько секунд.");
        }
        return unexpected(exception);
    }

    private static ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected failure of an API request", exception);
        return problem(ProblemType.INTERNAL, "Внутренняя ошибка сервера. Повторите попытку позже.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail onInvalidBody(MethodArgumentNotValidException exception) {
        List<InvalidField> fields = exception.getBindingResult().getFieldErrors().stream()
                // a value that cannot even be converted (text for an enum or a file) has a message full of class names
                .map(error -> field(error.getField(), error.isBindingFailure() ? "неверное значение" : error.getDefaultMessage()))
                .toList();
        String detail = fields.stream().map(field -> field.field() + ": " + field.message()).collect(Collectors.joining("; "));
        return problem(ProblemType.INVALID_INPUT, detail, fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail onInvalidParameters(HandlerMethodValidationException exception) {
        String detail = exception.getAllErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        List<InvalidField> fields = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error -> fields.add(field(error.getField(), error.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(error -> fields.add(field(parameterName(result.getMethodParameter()),
                        error.getDefaultMessage())));
            }
        }
        return problem(ProblemType.INVALID_INPUT, detail, fields);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ProblemDetail onMissingPart(Exception exception) {
        String name = exception instanceof MissingServletRequestPartException part
                ? part.getRequestPartName()
                : ((MissingServletRequestParameterException) exception).getParameterName();
        return problem(ProblemType.INVALID_INPUT, "Не заполнено обязательное поле: " + name + ".",
                List.of(new InvalidField(name, "обязательное поле")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail onTypeMismatch(MethodArgumentTypeMismatchException exception) {
        return problem(ProblemType.INVALID_INPUT, "Неверное значение параметра " + exception.getName() + ".",
                List.of(new InvalidField(exception.getName(), "неверное значение")));
    }

    /** The field and its message, without the field's name the message may start with ({@code "page: номер ..."}). */
    private static InvalidField field(String name, String message) {
        String text = message == null ? "неверное значение" : message;
        return new InvalidField(name, text.startsWith(name + ": ") ? text.substring(name.length() + 2) : text);
    }

    /** A query or path parameter as the request names it, not as the Java method does. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    /** {@code list.page} of a method parameter's violation: {@code page}. */
    private static String lastNode(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail onTooLarge(MaxUploadSizeExceededException exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Header section")) {
                // Tomcat's limit on one part's headers (server.tomcat.max-part-header-size): a file name far too long
                return problem(ProblemType.BUSINESS_RULE, "Имя файла слишком длинное: сократите его и отправьте снова.");
            }
        }
        return problem(ProblemType.TOO_LARGE, "Файл слишком большой: письмо клиента — не более 10 МБ, файл доработки — не более 50 МБ.");
    }

    static HttpStatus statusOf(BusinessRuleViolation.Kind kind) {
        return typeOf(kind).status();
    }

    static ProblemType typeOf(BusinessRuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> ProblemType.BUSINESS_RULE;
            case CONFLICT -> ProblemType.CONFLICT;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
        };
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        return problem(type, detail, List.of());
    }

    private static ProblemDetail problem(ProblemType type, String detail, List<InvalidField> fields) {
        allowJson();
        return type.problem(detail, fields);
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
