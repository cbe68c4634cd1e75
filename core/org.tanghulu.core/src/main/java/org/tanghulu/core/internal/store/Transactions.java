package org.tanghulu.core.internal.store;

import java.sql.SQLException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.tanghulu.core.Refusal;

/** Units of work of the services that answer with {@link Refusal}s. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs a unit of work in a transaction. A {@link Refusal} thrown inside comes out as
     * itself, however the transaction manager wrapped it; a conflict with another transaction
     * (optimistic or pessimistic lock) becomes {@link Refusal.Kind#CONFLICT}.
     */
    public static <T> T run(JpaTemplate jpa, EmFunction<T> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof Refusal ce) {
                    throw ce;
                }
                String name = c.getClass().getSimpleName();
                if (name.contains("OptimisticLock") || name.contains("PessimisticLock") || name.contains("LockTimeout")
                        || name.contains("StaleObjectState") || name.contains("LockAcquisition")) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "Someone else changed this record at the same "
                            + "moment. Your request changed nothing; reload and try again.");
                }
            }
            throw e;
        }
    }

    /**
     * @return whether {@code e} or one of its causes is a violated unique or primary-key constraint
     *         (SQLSTATE 23505 on H2 and PostgreSQL alike), not any other constraint
     */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
