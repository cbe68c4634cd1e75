package org.tanghulu.catalog;

/**
 * The result of a guarded call into department code ({@link DepartmentGateway#check}): a value,
 * or a failure an admin can read. Never both; a failed call has no value.
 *
 * @param <T> the value's type
 * @param value what the department answered, or {@code null} if the call failed
 * @param failure why the call failed (absent department, time-out, department busy with calls past
 *        their timeout, exception), or {@code null}
 */
public record Outcome<T>(T value, String failure) {

    /** @return whether the call failed; {@link #failure()} says how */
    public boolean failed() {
        return failure != null;
    }
}
