package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A configuration's content as a partner sends it (the API's JSON or the revision form), unchecked:
 * {@link ConfigurationContent#of} checks every field and lists every problem at once.
 */
public record ConfigurationDraft(String title, String shortDescription, String fullDescription, String category,
                                 String industry, List<String> links, Boolean free, BigDecimal price, String supportContact,
                                 List<EntityDraft> entities) {

    public record EntityDraft(String kind, String name) {
    }
}
