package org.tanghulu.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * A front-end processor reached through a RabbitMQ broker (AMQP 0-9-1): per department a durable queue
 * {@code tanghulu.fe.<department>.requests} the platform publishes to (persistent messages, confirmed
 * by the broker before the batch counts as sent) and {@code tanghulu.fe.<department>.results} it reads
 * with explicit acknowledgements (a result is acknowledged only once it is used or parked; one that must
 * wait goes back to the queue). At least once: a batch sent again after a crash reaches the processor
 * again with the same message ids, and the platform's own checks make a result decide once.
 */
final class QueueTransport implements FrontEndTransport {

    private static final long CONFIRM_MILLIS = 10_000;
    private final Channel channel;

    /**
     * @param uri {@code amqp://user@host:port/vhost}
     * @param password the user's password, or empty if the URI has it
     * @return a connection to the broker, kept by the caller between rounds
     */
    static Connection connect(String uri, String password, int timeoutMillis) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        if (!password.isEmpty()) {
            factory.setPassword(password);
        }
        factory.setConnectionTimeout(timeoutMillis);
        factory.setHandshakeTimeout(timeoutMillis);
        factory.setAutomaticRecoveryEnabled(false); // a broken connection is replaced by the next round
        return factory.newConnection("tanghulu-front-end");
    }

    /** A channel of its own on {@code connection}, closed with this; the connection stays open. */
    QueueTransport(Connection connection) throws Exception {
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    static String requests(String department) {
        return "tanghulu.fe." + department + ".requests";
    }

    static String results(String department) {
        return "tanghulu.fe." + department + ".results";
    }

    /** Declares the department's two durable queues (idempotent); call before {@link #send} and {@link #receive}. */
    QueueTransport prepare(String department) throws Exception {
        channel.queueDeclare(requests(department), true, false, false, null);
        channel.queueDeclare(results(department), true, false, false, null);
        return this;
    }

    @Override
    public int send(String department, String batchId, List<Request> batch) throws Exception {
        for (Request r : batch) {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .contentEncoding("UTF-8").deliveryMode(2).messageId(r.messageId()).correlationId(batchId)
                    .headers(Map.of("task", r.task(), "trackingNumber", r.trackingNumber(), "department", department)).build();
            channel.basicPublish("", requests(department), false, properties, r.body());
        }
        channel.waitForConfirmsOrDie(CONFIRM_MILLIS);
        return batch.size();
    }

    @Override
    public int receive(String department, long cursor, int max, Results results) throws Exception {
        int read = 0;
        while (read < max) {
            GetResponse got = channel.basicGet(results(department), false);
            if (got == null) {
                break;
            }
            long tag = got.getEnvelope().getDeliveryTag();
            String messageId = got.getProps().getMessageId() != null ? got.getProps().getMessageId()
                    : "amqp-" + SystemTasks.digest(got.getBody());
            if (results.use(-1, messageId, new String(got.getBody(), StandardCharsets.UTF_8)) == FrontEndExchange.Use.WAIT) {
                channel.basicNack(tag, false, true);
                break;
            }
            channel.basicAck(tag, false);
            read++;
        }
        return read;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (Exception e) {
            // the connection went: the next round makes a new one
        }
    }
}
