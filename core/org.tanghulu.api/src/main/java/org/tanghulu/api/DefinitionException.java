package org.tanghulu.api;

/**
 * A definition resource could not be read. The message is meant for the platform
 * admin: it names the resource and what is wrong with it.
 */
public class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for an admin
     * @param cause the underlying failure, or {@code null}
     */
    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
