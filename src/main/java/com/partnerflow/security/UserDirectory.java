package com.partnerflow.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Looks up people in Camunda's identity service, the one user store of PartnerFlow. */
@Component
public class UserDirectory {

    private final IdentityService identityService;

    UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** A user's e-mail as the caller may see it: the directory is for the vendor's own people only. */
    public Optional<String> emailOf(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail)
                .filter(email -> !email.isBlank());
    }

    /**
     * A user's e-mail for a notification the system sends: a system lookup, because the person whose
     * action triggers the mail (a partner approving a client's application) may not read the directory.
     * Never return its result to a caller.
     */
    public Optional<String> notificationAddressOf(String userId) {
        return AsSystem.call(identityService, () -> emailOf(userId));
    }

    /**
     * The addresses of the people who may work a task, for a mail the system sends them: its assignee and every member
     * of its candidate groups, each once, in that order; users without an address are left out. A system lookup, like
     * {@link #notificationAddressOf}.
     */
    public List<String> notificationAddressesOf(String assignee, Collection<String> candidateGroups) {
        return AsSystem.call(identityService, () -> {
            Set<String> addresses = new LinkedHashSet<>();
            if (assignee != null) {
                emailOf(assignee).ifPresent(addresses::add);
            }
            for (String group : candidateGroups) {
                identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                        .map(User::getEmail).filter(email -> email != null && !email.isBlank()).forEach(addresses::add);
            }
            return List.copyOf(addresses);
        });
    }
}
