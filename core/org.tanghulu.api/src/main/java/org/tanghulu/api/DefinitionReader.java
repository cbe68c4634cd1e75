package org.tanghulu.api;

import java.net.URL;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads definitions kept as JSON resources inside a bundle, so that vendors need no
 * JSON library of their own. Provided by the platform; vendors only call it.
 *
 * <p>The JSON mirrors the records of {@link org.tanghulu.api.definition}: property
 * names are the record component names, enums are written by constant name. Unknown
 * properties are an error, so that a misspelt key is caught when the bundle arrives
 * instead of silently dropped: the platform's reader reports each at its own line,
 * together with every other problem of the definition (since 1.1). Thread-safe.
 */
@ProviderType
public interface DefinitionReader {

    /**
     * Reads one resource as the given type.
     *
     * @param resource the resource, typically {@code getClass().getResource(...)}; a
     *        {@code null} resource (a missing file) is reported as a
     *        {@link DefinitionException}
     * @param type a record of {@link org.tanghulu.api.definition}, or an array of one
     * @return the value read; never {@code null}
     * @throws DefinitionException naming the resource and, where known, the line and
     *         property at fault
     */
    <T> T read(URL resource, Class<T> type) throws DefinitionException;
}
