package com.partnerflow.transfer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The list query of transfers, a fragment of {@link TransferRequests}: SQL built from the filters given. */
interface TransferListing {

    /**
     * The ids of one page of transfers matching the filters, in the page's order: of every partner when
     * {@code partnerId} is null, else of the transfers that partner is on either side of.
     */
    Page<Long> findIds(Long partnerId, TransferFilter filter, Pageable page);
}
