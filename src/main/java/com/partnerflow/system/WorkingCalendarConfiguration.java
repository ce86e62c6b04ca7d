package com.partnerflow.system;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business's working days ({@code partnerflow.calendar}, in the zone {@code partnerflow.time-zone}),
 * for the application and, through {@link WorkingCalendarPlugin}, for the engine's due dates and timers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkingCalendarConfiguration.CalendarSettings.class)
class WorkingCalendarConfiguration {

    /**
     * @param holidays        the production calendar's non-working days (ISO dates)
     * @param workingWeekends the weekends it declares working days
     */
    @ConfigurationProperties("partnerflow.calendar")
    record CalendarSettings(@DefaultValue List<LocalDate> holidays, @DefaultValue List<LocalDate> workingWeekends) {
    }

    @Bean
    WorkingCalendar workingCalendar(@Value("${partnerflow.time-zone:Europe/Moscow}") ZoneId zone, CalendarSettings settings) {
        return new WorkingCalendar(zone, settings.holidays(), settings.workingWeekends());
    }

    /** Every ProcessEnginePlugin bean joins the engine of the Camunda Spring Boot starter. */
    @Bean
    ProcessEnginePlugin workingCalendarPlugin(WorkingCalendar calendar) {
        return new WorkingCalendarPlugin(calendar);
    }
}
