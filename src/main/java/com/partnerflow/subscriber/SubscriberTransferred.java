package com.partnerflow.subscriber;

/**
 * A subscriber now served by another partner: published when the re-assigned subscriber is saved,
 * in the transaction of the transfer, so whatever waits for the old partner can follow it.
 */
public record SubscriberTransferred(String subscriberNumber, String fromPartnerGroup, String toPartnerGroup) {
}
