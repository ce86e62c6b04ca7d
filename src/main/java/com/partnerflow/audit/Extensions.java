package com.partnerflow.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.partnerflow.partner.Partner;

interface Extensions extends JpaRepository<Extension, Long> {

    Optional<Extension> findByDeveloperAndName(Partner developer, String name);

    List<Extension> findByDeveloperOrderByName(Partner developer);
}
