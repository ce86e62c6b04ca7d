package com.partnerflow.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document of {@code /api} ({@code /v3/api-docs}, committed as {@code docs/openapi.json}, ADR 0045): what it
 * is, how to log in, and the conventions every operation follows, applied here once rather than on each method:
 * <ul>
 *   <li>the {@code operationId} is the controller's name and the method's ({@code transferSubmit});</li>
 *   <li>a {@code POST} whose method returns {@code ResponseEntity<View>} creates: 201 with {@code Location}
 *       ({@code ResponseEntity.created(uri)}); a method returning {@code ResponseEntity<Void>} answers 204;</li>
 *   <li>every 4xx an operation can answer, as {@code application/problem+json} with the {@code Problem} schema;</li>
 *   <li>HTTP Basic or a Bearer token on every operation, but those that declare {@code @SecurityRequirements} empty
 *       (the public catalogue).</li>
 * </ul>
 * The tests validate every {@code /api} answer they receive against this document, so it cannot drift from the code.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI partnerflowOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("PartnerFlow API")
                        .version(properties != null ? properties.getVersion() : "dev")
                        .description(DESCRIPTION))
                .servers(List.of(new Server().url("http://localhost:8080").description("демо: ./mvnw spring-boot:run")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Пользователь Camunda и его пароль (демо-пользователи: пароль = имя)."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("API-токен партнёра для интеграций (Authorization: Bearer …); неверный токен "
                                        + "никогда не блокирует вход человека."))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas("InvalidField", invalidFieldSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * One tag a name: two controllers of one tag («Партнеры») with their own descriptions would list it twice, which
     * OpenAPI forbids (client generators refuse the document).
     */
    @Bean
    OpenApiCustomizer uniqueTags() {
        return openApi -> {
            if (openApi.getTags() == null) {
                return;
            }
            Map<String, Tag> byName = new TreeMap<>();
            for (Tag tag : openApi.getTags()) {
                byName.merge(tag.getName(), tag, (first, second) -> first.description(Stream.of(first.getDescription(),
                        second.getDescription()).filter(Objects::nonNull).distinct().sorted().collect(Collectors.joining("; "))));
            }
            openApi.setTags(new ArrayList<>(byName.values()));
        };
    }

    @Bean
    OperationCustomizer partnerflowConventions() {
        return (operation, handler) -> {
            conventions(operation, handler);
            return operation;
        };
    }

    private static void conventions(Operation operation, HandlerMethod handler) {
        // stable and readable in a generated client (transferSubmit, catalogueList), whatever other controllers exist
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                + Character.toUpperCase(handler.getMethod().getName().charAt(0)) + handler.getMethod().getName().substring(1));
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.get("200");
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        boolean entity = ResponseEntity.class.isAssignableFrom(returned.toClass());
        boolean empty = entity && Void.class.equals(returned.getGeneric(0).toClass());
        boolean reads = handler.hasMethodAnnotation(GetMapping.class);
        if (ok != null && entity && !empty && handler.hasMethodAnnotation(PostMapping.class)) {
            responses.remove("200");
            responses.addApiResponse("201", ok.description("Создано; Location — адрес созданного")
                    .addHeaderObject("Location", new Header().required(true).description("Адрес созданного ресурса")
                            .schema(new StringSchema().format("uri-reference"))));
        }
        if (ok != null && empty) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Выполнено, без тела ответа"));
        }
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean multipart = body && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(MediaType.MULTIPART_FORM_DATA_VALUE);
        Map<String, String> problems = new LinkedHashMap<>();
        if (parameters) {
            problems.put("400", "Запрос не прочитан (malformed-request) или значение не подходит (invalid-input, поля в errors)");
        }
        if (secured) {
            problems.put("401", "Нет входа или неверные учётные данные (unauthenticated)");
            problems.put("403", "Недостаточно прав (forbidden)");
        }
        // a path names the resource; a body may name others (a subscriber, an employee, a version) that are not there or not
        // visible to the caller, which reads alike
        if (body || operation.getParameters() != null && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            problems.put("404", "Не найдено или не видно вызывающему (not-found)");
        }
        problems.put("406", "Запрошенный формат ответа не поддерживается (not-acceptable)");
        if (!reads) {
            problems.put("409", "Состояние не позволяет или запрос изменён одновременно (conflict)");
        }
        if (multipart) {
            problems.put("413", "Запрос больше предела сервера (too-large)");
        }
        if (body) {
            problems.put("415", "Неподдерживаемый формат тела запроса (unsupported-media-type)");
        }
        if (!reads) {
            problems.put("422", "Не пройдена проверка бизнес-правил (business-rule); detail перечисляет все проблемы");
        }
        problems.forEach((status, description) -> responses.computeIfAbsent(status, missing -> new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(PROBLEM_REF))))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem: type — вид ошибки, detail — по-русски для человека")
                .addRequiredItem("type").addRequiredItem("title").addRequiredItem("status").addRequiredItem("detail")
                .addProperty("type", new StringSchema().format("uri").example("urn:partnerflow:problem:invalid-input")
                        .description("Вид ошибки, стабильный URI (ADR 0045): " + java.util.Arrays.stream(ProblemType.values())
                                .map(type -> type.uri().toString()).collect(Collectors.joining(", "))
                                + "; новые виды могут добавиться"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", new StringSchema().example("Неверное значение параметра category."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/catalogue"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/InvalidField"))
                        .description("Поля, к которым относится ошибка, где они известны"));
    }

    private static Schema<?> invalidFieldSchema() {
        return new ObjectSchema().addRequiredItem("field").addRequiredItem("message")
                .addProperty("field", new StringSchema().example("users[1].email")
                        .description("Свойство JSON (путь), параметр запроса, часть multipart или заголовок"))
                .addProperty("message", new StringSchema().example("ожидается строка"));
    }

    private static final String DESCRIPTION = """
            PartnerFlow — the approval back office of a software vendor's partner program. Partners' CRMs submit and \
            follow requests here (transfers, reporting applications, extensions, configurations, …); every request runs \
            as a BPMN process, and Tasklist and this API go through the same checks.

            **Authentication.** HTTP Basic with a Camunda user, or `Authorization: Bearer <token>` with an API token \
            of the partner. Every operation needs one, except the public catalogue (`/api/catalogue`).

            **Lists** answer one page shape, `{content, page, size, totalElements, totalPages}`, and take \
            `?page=0&size=20&sort=-updated` (`page` from 0, `size` 1–100, `sort` one of the keys the list names, \
            `-` for descending); filters are plain query parameters (enums as their names, dates ISO-8601).

            **Errors** are `application/problem+json` (RFC 9457): `type` is a stable URI per kind of error \
            (`urn:partnerflow:problem:malformed-request`, `invalid-input`, `unauthenticated`, `forbidden`, `not-found`, \
            `not-acceptable`, `conflict`, `too-large`, `unsupported-media-type`, `business-rule`, `internal`), \
            `detail` says it in Russian for a person, and `errors` (`[{field, message}]`) names the fields where they are \
            known. A business check failing is a 422 whose `detail` lists every problem at once.

            **Creates** answer 201 with `Location`; an operation without a body answers 204.

            **Idempotency.** Every `POST` takes an `Idempotency-Key` header: the same caller repeating a request with the \
            same key within 24 hours gets the first answer again (`Idempotent-Replayed: true`), nothing is done twice.

            The document is also in the repository as `docs/openapi.json`; see `docs/api.md`.""";
}
