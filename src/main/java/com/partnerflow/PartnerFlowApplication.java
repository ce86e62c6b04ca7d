package com.partnerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerFlowApplication.class, args);
    }
}
