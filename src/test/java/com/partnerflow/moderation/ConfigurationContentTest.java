package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerflow.moderation.ConfigurationFixtures.Draft;
import com.partnerflow.system.BusinessRuleViolation;

/** {@link ConfigurationContent}: what a partner may save, what moderation still needs, and what changed. */
class ConfigurationContentTest {

    // ---- accepted drafts

    @Test
    void aCompleteDraftIsAcceptedAndReadyForModeration() {
        ConfigurationContent content = completeDraft().content();

        assertThat(content.getTitle()).isEqualTo(TITLE);
        assertThat(content.getCategory()).isEqualTo(Category.SALES);
        assertThat(content.getIndustry()).isEqualTo(Industry.RETAIL);
        assertThat(content.getLinks()).containsExactly(LINK);
        assertThat(content.isFree()).isFalse();
        assertThat(content.getPrice()).isEqualByComparingTo("1500");
        assertThat(content.priceLabel()).isEqualTo("1500.00 ₽");
        assertThat(content.getSupportContact()).isEqualTo("support@alfa.example.ru");
        assertThat(content.getEntities()).containsExactly(new ConfigurationEntity(EntityKind.PROCESS, "Обработка заявок"),
                new ConfigurationEntity(EntityKind.DIRECTORY, "Клиенты"));
        assertThat(content.missingForPublication()).isEmpty();
    }

    @Test
    void anEmptyDraftIsAcceptedWhileThePartnerPreparesTheConfiguration() {
        ConfigurationContent content = emptyDraft().content();

        assertThat(content.getTitle()).isNull();
        assertThat(content.getCategory()).isNull();
        assertThat(content.getLinks()).isEmpty();
        assertThat(content.getEntities()).isEmpty();
        assertThat(content.priceLabel()).isNull();
    }

    @Test
    void aPartialDraftKeepsWhatWasFilledIn() {
        ConfigurationContent content = emptyDraft().title("  Склад  ").shortDescription("   ")
                .entities(entity("REPORT", "Остатки")).content();

        assertThat(content.getTitle()).as("stripped").isEqualTo("Склад");
        assertThat(content.getShortDescription()).as("blank is not filled in").isNull();
        assertThat(content.getEntities()).containsExactly(new ConfigurationEntity(EntityKind.REPORT, "Остатки"));
    }

    @Test
    void textsUpToTheirLimitsAreAccepted() {
        ConfigurationContent content = completeDraft().title("Т".repeat(100)).shortDescription("К".repeat(300))
                .fullDescription("П".repeat(5000)).supportContact("с".repeat(200)).content();

        assertThat(content.getTitle()).hasSize(100);
        assertThat(content.getShortDescription()).hasSize(300);
        assertThat(content.getFullDescription()).hasSize(5000);
        assertThat(content.getSupportContact()).hasSize(200);
    }

    @Test
    void choicesAreAcceptedByNameInAnyCaseAndByTheirRussianLabels() {
        assertThat(completeDraft().category("sales").content().getCategory()).isEqualTo(Category.SALES);
        assertThat(completeDraft().category("Продажи и CRM").content().getCategory()).isEqualTo(Category.SALES);
        assertThat(completeDraft().category("финансы и учет").content().getCategory()).isEqualTo(Category.FINANCE);
        assertThat(completeDraft().industry("real_estate").content().getIndustry()).isEqualTo(Industry.REAL_ESTATE);
        assertThat(completeDraft().industry("Торговля").content().getIndustry()).isEqualTo(Industry.RETAIL);
        assertThat(completeDraft().entities(entity("directory", "Клиенты"), entity("Процесс", "Заявки"), entity("ОТЧЕТ", "Воронка"))
                .content().getEntities()).extracting(ConfigurationEntity::kind)
                .containsExactly(EntityKind.DIRECTORY, EntityKind.PROCESS, EntityKind.REPORT);
    }

    @Test
    void scriptTagsAreKeptVerbatimAsText() {
        String script = "<script>alert(1)</script>";

        ConfigurationContent content = completeDraft().title(script).fullDescription("Описание " + script)
                .entities(entity("PROCESS", script)).content();

        assertThat(content.getTitle()).isEqualTo(script);
        assertThat(content.getFullDescription()).isEqualTo("Описание " + script);
        assertThat(content.getEntities()).singleElement().extracting(ConfigurationEntity::name).isEqualTo(script);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://alfa.example.ru", "https://alfa.example.ru/screen.png?size=big", "HTTPS://Alfa.Example.ru/x"})
    void httpAndHttpsAddressesAreAcceptedAsLinks(String link) {
        assertThat(completeDraft().links(link).content().getLinks()).containsExactly(link);
    }

    @Test
    void tenLinksOfFiveHundredCharactersAreAccepted() {
        List<String> links = IntStream.rangeClosed(1, 10).mapToObj(ConfigurationContentTest::longLink).toList();

        assertThat(completeDraft().links(links).content().getLinks()).hasSize(10).allSatisfy(link -> assertThat(link).hasSize(500));
    }

    @Test
    void pricesUpToTenMillionWithKopecksAreAccepted() {
        assertThat(completeDraft().price("0.01").content().getPrice()).isEqualByComparingTo("0.01");
        assertThat(completeDraft().price("1500.50").content().getPrice()).isEqualByComparingTo("1500.50");
        assertThat(completeDraft().price("1500.500").content().getPrice()).as("trailing zeros").isEqualByComparingTo("1500.5");
        assertThat(completeDraft().price("10000000").content().getPrice()).isEqualByComparingTo("10000000");
    }

    @Test
    void aFreeConfigurationNeedsNoPrice() {
        ConfigurationContent content = completeDraft().free(true).price(null).content();

        assertThat(content.isFree()).isTrue();
        assertThat(content.priceLabel()).isEqualTo("бесплатно");
        assertThat(content.missingForPublication()).isEmpty();
    }

    @Test
    void fiftyEntitiesAreAccepted() {
        assertThat(completeDraft().entities(entities(50)).content().getEntities()).hasSize(50);
    }

    // ---- refused drafts

    @Test
    void everyProblemOfADraftIsListedAtOnce() {
        List<String> links = new ArrayList<>(List.of("javascript:alert(1)", longLink(0) + "x"));
        IntStream.rangeClosed(1, 9).mapToObj(i -> "https://alfa.example.ru/" + i).forEach(links::add);
        Draft draft = completeDraft().title("Т".repeat(101)).shortDescription("К".repeat(301)).fullDescription("П".repeat(5001))
                .supportContact("с".repeat(201)).category("Игры").industry("Космос").links(links).price("0")
                .entities(entity("PROCESS", "Обработка заявок"), entity("process", "обработка ЗАЯВОК"), entity(null, null),
                        entity("Виджет", "Календарь"));

        String message = refusal(draft).getMessage();

        assertThat(message).startsWith("Конфигурация не сохранена: ").contains(
                "поле «Название» длиннее 100 символов (101)",
                "поле «Краткое описание» длиннее 300 символов (301)",
                "поле «Полное описание» длиннее 5000 символов (5001)",
                "поле «Контакт поддержки» длиннее 200 символов (201)",
                "поле «Категория»: значения «Игры» нет, допустимы SALES (Продажи и CRM)",
                "поле «Отрасль»: значения «Космос» нет, допустимы ANY (Для любой отрасли)",
                "ссылок больше 10 (11)",
                "«javascript:alert(1)» — не адрес страницы или изображения",
                "ссылка длиннее 500 символов",
                "цена должна быть больше нуля",
                "Процесс «обработка ЗАЯВОК» указана дважды",
                "сущность № 3: не указан вид",
                "сущность № 3: не указано название",
                "поле «сущность № 4, вид»: значения «Виджет» нет");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=",
            "ftp://alfa.example.ru/screen.png", "https:///screen.png", "http:alfa.example.ru", "//alfa.example.ru/screen.png",
            "alfa.example.ru/screen.png", "https://alfa example.ru"})
    void aLinkThatIsNotAnHttpAddressWithAHostIsRefused(String link) {
        assertThat(refusal(completeDraft().links(LINK, link)).getMessage())
                .contains("— не адрес страницы или изображения (нужен адрес http:// или https://)");
    }

    @Test
    void moreThanTenLinksAreRefused() {
        List<String> links = IntStream.rangeClosed(1, 11).mapToObj(i -> "https://alfa.example.ru/" + i).toList();

        assertThat(refusal(completeDraft().links(links)).getMessage()).contains("ссылок больше 10 (11)");
    }

    @Test
    void aLinkLongerThanFiveHundredCharactersIsRefused() {
        assertThat(refusal(completeDraft().links(longLink(1) + "x")).getMessage()).contains("ссылка длиннее 500 символов");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-1500.50"})
    void aPriceOfZeroOrLessIsRefused(String price) {
        assertThat(refusal(completeDraft().price(price)).getMessage())
                .contains("цена должна быть больше нуля (бесплатную конфигурацию отметьте «бесплатно»)");
    }

    @Test
    void aPriceForAFreeConfigurationIsRefused() {
        assertThat(refusal(completeDraft().free(true).price("1500")).getMessage())
                .contains("укажите либо цену, либо «бесплатно», но не то и другое");
    }

    @Test
    void aPriceFinerThanKopecksIsRefused() {
        assertThat(refusal(completeDraft().price("1500.505")).getMessage()).contains("цена указана точнее копеек");
    }

    @Test
    void aPriceAboveTenMillionIsRefused() {
        assertThat(refusal(completeDraft().price("10000000.01")).getMessage()).contains("цена больше 10000000 ₽");
    }

    @Test
    void moreThanFiftyEntitiesAreRefused() {
        assertThat(refusal(completeDraft().entities(entities(51))).getMessage()).contains("сущностей больше 50 (51)");
    }

    @Test
    void anEntityTwiceIsRefusedWhateverTheCaseOfItsName() {
        assertThat(refusal(completeDraft().entities(entity("DIRECTORY", "Клиенты"), entity("Справочник", "КЛИЕНТЫ"))).getMessage())
                .contains("Справочник «КЛИЕНТЫ» указана дважды");
    }

    @Test
    void theSameNameOfAnotherKindIsNoDuplicate() {
        assertThat(completeDraft().entities(entity("DIRECTORY", "Клиенты"), entity("REPORT", "Клиенты")).content().getEntities())
                .hasSize(2);
    }

    @Test
    void anEntityWithoutKindOrNameIsRefused() {
        String message = refusal(completeDraft().entities(entity("PROCESS", "Заявки"), entity(" ", "Клиенты"), entity("REPORT", ""),
                null)).getMessage();

        assertThat(message).contains("сущность № 2: не указан вид", "сущность № 3: не указано название",
                "сущность № 4: не указан вид", "сущность № 4: не указано название");
        assertThat(message).doesNotContain("сущность № 1");
    }

    // ---- what moderation still needs

    @Test
    void anEmptyDraftMissesEverySettingsFieldAndTheEntities() {
        assertThat(emptyDraft().content().missingForPublication()).containsExactly(
                "хотя бы одна сущность в составе конфигурации",
                "«Название»",
                "«Краткое описание»",
                "«Полное описание»",
                "«Категория»",
                "«Отрасль»",
                "«Скриншоты или ссылки» (хотя бы одна)",
                "«Цена» (или отметка «бесплатно»)",
                "«Контакт поддержки»");
    }

    @Test
    void aCompleteDraftWithoutEntitiesMissesOnlyTheEntities() {
        assertThat(completeDraft().entities(List.of()).content().missingForPublication())
                .containsExactly("хотя бы одна сущность в составе конфигурации");
        assertThat(completeDraft().entities((List<ConfigurationDraft.EntityDraft>) null).content().missingForPublication())
                .containsExactly("хотя бы одна сущность в составе конфигурации");
    }

    @Test
    void aConfigurationThatIsNeitherFreeNorPricedMissesThePrice() {
        assertThat(completeDraft().price(null).free(false).content().missingForPublication())
                .containsExactly("«Цена» (или отметка «бесплатно»)");
    }

    // ---- what changed since an earlier revision

    @Test
    void identicalContentHasNoChanges() {
        assertThat(completeDraft().content().changesSince(completeDraft().content())).isEmpty();
    }

    @Test
    void theSamePriceWrittenWithKopecksIsNoChange() {
        ConfigurationContent typed = completeDraft().price("1500").content();
        ConfigurationContent withKopecks = completeDraft().price("1500.00").content();

        assertThat(withKopecks.changesSince(typed)).isEmpty();
        assertThat(typed.changesSince(withKopecks)).isEmpty();
    }

    @Test
    void aChangedTitleIsReported() {
        ConfigurationContent earlier = completeDraft().content();

        assertThat(completeDraft().title("Воронка продаж 2.0").content().changesSince(earlier))
                .containsExactly("Название: «" + TITLE + "» → «Воронка продаж 2.0»");
    }

    @Test
    void addedAndRemovedEntitiesAreReported() {
        ConfigurationContent earlier = completeDraft().content();
        ConfigurationContent later = completeDraft().entities(entity("PROCESS", "Обработка заявок"), entity("REPORT", "Воронка"))
                .content();

        assertThat(later.changesSince(earlier)).containsExactly("Добавлена сущность: Отчет «Воронка»",
                "Удалена сущность: Справочник «Клиенты»");
    }

    @Test
    void addedAndRemovedLinksAreReported() {
        ConfigurationContent earlier = completeDraft().content();
        ConfigurationContent later = completeDraft().links("https://alfa.example.ru/video").content();

        assertThat(later.changesSince(earlier)).containsExactly("Добавлена ссылка: https://alfa.example.ru/video",
                "Удалена ссылка: " + LINK);
    }

    @Test
    void aPriceChangeIsReported() {
        ConfigurationContent earlier = completeDraft().content();

        assertThat(completeDraft().price("2000").content().changesSince(earlier)).containsExactly("Цена: «1500.00 ₽» → «2000.00 ₽»");
        assertThat(completeDraft().price(null).free(true).content().changesSince(earlier))
                .containsExactly("Цена: «1500.00 ₽» → «бесплатно»");
    }

    @Test
    void everyOtherChangedSettingIsReportedAndFilledInFieldsAreShownAsSuch() {
        ConfigurationContent earlier = emptyDraft().content();

        assertThat(completeDraft().content().changesSince(earlier)).contains(
                "Название: «не заполнено» → «" + TITLE + "»",
                "Полное описание изменено",
                "Категория: «не заполнено» → «Продажи и CRM»",
                "Отрасль: «не заполнено» → «Торговля»",
                "Контакт поддержки: «не заполнено» → «support@alfa.example.ru»",
                "Добавлена сущность: Процесс «Обработка заявок»");
    }

    private static BusinessRuleViolation refusal(Draft draft) {
        BusinessRuleViolation violation = catchThrowableOfType(BusinessRuleViolation.class, draft::content);
        assertThat(violation).as("the draft is refused").isNotNull();
        assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID);
        return violation;
    }

    /** An https address of exactly 500 characters. */
    private static String longLink(int number) {
        String start = "https://alfa.example.ru/" + number + "/";
        return start + "a".repeat(500 - start.length());
    }

    private static List<ConfigurationDraft.EntityDraft> entities(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> entity("FIELD", "Поле " + i)).toList();
    }
}
