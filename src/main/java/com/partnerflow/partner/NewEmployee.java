package com.partnerflow.partner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * A new employee as a partner's administrator enters them: the login, the name, the e-mail the invitation goes to.
 * Never a group: an employee joins {@code partners} and the administrator's own {@code partner-<CODE>}, nothing else.
 */
@Schema(name = "NewEmployee")
public record NewEmployee(
        @Schema(description = "Имя пользователя для входа: латинские строчные буквы и цифры, с буквы, 2–32 символа",
                example = "alexey", requiredMode = Schema.RequiredMode.REQUIRED) String userId,
        @Schema(description = "Имя", example = "Алексей", maxLength = NewEmployee.MAX_NAME,
                requiredMode = Schema.RequiredMode.REQUIRED) String firstName,
        @Schema(description = "Фамилия", example = "Смирнов", maxLength = NewEmployee.MAX_NAME,
                requiredMode = Schema.RequiredMode.REQUIRED) String lastName,
        @Schema(description = "Адрес, на который уйдет приглашение задать пароль", example = "alexey@alfa-soft.example",
                maxLength = NewEmployee.MAX_EMAIL, requiredMode = Schema.RequiredMode.REQUIRED) String email) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern USER_ID = Pattern.compile("[a-z][a-z0-9]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Addresses of the portal's team pages; a login of that name would have no page of its own. */
    static final Set<String> RESERVED = Set.of("new", "tokens", "webhooks", "admin");

    /** The employee with every field stripped, or a refusal naming each field's problem at once (422). */
    NewEmployee checked() {
        Map<String, String> problems = new LinkedHashMap<>();
        String login = userId == null ? "" : userId.strip();
        if (login.isEmpty()) {
            problems.put("userId", "укажите имя пользователя");
        } else if (!USER_ID.matcher(login).matches()) {
            problems.put("userId", "имя пользователя — латинские строчные буквы и цифры, с буквы, от 2 до 32 символов"
                    + (USER_ID.matcher(login.toLowerCase(Locale.ROOT)).matches() ? " (без заглавных)" : ""));
        }
        String first = name(firstName, "firstName", "имя", problems);
        String last = name(lastName, "lastName", "фамилию", problems);
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            problems.put("email", "укажите адрес электронной почты: на него уйдет приглашение");
        } else if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
            problems.put("email", "адрес электронной почты вида имя@домен.ru, не длиннее " + MAX_EMAIL + " символов");
        }
        if (!problems.isEmpty()) {
            throw new InvalidForm(BusinessRuleViolation.Kind.INVALID, "Сотрудник не добавлен", problems);
        }
        return new NewEmployee(login, first, last, address);
    }

    private static String name(String value, String field, String what, Map<String, String> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.put(field, "укажите " + what);
        } else if (text.length() > MAX_NAME || CONTROL.matcher(text).find()) {
            problems.put(field, "поле «" + (field.equals("firstName") ? "Имя" : "Фамилия") + "» — не длиннее " + MAX_NAME
                    + " символов, без управляющих символов");
        }
        return text;
    }
}
