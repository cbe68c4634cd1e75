package org.tanghulu.exchange.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.core.cases.events.CaseEventListener;

/**
 * Runs a dossier round and a direct-exchange round as soon as this node commits case events, and a
 * front-end round when that queued a FRONT_END task, so that a task reaches its department's system or
 * front-end processor in milliseconds rather than at the next scheduled round (which still comes, for
 * other nodes' events and for the front-end processors' results). Wake-ups that arrive while a round runs make
 * one more round, on one thread of its own.
 */
@Component(service = CaseEventListener.class)
public class ExchangeWaker implements CaseEventListener {

    private final DossierRelay relay;
    private final DirectSender sender;
    private final FrontEndExchange frontEnd;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tanghulu-exchange-waker");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ExchangeWaker(@Reference DossierRelay relay, @Reference DirectSender sender, @Reference FrontEndExchange frontEnd) {
        this.relay = relay;
        this.sender = sender;
        this.frontEnd = frontEnd;
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public void appended(long position) {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    pending.set(false);
                    relay.run();
                    sender.run();
                    frontEnd.runIfDue();
                });
            } catch (RejectedExecutionException e) {
                pending.set(false); // deactivated: the scheduled rounds take over
            }
        }
    }
}
