package com.partnerflow.partner;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamInvitations extends JpaRepository<TeamInvitation, Long> {

    @Query("select i from TeamInvitation i where i.secretHash = :hash")
    Optional<TeamInvitation> findBySecretHash(String hash);

    /** The employees' invitations, newest first: the first of each employee is the one that counts. */
    @Query("select i from TeamInvitation i where i.partnerCode = :partnerCode and i.userId in :userIds order by i.createdAt desc, i.id desc")
    List<TeamInvitation> findNewestFirst(String partnerCode, Collection<String> userIds);
}
