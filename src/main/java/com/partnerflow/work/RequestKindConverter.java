package com.partnerflow.work;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code ?kind=transfers} and {@code /api/requests/transfers/...}: the kind as URLs name it; anything else is a 400 naming the parameter. */
@Component
class RequestKindConverter implements Converter<String, RequestKind> {

    @Override
    public RequestKind convert(String path) {
        return RequestKind.ofPath(path).orElseThrow(() -> new IllegalArgumentException("Unknown request kind"));
    }
}
