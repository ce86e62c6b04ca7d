package com.partnerflow.partner;

/**
 * A partner's request as the start form, the portal's form or {@code POST /api/profile-changes} sends it, unchecked: the
 * new value of each detail (empty keeps the current one) and why.
 */
public record ProposeProfileChange(String name, String email, String phone, String website, String reason) {
}
