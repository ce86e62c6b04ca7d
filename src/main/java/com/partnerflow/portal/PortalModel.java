package com.partnerflow.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.ProcessHistory;

/** The portal's frame on every portal page: {@code portal}, the {@link PortalUser} looking at it. */
@ControllerAdvice(assignableTypes = PortalPage.class)
class PortalModel {

    private final CurrentCaller caller;
    private final SystemCalls system;
    private final ProcessHistory people;

    PortalModel(CurrentCaller caller, SystemCalls system, ProcessHistory people) {
        this.caller = caller;
        this.system = system;
        this.people = people;
    }

    @ModelAttribute("portal")
    PortalUser portal() {
        var current = caller.get();
        // a person reads their own name; the identity service would refuse a partner the user query itself
        return PortalUser.of(current, system.call(() -> people.personName(current.userId())));
    }
}
