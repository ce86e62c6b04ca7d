package com.partnerflow.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's people (profile {@code demo}): each feature's demo data creates the users of its roles here, password =
 * user name and e-mail {@code <id>@partnerflow.example}, and acts as them when it starts its requests in flight, so
 * that the requests are checked and granted exactly as a real submission is.
 */
@Component
@Profile("demo")
public class DemoUsers {

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** A user in {@code group}, unless it exists already. */
    public void person(String id, String firstName, String lastName, String group) {
        if (exists(id)) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(id);
        user.setEmail(id + "@partnerflow.example");
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    /** Makes the user a member of {@code group}, unless they are one already. */
    public void member(String userId, String group) {
        if (identityService.createGroupQuery().groupMember(userId).groupId(group).count() == 0) {
            identityService.createMembership(userId, group);
        }
    }

    /** Runs {@code action} as {@code userId} with all their groups, as if they had called the API. */
    public <T> T as(String userId, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void as(String userId, Runnable action) {
        as(userId, () -> {
            action.run();
            return null;
        });
    }
}
