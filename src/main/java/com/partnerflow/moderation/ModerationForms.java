package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationModerationProcess.*;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Fills the forms' fields from the domain, so the moderator and the partner see what is recorded, not what an
 * earlier form left in a variable.
 */
@Component
class ModerationForms {

    /** What the moderator reviews: the round as sent, who sent it, and what changed since the last round. */
    VariableMap review(Moderation moderation) {
        ModerationRound round = moderation.currentRound();
        Configuration configuration = moderation.getConfiguration();
        VariableMap variables = settings(round.getContent());
        AUTHOR.putIn(variables, configuration.getCreator().getName() + " (" + configuration.getCreator().getCode()
                + "), аккаунт «" + configuration.getAccount().getName() + "», отправил " + round.getSubmittedBy());
        ROUND.putIn(variables, (long) round.getNumber());
        CHANGES.putIn(variables, changes(moderation));
        return variables;
    }

    /** What the partner revises: the configuration's working settings and the moderator's comment. */
    VariableMap revision(Moderation moderation) {
        VariableMap variables = settings(moderation.getConfiguration().getContent());
        MODERATOR_COMMENT.putIn(variables, moderation.currentRound().getComment());
        ROUND.putIn(variables, (long) moderation.currentRound().getNumber());
        return variables;
    }

    private static VariableMap settings(ConfigurationContent content) {
        VariableMap variables = Variables.createVariables();
        TITLE.putIn(variables, content.getTitle());
        SHORT_DESCRIPTION.putIn(variables, content.getShortDescription());
        FULL_DESCRIPTION.putIn(variables, content.getFullDescription());
        CATEGORY.putIn(variables, content.getCategory() == null ? null : content.getCategory().name());
        CATEGORY_LABEL.putIn(variables, content.getCategory() == null ? null : content.getCategory().label());
        INDUSTRY.putIn(variables, content.getIndustry() == null ? null : content.getIndustry().name());
        INDUSTRY_LABEL.putIn(variables, content.getIndustry() == null ? null : content.getIndustry().label());
        LINKS.putIn(variables, String.join("\n", content.getLinks()));
        FREE.putIn(variables, content.isFree());
        PRICE.putIn(variables, content.getPrice() == null ? null : content.getPrice().toPlainString());
        PRICE_LABEL.putIn(variables, content.priceLabel());
        SUPPORT_CONTACT.putIn(variables, content.getSupportContact());
        ENTITIES.putIn(variables, content.getEntities().stream().map(ConfigurationEntity::describe).collect(Collectors.joining("\n")));
        ENTITY_LIST.putIn(variables, content.entityDrafts());
        return variables;
    }

    /** Against the previous round; in a first round, against the revision in the catalogue, if there is one. */
    private static String changes(Moderation moderation) {
        ConfigurationContent current = moderation.currentRound().getContent();
        if (moderation.previousRound().isPresent()) {
            return describe(current.changesSince(moderation.previousRound().get().getContent()),
                    "Изменения с раунда " + moderation.previousRound().get().getNumber() + ":");
        }
        ModerationRound published = moderation.getConfiguration().getPublishedRound();
        if (published != null) {
            return describe(current.changesSince(published.getContent()), "Новая редакция опубликованной конфигурации. "
                    + "Изменения по сравнению с опубликованной редакцией:");
        }
        return "Первая отправка на модерацию.";
    }

    private static String describe(List<String> changes, String heading) {
        return changes.isEmpty() ? heading + " нет изменений." : heading + "\n" + changes.stream()
                .map(change -> "• " + change).collect(Collectors.joining("\n"));
    }
}
