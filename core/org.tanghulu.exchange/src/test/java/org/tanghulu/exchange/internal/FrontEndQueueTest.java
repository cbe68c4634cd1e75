package org.tanghulu.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.ParkedResult;
import org.tanghulu.exchange.TaskExchange.State;
import org.tanghulu.testing.TcpProxy;

/**
 * FRONT_END through the machine's RabbitMQ broker (127.0.0.1:5672, guest/guest), reached through a
 * proxy this test owns, so that the broker seems to go down and come back while the shared broker
 * itself is never stopped. The test plays the department's front-end processor with the plain client:
 * it takes the requests from {@code tanghulu.fe.stats.requests} and publishes results to
 * {@code tanghulu.fe.stats.results}.
 */
class FrontEndQueueTest {

    private DirectFixture f;
    private TcpProxy proxy;
    private Connection broker;
    private Channel processor;

    @BeforeEach
    void start() throws Exception {
        proxy = new TcpProxy(5672);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672/%2F");
        broker = factory.newConnection("front-end-processor-test");
        processor = broker.createChannel();
        for (String queue : List.of(QueueTransport.requests("stats"), QueueTransport.results("stats"))) {
            processor.queueDeclare(queue, true, false, false, null);
            processor.queuePurge(queue);
        }
        f = new DirectFixture(2000, 60);
        f.sender.linkFrontEnd("stats", "amqp://guest@127.0.0.1:" + proxy.port() + "/%2F", "guest");
    }

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private long task() {
        long id = f.cases.add();
        f.sender.enqueue(DirectFixture.TN, id, "stats", "registration", FrontEndExchange.MODE);
        return id;
    }

    /** @return the requests waiting for the front-end processor, taken off the queue: message id, batch, body */
    private List<String[]> take() throws Exception {
        List<String[]> all = new ArrayList<>();
        GetResponse got;
        while ((got = processor.basicGet(QueueTransport.requests("stats"), true)) != null) {
            all.add(new String[] {got.getProps().getMessageId(), got.getProps().getCorrelationId(),
                    new String(got.getBody(), StandardCharsets.UTF_8)});
        }
        return all;
    }

    private void result(String messageId, String body) throws Exception {
        processor.basicPublish("", QueueTransport.results("stats"), new AMQP.BasicProperties.Builder().messageId(messageId)
                .deliveryMode(2).contentType("application/json").build(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String approved(String answerId, long task) {
        return "{\"answerId\":\"" + answerId + "\",\"task\":" + task + ",\"kind\":\"APPROVED\",\"outputs\":{\"reg-no\":\"MQ-" + task
                + "\"}}";
    }

    @Test
    void aBatchGoesThroughTheBrokerAndItsResultsDecideEachTaskOnceInAnyOrderAndWhenRepeated() throws Exception {
        long a = task();
        long b = task();
        f.frontEnd.round(Instant.now());
        List<String[]> sent = take();
        assertEquals(2, sent.size());
        assertTrue(sent.get(0)[0].startsWith("task-" + a + "-") && sent.get(1)[0].startsWith("task-" + b + "-"), "in order");
        assertEquals(sent.get(0)[1], sent.get(1)[1], "one batch");
        assertTrue(sent.get(0)[2].contains("某某科技有限公司"), sent.get(0)[2]);
        assertEquals(State.WAITING, f.row(a).state);

        result("r-b", approved("ans-b", b));
        result("r-a", approved("ans-a", a));
        result("r-a-again", approved("ans-a", a)); // the processor sent it twice (at least once)
        result("r-a-second", approved("ans-a-2", a)); // a second decision
        f.frontEnd.round(Instant.now());
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(a).state());
        assertEquals("MQ-" + b, f.cases.tasks.get(b).outputs().get("reg-no"));
        assertEquals(2, f.cases.decisions.get());
        assertEquals(List.of("r-a-second"), f.sender.parked(10).stream().map(ParkedResult::messageId).toList());
        assertEquals(0, processor.messageCount(QueueTransport.results("stats")), "every result acknowledged");
        LinkStatus link = f.sender.links().get(0);
        assertEquals(LinkStatus.QUEUE, link.transport());
        assertTrue(f.dossiers.verify(DirectFixture.TN).intact());
    }

    @Test
    void brokerDownThenUpThroughTheProxyNothingLostNothingDoubled() throws Exception {
        proxy.cut();
        long a = task();
        long b = task();
        f.frontEnd.round(Instant.now());
        assertEquals(State.QUEUED, f.row(a).state);
        assertEquals(2, f.sender.links().get(0).queued(), "the outbox holds them");
        assertNotNull(f.sender.links().get(0).lastFailure());
        assertEquals(0, processor.messageCount(QueueTransport.requests("stats")));

        proxy.restore();
        f.frontEnd.round(Instant.now().plusSeconds(5));
        assertEquals(State.WAITING, f.row(a).state);
        assertEquals(State.WAITING, f.row(b).state);

        // stopped after the broker confirmed the batch, before the platform recorded it: sent again, same ids
        f.store.changeTask(a, Instant.now(), r -> r.state = State.QUEUED);
        f.frontEnd.round(Instant.now().plusSeconds(10));
        List<String[]> sent = take();
        assertEquals(3, sent.size(), "at least once: a's request twice");
        assertEquals(2, sent.stream().map(r -> r[0]).distinct().count(), "with the same message id");
        for (String[] r : sent) { // an idempotent processor answers a message id again with the same answer
            long task = Long.parseLong(r[0].split("-")[1]);
            result("res-" + r[0], approved("ans-" + task, task));
        }
        proxy.cut();
        f.frontEnd.round(Instant.now().plusSeconds(15)); // down again: the results wait in the broker
        assertEquals(0, f.cases.decisions.get());
        proxy.restore();
        f.frontEnd.round(Instant.now().plusSeconds(20));
        assertEquals(2, f.cases.decisions.get(), "each task decided once");
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(a).state());
        assertEquals(TaskState.APPROVED, f.cases.tasks.get(b).state());
        assertTrue(f.sender.parked(10).isEmpty(), "a repeated answer is no poison");
        assertEquals(0, f.sender.links().get(0).queued());
    }
}
