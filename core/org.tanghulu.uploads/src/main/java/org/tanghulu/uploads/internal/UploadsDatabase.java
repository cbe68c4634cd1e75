package org.tanghulu.uploads.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.kernel.store.OwnTables;

/**
 * The uploads tables on a current schema ({@link OwnTables}: {@code db/uploads}, history
 * {@code flyway_history_uploads}), migrated on activation; persistence unit {@code tanghulu-uploads}.
 */
@Component(service = UploadsDatabase.class)
public class UploadsDatabase {

    static final OwnTables TABLES = new OwnTables("uploads", "classpath:db/uploads", "flyway_history_uploads",
            List.of("upload", "upload_content"), "nothing (new in 0.1)", Map.of());

    private final JpaTemplate jpa;

    @Activate
    public UploadsDatabase(@Reference(target = "(osgi.jndi.service.name=tanghulu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=tanghulu-uploads)") JpaTemplate jpa) {
        TABLES.migrate(dataSource, UploadsDatabase.class.getClassLoader());
        this.jpa = jpa;
    }

    /** @return the persistence unit's template */
    public JpaTemplate jpa() {
        return jpa;
    }
}
