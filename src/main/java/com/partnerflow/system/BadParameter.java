package com.partnerflow.system;

/**
 * A query parameter the server cannot use (an unknown sort key, a filter value outside its list): a 400 naming the
 * parameter, with a Russian message a person can act on. Thrown before anything is read or changed.
 */
public class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
