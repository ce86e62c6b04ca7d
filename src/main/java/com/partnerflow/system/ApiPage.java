package com.partnerflow.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list under {@code /api}: every list answers this shape, so an integrator writes one pager. {@code page}
 * counts from 0; {@code totalElements} counts what matches the filters across all pages.
 */
public record ApiPage<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <E, T> ApiPage<T> of(Page<E> page, Function<? super E, ? extends T> view) {
        return new ApiPage<>(page.getContent().stream().<T>map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
