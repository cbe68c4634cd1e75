package org.tanghulu.exchange.internal;

import java.util.List;

/**
 * How batches of tasks reach a department's front-end processor and its results come back: its
 * exchange tables ({@link TableTransport}) or a message broker ({@link QueueTransport}). One is opened
 * per round and closed after it.
 */
interface FrontEndTransport extends AutoCloseable {

    /** A task for the front-end processor; the message id is the same for the same content. */
    record Request(long task, String trackingNumber, String messageId, byte[] body) {
    }

    /** Decides what becomes of one result; {@code position} is its place in the transport's order, or -1. */
    @FunctionalInterface
    interface Results {
        FrontEndExchange.Use use(long position, String messageId, String body);
    }

    /**
     * Writes one batch, all or nothing: it is durable at the front-end processor when this returns.
     * A message the transport can tell is there already is not written again.
     *
     * @return how many were written now
     */
    int send(String department, String batchId, List<Request> batch) throws Exception;

    /**
     * Hands the department's new results to {@code results} in their order (after {@code cursor}
     * where the transport keeps one), up to {@code max}, and stops at the first that must wait, which
     * stays for a later round.
     *
     * @return how many were used or parked
     */
    int receive(String department, long cursor, int max, Results results) throws Exception;

    @Override
    void close();
}
