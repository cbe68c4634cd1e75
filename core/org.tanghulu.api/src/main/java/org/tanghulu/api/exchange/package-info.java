/**
 * The exchange SPI: how a department's own system takes part in its matters.
 *
 * <p>A department declares, per matter, how its tasks reach its system ({@link ExchangeMode}) by
 * registering an {@link ExchangeAdapter} with the same {@code department.id} as its
 * {@link org.tanghulu.api.Department}. Without one, every matter is {@link ExchangeMode#MANUAL}:
 * officers decide on the desk. For every mode the platform, not the adapter, owns the transport,
 * timeouts, retries, idempotency, the signed record of every message (the case dossier) and the
 * fall-back to the desk; the adapter only states the mode and may map the platform's data to the
 * field names the department's system knows.
 *
 * <p>Semantically versioned like {@code org.tanghulu.api}: a minor version adds, a major breaks.
 */
@Export
@Version("1.0.0")
package org.tanghulu.api.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
