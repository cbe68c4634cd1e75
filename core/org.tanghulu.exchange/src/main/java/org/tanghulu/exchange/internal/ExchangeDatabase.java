package org.tanghulu.exchange.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.kernel.store.OwnTables;

/**
 * The exchange tables on a current schema ({@link OwnTables}: {@code db/exchange}, history
 * {@code flyway_history_exchange}, the id sequence caught up after a crash), migrated on activation
 * before any service of this bundle runs. Own persistence unit {@code tanghulu-exchange}.
 */
@Component(service = ExchangeDatabase.class)
public class ExchangeDatabase {

    static final OwnTables TABLES = new OwnTables("exchange", "classpath:db/exchange", "flyway_history_exchange",
            List.of("dossier_entry", "dossier_head", "exchange_key", "exchange_cursor"), "no earlier bundle",
            Map.of("dossier_entry_seq", "dossier_entry.id", "exchange_incident_seq", "exchange_incident.id",
                    "exchange_parked_seq", "exchange_parked.id"));

    private final JpaTemplate jpa;

    @Activate
    public ExchangeDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-exchange)") JpaTemplate jpa) {
        TABLES.migrate(dataSource, ExchangeDatabase.class.getClassLoader());
        this.jpa = jpa;
    }

    /** @return the persistence unit's template; run every unit of work through its {@code tx}/{@code txExpr} */
    public JpaTemplate jpa() {
        return jpa;
    }
}
