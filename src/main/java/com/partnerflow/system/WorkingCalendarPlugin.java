package com.partnerflow.system;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Teaches the engine {@value WorkingDaysBusinessCalendar#EXAMPLE}: replaces its business calendars with
 * Camunda's defaults, the "duration" (timer durations) and "dueDate" (user task due and follow-up
 * dates, timer dates) ones decorated by a {@link WorkingDaysBusinessCalendar}; "cycle" stays as is.
 * Usable from Spring beans XML through the constructor of strings.
 */
public class WorkingCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingCalendar calendar;

    public WorkingCalendarPlugin(WorkingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * @param zoneId          a zone id such as {@code Europe/Moscow}
     * @param holidays        ISO dates ({@code 2027-01-01}) of the non-working days
     * @param workingWeekends ISO dates of the weekends that are working days
     */
    public WorkingCalendarPlugin(String zoneId, List<String> holidays, List<String> workingWeekends) {
        this(new WorkingCalendar(ZoneId.of(zoneId), dates(holidays), dates(workingWeekends)));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBusinessCalendarManager(businessCalendarManager(calendar));
    }

    /** The engine's default calendars, with working days understood where durations and dates are resolved. */
    public static BusinessCalendarManager businessCalendarManager(WorkingCalendar calendar) {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar()));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar()));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        return manager;
    }

    private static List<LocalDate> dates(List<String> isoDates) {
        return isoDates.stream().map(String::trim).map(LocalDate::parse).toList();
    }
}
