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
 * Runs a dossier round and a direct-exchange round as soon as this node commits case events, so that
 * a DIRECT task reaches its department's system in milliseconds rather than at the next scheduled
 * round (which still comes, for other nodes' events). Wake-ups that arrive while a round runs make
 * one more round, on one thread of its own.
 */
@Component(service = CaseEventListener.class)
public class ExchangeWaker implements CaseEventListener {

    private final DossierRelay relay;
    private final DirectSender sender;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tanghulu-exchange-waker");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ExchangeWaker(@Reference DossierRelay relay, @Reference DirectSender sender) {
        this.relay = relay;
        this.sender = sender;
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
                });
            } catch (RejectedExecutionException e) {
                pending.set(false); // deactivated: the scheduled rounds take over
            }
        }
    }
}
