package com.partnerflow.moderation;

import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.partnerflow.moderation.ConfigurationViews.CatalogueEntry;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    @Operation(summary = "Published configurations, newest first",
            description = "Paged (ADR 0044). Filters: category, industry, search (any part of the title or the short "
                    + "description, any case). Sort keys: published, title (default -published).")
    ApiPage<CatalogueEntry> list(@ParameterObject @Valid PageQuery query,
                                 @Parameter(description = "Категория") @RequestParam(required = false) Category category,
                                 @Parameter(description = "Отрасль") @RequestParam(required = false) Industry industry,
                                 @Parameter(description = "Часть названия или краткого описания") @RequestParam(required = false) String search) {
        Pageable page = query.pageable(Sort.by(Sort.Direction.DESC, "publishedAt", "id"),
                Map.of("published", "publishedAt,id", "title", "publishedRound.content.title,id"));
        return ApiPage.of(configurations.catalogue(category, industry, search, page), CatalogueEntry::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published configuration as the catalogue shows it")
    CatalogueEntry get(@PathVariable long id) {
        return CatalogueEntry.of(configurations.published(id));
    }
}
