package com.partnerflow.system;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The paging and sorting parameters every list under {@code /api} takes: {@code ?page=0&size=20&sort=-updated}. A
 * controller binds it with {@code @ParameterObject @Valid PageQuery query} and turns it into a {@link Pageable} with
 * the sort keys the list documents; a sort key outside them is a 400 naming the keys allowed.
 */
public record PageQuery(
        @Schema(description = "Номер страницы, с 0", defaultValue = "0", minimum = "0", maximum = "1000000")
        @Min(value = 0, message = "page: номер страницы от 0 до 1000000")
        @Max(value = MAX_PAGE, message = "page: номер страницы от 0 до 1000000") Integer page,
        @Schema(description = "Размер страницы", defaultValue = "20", minimum = "1", maximum = "100")
        @Min(value = 1, message = "size: размер страницы от 1 до 100")
        @Max(value = MAX_SIZE, message = "size: размер страницы от 1 до 100") Integer size,
        @Schema(description = "Ключ сортировки; «-» впереди — по убыванию, например -updated", pattern = SORT_PATTERN)
        @Pattern(regexp = SORT_PATTERN, message = "sort: ключ сортировки — латинское имя поля, «-» впереди для убывания") String sort) {

    /** Far beyond any real list, and low enough that page × size never overflows the database's row offset. */
    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    static final String SORT_PATTERN = "-?[a-zA-Z]{1,40}";

    /**
     * The page asked for, sorted by {@code sort} when given, else by {@code defaultSort}.
     *
     * @param sortable the sort keys the list documents, each to the entity property (or properties, comma-separated)
     *                 it sorts by, ending with a unique one ({@code "updatedAt,id"}) so that pages never overlap;
     *                 {@code defaultSort} ends with a unique property too
     */
    public Pageable pageable(Sort defaultSort, Map<String, String> sortable) {
        Sort order = defaultSort;
        if (sort != null && !sort.isBlank()) {
            boolean descending = sort.startsWith("-");
            String key = descending ? sort.substring(1) : sort;
            String properties = sortable.get(key);
            if (properties == null) {
                throw new BadParameter("sort", "Неверный ключ сортировки «" + key + "»: допустимы "
                        + sortable.keySet().stream().sorted().collect(Collectors.joining(", ")) + " (с «-» впереди — по убыванию).");
            }
            order = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, properties.split(","));
        }
        return PageRequest.of(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, order);
    }

    /** The page asked for, in the list's one fixed order. */
    public Pageable pageable(Sort order) {
        if (sort != null && !sort.isBlank()) {
            throw new BadParameter("sort", "Этот список не сортируется по выбору: порядок задан.");
        }
        return PageRequest.of(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, order);
    }
}
