package com.partnerflow.subscriber;

import java.time.Instant;
import java.util.List;

import com.partnerflow.security.Caller;

/**
 * What is installed in a subscriber's data areas, for the portal's «Клиенты»: the extension feature answers it through
 * the service {@code GET /api/subscribers/{number}/data-areas} calls, as the same caller (the subscriber feature cannot
 * depend on it: the extension feature depends on this one).
 */
public interface InstalledExtensions {

    /** The subscriber's data areas with what is installed in each; 404 (as the API's) for a subscriber the caller does not see. */
    List<AreaExtensions> of(String subscriberNumber, Caller caller);

    /** A data area (its number and program) and the extensions installed in it. */
    record AreaExtensions(int number, String applicationName, String applicationVersion, List<Installed> installed) {
    }

    /** One installed extension version: who installed it and when. */
    record Installed(String extensionName, String version, String installedBy, Instant installedAt) {
    }
}
