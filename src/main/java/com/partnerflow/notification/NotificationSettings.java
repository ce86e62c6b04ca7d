package com.partnerflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("partnerflow.mail")
record NotificationSettings(@DefaultValue("partnerflow@localhost") String from) {
}
