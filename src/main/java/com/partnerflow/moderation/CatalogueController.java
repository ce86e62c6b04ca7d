package com.partnerflow.moderation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.partnerflow.moderation.ConfigurationViews.CatalogueEntry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** «Готовые решения»: the public catalogue, open without login (SecurityConfiguration). */
@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "Готовые решения", description = "The public catalogue of approved partner configurations; no login")
@SecurityRequirements // none: the document's HTTP Basic / Bearer requirement does not apply here
class CatalogueController {

    private final ConfigurationService configurations;

    CatalogueController(ConfigurationService configurations) {
        this.configurations = configurations;
    }

    @GetMapping
    @Operation(summary = "Published configurations, newest first, filtered by category and industry")
    List<CatalogueEntry> list(@RequestParam(required = false) Category category, @RequestParam(required = false) Industry industry) {
        return configurations.catalogue(category, industry).stream().map(CatalogueEntry::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published configuration as the catalogue shows it")
    CatalogueEntry get(@PathVariable long id) {
        return CatalogueEntry.of(configurations.published(id));
    }
}
