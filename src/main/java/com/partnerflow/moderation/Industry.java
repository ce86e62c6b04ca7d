package com.partnerflow.moderation;

/** The industry a configuration is made for; a catalogue filter. */
public enum Industry {
    ANY("Для любой отрасли"),
    IT("ИТ и разработка"),
    RETAIL("Торговля"),
    CONSTRUCTION("Строительство"),
    MANUFACTURING("Промышленность"),
    SERVICES("Услуги"),
    EDUCATION("Образование"),
    HEALTHCARE("Медицина"),
    LOGISTICS("Логистика"),
    REAL_ESTATE("Недвижимость");

    private final String label;

    Industry(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
