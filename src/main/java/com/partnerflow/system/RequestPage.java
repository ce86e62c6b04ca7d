package com.partnerflow.system;

/**
 * A page for people about one request ({@code /requests/...}): server-rendered, in Russian, reached from the task
 * forms instead of the API's JSON. A refusal (404 for a request the reader may not see) is a page too,
 * {@link RequestPageErrors}. Each page reads its request through the same service method as the API's GET, so both
 * show a request to exactly the same people (ADR 0038).
 */
public interface RequestPage {

    /** The template of a page's refusal: its title and the reason. */
    String ERROR_VIEW = "requests/error";
}
