package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import com.partnerflow.system.Problems;

/**
 * What a configuration consists of (its entities) and its settings for publication (seed 000, section
 * «Настройки»). Immutable and always well-formed: {@link #of} refuses overlong texts, unknown categories,
 * links that are not http(s) addresses and the like. It may be incomplete while the partner prepares it;
 * {@link #missingForPublication()} says what moderation still needs. Kept as the configuration's working copy
 * and as a snapshot per moderation round.
 */
@Embeddable
public class ConfigurationContent {

    static final int TITLE_MAX = 100;
    static final int SHORT_DESCRIPTION_MAX = 300;
    static final int FULL_DESCRIPTION_MAX = 5000;
    static final int SUPPORT_CONTACT_MAX = 200;
    static final int LINK_MAX = 500;
    static final int LINKS_MAX = 10;
    static final int ENTITY_NAME_MAX = 200;
    static final int ENTITIES_MAX = 50;
    static final BigDecimal PRICE_MAX = new BigDecimal("10000000");

    @Column(length = TITLE_MAX)
    private String title;

    @Column(name = "short_description", length = SHORT_DESCRIPTION_MAX)
    private String shortDescription;

    @Column(name = "full_description", length = FULL_DESCRIPTION_MAX)
    private String fullDescription;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Industry industry;

    /** Screenshots or other links (seed: «скриншоты, видео и т.п.»), http(s) only. */
    @Convert(converter = LinesConverter.class)
    @Column(name = "links", length = 5200)
    private List<String> links = List.of();

    @Column(name = "free_of_charge")
    private Boolean free;

    @Column(precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "support_contact", length = SUPPORT_CONTACT_MAX)
    private String supportContact;

    @Convert(converter = EntitiesConverter.class)
    @Column(name = "entities", nullable = false, length = 20000)
    private List<ConfigurationEntity> entities = List.of();

    protected ConfigurationContent() {
    }

    private ConfigurationContent(ConfigurationContent source) {
        this.title = source.title;
        this.shortDescription = source.shortDescription;
        this.fullDescription = source.fullDescription;
        this.category = source.category;
        this.industry = source.industry;
        this.links = List.copyOf(source.links);
        this.free = source.free;
        this.price = source.price;
        this.supportContact = source.supportContact;
        this.entities = List.copyOf(source.entities);
    }

    /**
     * Checks a draft and returns its content; every problem is listed at once in Russian (422), each also filed under its
     * field ({@link ConfigurationRefused#byField()}).
     */
    public static ConfigurationContent of(ConfigurationDraft draft) {
        ConfigurationRefused.Fields fields = new ConfigurationRefused.Fields();
        Problems problems = fields.problems();
        ConfigurationContent content = new ConfigurationContent();
        content.title = fields.check("title", () -> problems.optional(draft.title(), "Название", TITLE_MAX));
        content.shortDescription = fields.check("shortDescription",
                () -> problems.optional(draft.shortDescription(), "Краткое описание", SHORT_DESCRIPTION_MAX));
        content.fullDescription = fields.check("fullDescription",
                () -> problems.optional(draft.fullDescription(), "Полное описание", FULL_DESCRIPTION_MAX));
        content.category = fields.check("category",
                () -> choice(draft.category(), "Категория", Category.class, Category::label, problems));
        content.industry = fields.check("industry",
                () -> choice(draft.industry(), "Отрасль", Industry.class, Industry::label, problems));
        content.links = fields.check("links", () -> links(draft.links(), problems));
        content.free = draft.free();
        content.price = fields.check("price", () -> price(draft.price(), Boolean.TRUE.equals(draft.free()), problems));
        content.supportContact = fields.check("supportContact",
                () -> problems.optional(draft.supportContact(), "Контакт поддержки", SUPPORT_CONTACT_MAX));
        content.entities = entities(draft.entities(), fields);
        fields.refuseIfAny("Конфигурация не сохранена");
        return content;
    }

    /** An independent copy, for a round's snapshot. */
    ConfigurationContent copy() {
        return new ConfigurationContent(this);
    }

    /** The settings fields moderation needs and this content lacks, and the entity list when empty (seed 000). */
    public List<String> missingForPublication() {
        List<String> missing = new ArrayList<>();
        if (entities.isEmpty()) {
            missing.add("хотя бы одна сущность в составе конфигурации");
        }
        addIfMissing(missing, title, "«Название»");
        addIfMissing(missing, shortDescription, "«Краткое описание»");
        addIfMissing(missing, fullDescription, "«Полное описание»");
        addIfMissing(missing, category, "«Категория»");
        addIfMissing(missing, industry, "«Отрасль»");
        if (links.isEmpty()) {
            missing.add("«Скриншоты или ссылки» (хотя бы одна)");
        }
        if (!Boolean.TRUE.equals(free) && price == null) {
            missing.add("«Цена» (или отметка «бесплатно»)");
        }
        addIfMissing(missing, supportContact, "«Контакт поддержки»");
        return missing;
    }

    /** What differs from an earlier revision, in Russian, one line per change; empty when nothing does. */
    public List<String> changesSince(ConfigurationContent earlier) {
        List<String> changes = new ArrayList<>();
        changedValue(changes, "Название", earlier.title, title);
        changedValue(changes, "Краткое описание", earlier.shortDescription, shortDescription);
        if (!Objects.equals(earlier.fullDescription, fullDescription)) {
            changes.add("Полное описание изменено");
        }
        changedValue(changes, "Категория", label(earlier.category, Category::label), label(category, Category::label));
        changedValue(changes, "Отрасль", label(earlier.industry, Industry::label), label(industry, Industry::label));
        changedValue(changes, "Цена", earlier.priceLabel(), priceLabel());
        changedValue(changes, "Контакт поддержки", earlier.supportContact, supportContact);
        listChanges(changes, "Добавлена ссылка", "Удалена ссылка", earlier.links, links, Function.identity());
        listChanges(changes, "Добавлена сущность", "Удалена сущность", earlier.entities, entities, ConfigurationEntity::describe);
        return changes;
    }

    /** «бесплатно», the price in roubles, or empty while not set. */
    public String priceLabel() {
        if (Boolean.TRUE.equals(free)) {
            return "бесплатно";
        }
        return price == null ? null : price.toPlainString() + " ₽";
    }

    public String getTitle() {
        return title;
    }

    public String getShortDescription() {
        return shortDescription;
    }

    public String getFullDescription() {
        return fullDescription;
    }

    public Category getCategory() {
        return category;
    }

    public Industry getIndustry() {
        return industry;
    }

    public List<String> getLinks() {
        return links;
    }

    public boolean isFree() {
        return Boolean.TRUE.equals(free);
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getSupportContact() {
        return supportContact;
    }

    public List<ConfigurationEntity> getEntities() {
        return entities;
    }

    /** The entities as a form or a request sends them back: {@code {kind, name}}. */
    List<ConfigurationDraft.EntityDraft> entityDrafts() {
        return getEntities().stream().map(entity -> new ConfigurationDraft.EntityDraft(entity.kind().name(), entity.name())).toList();
    }


    private static <E extends Enum<E>> E choice(String value, String field, Class<E> type, Function<E, String> label,
                                                Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted) || label.apply(constant).equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        problems.add("поле «" + field + "»: значения «" + abbreviate(wanted) + "» нет, допустимы "
                + Arrays.stream(type.getEnumConstants()).map(constant -> constant.name() + " (" + label.apply(constant) + ")")
                .collect(Collectors.joining(", ")));
        return null;
    }

    private static List<String> links(List<String> values, Problems problems) {
        List<String> links = values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::strip).filter(link -> !link.isEmpty()).distinct().toList();
        if (links.size() > LINKS_MAX) {
            problems.add("ссылок больше " + LINKS_MAX + " (" + links.size() + ")");
        }
        for (String link : links) {
            if (link.length() > LINK_MAX) {
                problems.add("ссылка длиннее " + LINK_MAX + " символов");
            } else if (!isWebAddress(link)) {
                problems.add("«" + abbreviate(link) + "» — не адрес страницы или изображения (нужен адрес http:// или https://)");
            }
        }
        return links;
    }

    /** Only http(s) with a host: a {@code javascript:} or {@code data:} link must never reach the public catalogue. */
    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static BigDecimal price(BigDecimal price, boolean free, Problems problems) {
        if (price == null) {
            return null;
        }
        if (free) {
            problems.add("укажите либо цену, либо «бесплатно», но не то и другое");
        } else if (price.signum() <= 0) {
            problems.add("цена должна быть больше нуля (бесплатную конфигурацию отметьте «бесплатно»)");
        } else if (price.compareTo(PRICE_MAX) > 0) {
            problems.add("цена больше " + PRICE_MAX.toPlainString() + " ₽");
        } else if (price.stripTrailingZeros().scale() > 2) {
            problems.add("цена указана точнее копеек");
        } else {
            // in kopecks, as the column keeps it: 1500 and 1500.00 are the same price, before and after saving
            return price.setScale(2);
        }
        return price;
    }

    private static List<ConfigurationEntity> entities(List<ConfigurationDraft.EntityDraft> drafts, ConfigurationRefused.Fields fields) {
        Problems problems = fields.problems();
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > ENTITIES_MAX) {
            fields.check("entities", () -> {
                problems.add("сущностей больше " + ENTITIES_MAX + " (" + drafts.size() + ")");
                return null;
            });
            return List.of();
        }
        List<ConfigurationEntity> entities = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            int before = problems.count();
            ConfigurationDraft.EntityDraft draft = drafts.get(i);
            String where = "сущность № " + (i + 1);
            EntityKind kind = draft == null ? null : choice(draft.kind(), where + ", вид", EntityKind.class, EntityKind::label, problems);
            String name = draft == null ? null : problems.optional(draft.name(), where + ", название", ENTITY_NAME_MAX);
            if (kind == null && (draft == null || draft.kind() == null || draft.kind().isBlank())) {
                problems.add(where + ": не указан вид");
            }
            if (name == null) {
                problems.add(where + ": не указано название");
            }
            if (kind != null && name != null && name.length() <= ENTITY_NAME_MAX) {
                ConfigurationEntity entity = new ConfigurationEntity(kind, name);
                if (seen.add(kind + "\n" + name.toLowerCase(Locale.ROOT))) {
                    entities.add(entity);
                } else {
                    problems.add(entity.describe() + " указана дважды");
                }
            }
            fields.file("entities[" + i + "]", before);
        }
        return List.copyOf(entities);
    }

    private static void addIfMissing(List<String> missing, Object value, String field) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void changedValue(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": «" + Objects.requireNonNullElse(before, "не заполнено") + "» → «"
                    + Objects.requireNonNullElse(after, "не заполнено") + "»");
        }
    }

    private static <T> void listChanges(List<String> changes, String added, String removed, List<T> before, List<T> after,
                                        Function<T, String> describe) {
        after.stream().filter(item -> !before.contains(item)).forEach(item -> changes.add(added + ": " + describe.apply(item)));
        before.stream().filter(item -> !after.contains(item)).forEach(item -> changes.add(removed + ": " + describe.apply(item)));
    }

    private static <E> String label(E value, Function<E, String> label) {
        return value == null ? null : label.apply(value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
