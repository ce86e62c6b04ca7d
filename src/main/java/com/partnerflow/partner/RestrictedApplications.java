package com.partnerflow.partner;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface RestrictedApplications extends JpaRepository<RestrictedApplication, Long> {

    /** With their authorized partners in the same query: eagerly loaded one by one, a transfer's check read each list apart. */
    @EntityGraph(attributePaths = "authorized")
    List<RestrictedApplication> findAllByOrderByName();
}
