package com.partnerflow.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import com.partnerflow.subscriber.DataArea;

interface Installations extends JpaRepository<Installation, Long> {

    List<Installation> findByDataAreaInOrderById(List<DataArea> dataAreas);

    List<Installation> findByDataAreaOrderById(DataArea dataArea);
}
