package com.partnerflow.portal;

/**
 * A page of the partner portal ({@code /portal/...}, ADR 0046): server-rendered, in Russian, for the partner's (and a
 * client's) people. A feature's portal controller implements it to get the portal's frame ({@link PortalModel}: who is
 * logged in, the navigation) and its refusals as pages ({@link PortalErrors}).
 * <p>
 * A portal page reads and changes nothing the {@code /api} does not: it calls the same service methods the API's
 * controllers call, as the same caller, so both show and allow exactly the same things to the same people.
 */
public interface PortalPage {

    /** The template of a refusal: its title and the reason. */
    String ERROR_VIEW = "portal/error";
}
