package com.partnerflow.developer;

import java.util.List;

/** A partner's request as the start form or {@code POST /api/developer-authorizations} sends it, unchecked. */
public record RequestAuthorization(String developer, List<Application> applications, String reason) {
}
